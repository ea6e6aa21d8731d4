package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * A complete HTTP answer, body read into memory (bounded by the transport).
 *
 * @param url the request URL
 * @param method the request method
 * @param status the HTTP status
 * @param headers response headers, names case-insensitive, first value of each
 * @param body the body, empty when there was none
 */
record DavResponse(URI url, String method, int status, Map<String, String> headers, byte[] body) {

	DavResponse {
		TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseInsensitive.putAll(headers);
		headers = caseInsensitive;
	}

	String header(String name) {
		return this.headers.get(name);
	}

	boolean isSuccess() {
		return this.status / 100 == 2;
	}

}
