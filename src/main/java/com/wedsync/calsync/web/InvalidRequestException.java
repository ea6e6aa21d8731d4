package com.wedsync.calsync.web;

/** A request that is well-formed but makes no sense (400), with a message saying why. */
public class InvalidRequestException extends RuntimeException {

	private final String field;

	public InvalidRequestException(String message) {
		this(null, message);
	}

	/**
	 * @param field the request field that is wrong, listed in the problem's
	 * {@code errors} as bean validation failures are
	 */
	public InvalidRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The request field that is wrong, or {@code null}. */
	public String getField() {
		return this.field;
	}

}
