package com.wedsync.calsync.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.security.TenantTokens.IssuedToken;
import com.wedsync.calsync.security.TenantTokens.TenantToken;
import com.wedsync.calsync.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tenants/{tenantId}/tokens}: the admin issues, lists and revokes tenant
 * tokens.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/tokens")
class TenantTokenController {

	private final TenantTokens tokens;

	TenantTokenController(TenantTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	ResponseEntity<IssuedTokenResponse> issue(
			@PathVariable @Pattern(regexp = TenantIds.PATTERN, message = TenantIds.MESSAGE) String tenantId,
			@Valid @RequestBody IssueTokenRequest request) {
		IssuedToken issued = this.tokens.issue(tenantId, request.name());
		TenantToken token = issued.token();
		return ResponseEntity.created(URI.create("/api/tenants/" + tenantId + "/tokens/" + token.id()))
			.body(new IssuedTokenResponse(token.id(), token.tenantId(), token.name(), token.createdAt(),
					issued.secret()));
	}

	@GetMapping
	List<TenantToken> list(
			@PathVariable @Pattern(regexp = TenantIds.PATTERN, message = TenantIds.MESSAGE) String tenantId) {
		return this.tokens.list(tenantId);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable @Pattern(regexp = TenantIds.PATTERN, message = TenantIds.MESSAGE) String tenantId,
			@PathVariable UUID id) {
		if (!this.tokens.revoke(tenantId, id)) {
			throw new ResourceNotFoundException("tenant token", id);
		}
	}

	record IssueTokenRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String name) {
	}

	/** The only answer that carries the token. */
	record IssuedTokenResponse(UUID id, String tenantId, String name, Instant createdAt, String token) {
	}

}
