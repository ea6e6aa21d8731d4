package com.wedsync.calsync.integration.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Where the credential key comes from: {@code CALSYNC_CREDENTIALS_KEY} (base64 of 32
 * bytes) with {@code CALSYNC_CREDENTIALS_KEY_ID} in production; otherwise a key generated
 * once into {@code <data-dir>/credential.key} (owner-only permissions), which is what the
 * embedded zero-setup default needs. Keys being rotated out stay readable through
 * {@code CALSYNC_CREDENTIALS_RETIRED_KEYS} ({@code id:base64,id:base64}) until
 * {@code POST /api/admin/credential-key-rotation} has re-sealed everything under the
 * current key.
 */
@Configuration(proxyBeanMethods = false)
class CredentialKeyConfiguration {

	private static final Log logger = LogFactory.getLog(CredentialKeyConfiguration.class);

	private static final String KEY_FILE = "credential.key";

	@Bean
	CredentialCipher credentialCipher(CredentialKeyring keyring) {
		return new CredentialCipher(keyring);
	}

	@Bean
	CredentialKeyring credentialKeyring(@Value("${calsync.credentials.key:}") String key,
			@Value("${calsync.credentials.key-id:}") String keyId,
			@Value("${calsync.credentials.retired-keys:}") String retiredKeys,
			@Value("${calsync.data-dir}") Path dataDir) throws IOException {
		CredentialKeyring current = currentKey(key, keyId, dataDir);
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		for (String entry : StringUtils.commaDelimitedListToStringArray(retiredKeys)) {
			String[] idAndKey = entry.trim().split(":", 2);
			if (idAndKey.length != 2 || !StringUtils.hasText(idAndKey[0])) {
				throw new IllegalStateException("calsync.credentials.retired-keys must list '<key id>:<base64 key>'");
			}
			keys.put(idAndKey[0].trim(), aesKey(idAndKey[1], "calsync.credentials.retired-keys"));
		}
		return current.with(keys);
	}

	private static CredentialKeyring currentKey(String key, String keyId, Path dataDir) throws IOException {
		if (StringUtils.hasText(key)) {
			String id = StringUtils.hasText(keyId) ? keyId : "env";
			return new CredentialKeyring(id, Map.of(id, aesKey(key, "calsync.credentials.key")));
		}
		Path file = dataDir.resolve(KEY_FILE);
		if (!Files.exists(file)) {
			generateKeyFile(file);
		}
		String[] idAndKey = Files.readString(file, StandardCharsets.US_ASCII).trim().split(":", 2);
		if (idAndKey.length != 2) {
			throw new IllegalStateException(file + " must hold '<key id>:<base64 key>'");
		}
		return new CredentialKeyring(idAndKey[0], Map.of(idAndKey[0], aesKey(idAndKey[1], file.toString())));
	}

	private static SecretKey aesKey(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The credential key in " + source + " is not base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(
					"The credential key in " + source + " must be 32 bytes (AES-256), not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static void generateKeyFile(Path file) throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		String keyId = "local-" + Long.toHexString(System.currentTimeMillis());
		Files.createDirectories(file.getParent());
		Path temp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
		try {
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the directory's permissions have to do.
		}
		Files.writeString(temp, keyId + ":" + Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
		Files.move(temp, file);
		logger.info("Generated a credential key in " + file + "; set CALSYNC_CREDENTIALS_KEY in production");
	}

}
