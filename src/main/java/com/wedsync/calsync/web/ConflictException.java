package com.wedsync.calsync.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request that conflicts with the current state of a resource: 409 problem details. */
public class ConflictException extends ErrorResponseException {

	public ConflictException(String title, String detail) {
		super(HttpStatus.CONFLICT, problem(title, detail), null);
	}

	private static ProblemDetail problem(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle(title);
		return problem;
	}

}
