package com.wedsync.calsync.support.logscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets the tests hand to the service (passwords, issued tenant tokens), appended
 * to {@code target/test-logs/secrets.txt} as they appear, so {@link LogSecretScan} can
 * check after the suite that none of them reached a log line. Values shorter than
 * {@link LogSecretScan#MIN_LENGTH} are too common to search for and are not recorded.
 */
public final class SuiteSecrets {

	/** Where the secrets of a test run go. */
	public static final Path FILE = Path.of("target", "test-logs", "secrets.txt");

	private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

	private SuiteSecrets() {
	}

	/** Records a secret; also its HTTP Basic form when a username is given. */
	public static void record(String username, String secret) {
		record(secret);
		if (username != null && secret != null) {
			record(Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8)));
		}
	}

	/** Records a secret (once per run). */
	public static void record(String secret) {
		if (secret == null || secret.length() < LogSecretScan.MIN_LENGTH || !RECORDED.add(secret)) {
			return;
		}
		try {
			Files.createDirectories(FILE.getParent());
			synchronized (SuiteSecrets.class) {
				Files.writeString(FILE, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Records the secret an Authorization header carries: a bearer token or Basic pair.
	 */
	public static void recordAuthorization(String authorization) {
		if (authorization == null) {
			return;
		}
		if (authorization.startsWith("Bearer ")) {
			record(authorization.substring("Bearer ".length()));
		}
		else if (authorization.startsWith("Basic ")) {
			String encoded = authorization.substring("Basic ".length());
			record(encoded);
			String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			record(pair.substring(pair.indexOf(':') + 1));
		}
	}

}
