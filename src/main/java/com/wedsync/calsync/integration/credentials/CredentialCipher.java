package com.wedsync.calsync.integration.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets with AES-256-GCM. The owner's id is bound in as associated data, so a
 * ciphertext copied onto another integration's row does not open.
 */
public class CredentialCipher {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final CredentialKeyring keyring;

	private final SecureRandom random = new SecureRandom();

	public CredentialCipher(CredentialKeyring keyring) {
		this.keyring = keyring;
	}

	public SealedCredential seal(String secret, String owner) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.keyring.currentKey(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return new SealedCredential(this.keyring.currentKeyId(), Base64.getEncoder().encodeToString(out));
		}
		catch (GeneralSecurityException ex) {
			throw new CredentialException("Could not seal a credential", ex);
		}
	}

	public String open(SealedCredential credential, String owner) {
		try {
			byte[] in = Base64.getDecoder().decode(credential.ciphertext());
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.keyring.key(credential.keyId()),
					new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new CredentialException("Could not open the credential sealed with key '" + credential.keyId()
					+ "': wrong key or tampered data", ex);
		}
	}

}
