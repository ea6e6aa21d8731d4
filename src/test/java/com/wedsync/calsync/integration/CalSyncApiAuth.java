package com.wedsync.calsync.integration;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Authorization header values for raw requests. */
final class CalSyncApiAuth {

	static final String ADMIN = basic("admin", "test-admin-password");

	private CalSyncApiAuth() {
	}

	static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
