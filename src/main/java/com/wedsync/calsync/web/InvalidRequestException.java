package com.wedsync.calsync.web;

/** A request that is well-formed but makes no sense (400), with a message saying why. */
public class InvalidRequestException extends RuntimeException {

	public InvalidRequestException(String message) {
		super(message);
	}

}
