package com.wedsync.calsync.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The username and password of an {@code Authorization: Basic} header, read the way
 * Spring Security reads it (UTF-8, split at the first colon).
 */
public record BasicCredentials(String username, String password) {

	private static final String BASIC = "Basic ";

	/** Whether the header is a Basic one, readable or not. */
	public static boolean isBasic(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
	}

	/** The credentials; empty when the header is not Basic or cannot be read. */
	public static Optional<BasicCredentials> parse(String authorization) {
		if (!isBasic(authorization)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? Optional.empty()
					: Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Never the password: these end up in exception messages and logs. */
	@Override
	public String toString() {
		return "BasicCredentials[" + this.username + "]";
	}

}
