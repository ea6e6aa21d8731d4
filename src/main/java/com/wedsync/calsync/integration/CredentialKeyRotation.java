package com.wedsync.calsync.integration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.integration.credentials.CredentialException;
import com.wedsync.calsync.integration.credentials.CredentialKeyring;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

/**
 * Re-seals every stored credential that an older key sealed under the current key, one
 * row per short transaction, while the service keeps running: every configured key opens
 * what it sealed throughout, so syncs never notice. Rows whose key is no longer
 * configured are reported, not touched.
 */
@Service
public class CredentialKeyRotation {

	private static final Log logger = LogFactory.getLog(CredentialKeyRotation.class);

	private static final int BATCH = 100;

	private final IntegrationRepository integrations;

	private final CredentialKeyring keyring;

	CredentialKeyRotation(IntegrationRepository integrations, CredentialKeyring keyring) {
		this.integrations = integrations;
		this.keyring = keyring;
	}

	public Result rotate() {
		String current = this.keyring.currentKeyId();
		Set<UUID> unreadable = new HashSet<>();
		int resealed = 0;
		while (true) {
			List<UUID> batch = new ArrayList<>(
					this.integrations.sealedWithOtherKeyThan(current, BATCH + unreadable.size()));
			batch.removeAll(unreadable);
			if (batch.isEmpty()) {
				break;
			}
			for (UUID id : batch) {
				try {
					if (this.integrations.reseal(id)) {
						resealed++;
					}
				}
				catch (CredentialException ex) {
					// The message names the key id, never the secret or the key.
					logger.warn("Credential of integration " + id + " not re-sealed: " + ex.getMessage());
					unreadable.add(id);
				}
			}
		}
		logger.info("Credential key rotation to '" + current + "': " + resealed + " re-sealed, " + unreadable.size()
				+ " unreadable");
		return new Result(current, resealed, List.copyOf(unreadable));
	}

	/**
	 * @param currentKeyId the key every readable credential is now sealed with
	 * @param resealed how many credentials this run re-sealed
	 * @param unreadable integrations whose key is not configured (their owners must enter
	 * the password again)
	 */
	public record Result(String currentKeyId, int resealed, List<UUID> unreadable) {
	}

}
