package com.wedsync.calsync.integration.credentials;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

	/**
	 * This keyring with retired keys added: they open what they sealed, never seal
	 * anything new. A retired key cannot reuse the current key's id.
	 */
	public CredentialKeyring with(Map<String, SecretKey> retired) {
		Assert.isTrue(!retired.containsKey(this.currentKeyId),
				() -> "retired key id '" + this.currentKeyId + "' is the current key's id");
		Map<String, SecretKey> all = new HashMap<>(retired);
		all.putAll(this.keys);
		return new CredentialKeyring(this.currentKeyId, all);
	}

	/** The ids of every key that can open a credential, the current one included. */
	public Set<String> keyIds() {
		return this.keys.keySet();
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

	@Override
	public String toString() {
		// never the key material
		return "CredentialKeyring[current=" + this.currentKeyId + ", keys=" + new TreeSet<>(this.keys.keySet()) + "]";
	}

}
