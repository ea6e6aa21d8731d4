package com.wedsync.calsync.caldav;

/**
 * The precondition of a PUT: never overwrite blindly. A new resource is created with
 * {@code If-None-Match: *}; an existing one is replaced only if its ETag is still the one
 * we based the change on ({@code If-Match}).
 */
public sealed interface WriteCondition {

	static WriteCondition create() {
		return new Create();
	}

	/**
	 * @param etag the ETag the change is based on; {@code null} when the server never
	 * told it, which fails as a precondition without a request: read the copy again
	 */
	static WriteCondition ifMatch(String etag) {
		return new IfMatch(etag);
	}

	record Create() implements WriteCondition {
	}

	record IfMatch(String etag) implements WriteCondition {
	}

}
