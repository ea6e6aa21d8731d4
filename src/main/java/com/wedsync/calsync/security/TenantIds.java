package com.wedsync.calsync.security;

/**
 * What a tenant id may be: it travels in URLs, logs and metrics labels, so letters,
 * digits and {@code . _ : @ -}, starting with a letter or digit, at most 100 long (the
 * column's width).
 */
public final class TenantIds {

	/** For {@code @Pattern} on request fields and path variables. */
	public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}";

	public static final String MESSAGE = "must be 1 to 100 letters, digits or . _ : @ -, starting with a letter or digit";

	private TenantIds() {
	}

}
