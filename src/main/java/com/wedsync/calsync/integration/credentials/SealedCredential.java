package com.wedsync.calsync.integration.credentials;

/**
 * An encrypted secret as stored: which key sealed it, and base64 of nonce + ciphertext +
 * GCM tag. Holds nothing readable.
 */
public record SealedCredential(String keyId, String ciphertext) {
}
