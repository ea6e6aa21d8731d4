package com.wedsync.calsync.admin;

import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.sync.conflict.ConflictRepository;
import com.wedsync.calsync.sync.conflict.RecordedConflict;
import com.wedsync.calsync.security.TenantScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/conflicts}: the decisions that discarded a value, newest first; a
 * tenant sees those of its own integrations.
 */
@RestController
class ConflictController {

	private static final int LIMIT = 500;

	private final ConflictRepository conflicts;

	ConflictController(ConflictRepository conflicts) {
		this.conflicts = conflicts;
	}

	@GetMapping("/api/conflicts")
	List<RecordedConflict> conflicts(@RequestParam(required = false) UUID integrationId) {
		return this.conflicts.find(integrationId, TenantScope.current().orElse(null), LIMIT);
	}

}
