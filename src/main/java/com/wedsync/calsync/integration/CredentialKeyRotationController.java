package com.wedsync.calsync.integration;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/credential-key-rotation} (admin only): re-seals every credential
 * under the current key. Safe to repeat; run it after deploying a new current key with
 * the old one among the retired keys, then drop the old key.
 */
@RestController
class CredentialKeyRotationController {

	private final CredentialKeyRotation rotation;

	CredentialKeyRotationController(CredentialKeyRotation rotation) {
		this.rotation = rotation;
	}

	@PostMapping("/api/admin/credential-key-rotation")
	CredentialKeyRotation.Result rotate() {
		return this.rotation.rotate();
	}

}
