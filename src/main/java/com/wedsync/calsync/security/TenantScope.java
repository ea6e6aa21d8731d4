package com.wedsync.calsync.security;

import java.util.Optional;

import com.wedsync.calsync.web.ResourceNotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who the current API caller may see. The admin sees every tenant; a tenant token sees
 * its own tenant only. Another tenant's resource answers 404, as if it did not exist, so
 * ids cannot be probed.
 */
public final class TenantScope {

	private TenantScope() {
	}

	/** The caller's tenant, or empty for the admin (who sees every tenant). */
	public static Optional<String> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof TenantAuthentication tenant) {
			return Optional.of(tenant.tenantId());
		}
		return Optional.empty();
	}

	/** Whether the caller may see a resource owned by the given tenant. */
	public static boolean allows(String ownerTenantId) {
		return current().map((tenant) -> tenant.equals(ownerTenantId)).orElse(true);
	}

	/**
	 * Passes when the caller may see the resource, otherwise throws the same 404 an
	 * unknown id gets.
	 */
	public static void check(String ownerTenantId, String resource, Object id) {
		if (!allows(ownerTenantId)) {
			throw new ResourceNotFoundException(resource, id);
		}
	}

	/**
	 * The tenant a request acts for: a tenant caller's own (a different one named in the
	 * request is refused), or the one the admin names.
	 */
	public static String resolve(String requestedTenantId, String resource, Object id) {
		Optional<String> tenant = current();
		if (tenant.isEmpty()) {
			return requestedTenantId;
		}
		if (requestedTenantId != null && !requestedTenantId.equals(tenant.get())) {
			throw new ResourceNotFoundException(resource, id);
		}
		return tenant.get();
	}

}
