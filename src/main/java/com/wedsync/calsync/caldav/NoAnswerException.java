package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * The host did not answer in time: no connection within the connect timeout, silence for
 * the whole read timeout, or no complete answer within the response timeout. Not sent
 * again within the request: a host that stopped answering would only hold the thread
 * another timeout's length.
 */
public class NoAnswerException extends TransportException {

	public NoAnswerException(String message, URI url, Throwable cause) {
		super(message, url, 0, cause);
	}

}
