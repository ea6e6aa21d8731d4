package com.wedsync.calsync.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme of both directions: {@code X-Calsync-Signature: sha256=<hex>}, the
 * HMAC-SHA256 with the shared secret of {@code <timestamp>.<raw body>}, where the
 * timestamp (unix seconds) is sent as {@code X-Calsync-Timestamp}. Signing the timestamp
 * keeps a captured delivery from being replayed later with a fresh one.
 */
public final class WebhookSignature {

	/** Header carrying the unix time (seconds) the sender signed at. */
	public static final String TIMESTAMP_HEADER = "X-Calsync-Timestamp";

	/** Header carrying {@code sha256=<lower-case hex>}. */
	public static final String SIGNATURE_HEADER = "X-Calsync-Signature";

	private static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	/** The header value for a body signed at the given unix time. */
	public static String sign(String secret, long timestamp, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
	}

	/**
	 * Whether the header value is the signature of the body at the timestamp. The
	 * comparison takes the same time wherever the values differ, so the signature cannot
	 * be guessed byte by byte.
	 */
	public static boolean verify(String secret, long timestamp, byte[] body, String header) {
		if (header == null || !header.startsWith(PREFIX)) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(mac(secret, timestamp, body), given);
	}

	private static byte[] mac(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
