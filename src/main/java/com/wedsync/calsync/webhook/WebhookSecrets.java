package com.wedsync.calsync.webhook;

import java.security.SecureRandom;
import java.util.HexFormat;

import com.wedsync.calsync.integration.credentials.CredentialCipher;
import com.wedsync.calsync.integration.credentials.SealedCredential;

import org.springframework.stereotype.Component;

/**
 * Shared secrets of subscriptions and endpoints: generated here, shown to the caller
 * once, stored sealed with the credential key like integration passwords. The owner (kind
 * and id) is bound into each ciphertext, so one copied onto another row does not open.
 */
@Component
class WebhookSecrets {

	private final CredentialCipher cipher;

	private final SecureRandom random = new SecureRandom();

	WebhookSecrets(CredentialCipher cipher) {
		this.cipher = cipher;
	}

	/** A new random secret: 32 bytes, hex, prefixed so it is recognisable in a vault. */
	String generate() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}

	SealedCredential seal(String secret, String owner) {
		return this.cipher.seal(secret, owner);
	}

	String open(SealedCredential sealed, String owner) {
		return this.cipher.open(sealed, owner);
	}

	static String subscriptionOwner(Object id) {
		return "webhook-subscription:" + id;
	}

	static String endpointOwner(Object id) {
		return "webhook-endpoint:" + id;
	}

}
