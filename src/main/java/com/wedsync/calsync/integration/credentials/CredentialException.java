package com.wedsync.calsync.integration.credentials;

/** A credential could not be sealed or opened. Never carries the secret. */
public class CredentialException extends RuntimeException {

	public CredentialException(String message) {
		super(message);
	}

	public CredentialException(String message, Throwable cause) {
		super(message, cause);
	}

}
