package com.wedsync.calsync.integration.credentials;

import java.util.Map;

import javax.crypto.SecretKey;

import org.springframework.util.Assert;

/**
 * The AES keys credentials are sealed with: the current one for new seals, and older ones
 * still able to open what they sealed, so keys can be rotated.
 */
public final class CredentialKeyring {

	private final String currentKeyId;

	private final Map<String, SecretKey> keys;

	public CredentialKeyring(String currentKeyId, Map<String, SecretKey> keys) {
		Assert.hasText(currentKeyId, "currentKeyId must not be empty");
		Assert.isTrue(keys.containsKey(currentKeyId), "the current key must be in the keyring");
		this.currentKeyId = currentKeyId;
		this.keys = Map.copyOf(keys);
	}

	public String currentKeyId() {
		return this.currentKeyId;
	}

	SecretKey currentKey() {
		return this.keys.get(this.currentKeyId);
	}

	SecretKey key(String keyId) {
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new CredentialException("No credential key with id '" + keyId + "' is configured");
		}
		return key;
	}

}
