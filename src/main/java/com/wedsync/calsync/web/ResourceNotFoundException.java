package com.wedsync.calsync.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request named something that does not exist: 404 problem details. */
public class ResourceNotFoundException extends ErrorResponseException {

	public ResourceNotFoundException(String resource, Object id) {
		super(HttpStatus.NOT_FOUND, problem(resource, id), null);
	}

	private static ProblemDetail problem(String resource, Object id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No " + resource + " with id " + id);
		problem.setTitle(capitalize(resource) + " not found");
		return problem;
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
