package com.wedsync.calsync.realtime;

import java.security.Principal;
import java.util.UUID;

/**
 * Who a STOMP session belongs to: a tenant by one of its bearer tokens ({@code tokenId},
 * so revoking the token can end the session) or the admin ({@code tenantId} and
 * {@code tokenId} null), who may watch every integration.
 */
record StompCaller(String name, String tenantId, UUID tokenId) implements Principal {

	static StompCaller tenant(String tenantId, UUID tokenId) {
		return new StompCaller("tenant:" + tenantId, tenantId, tokenId);
	}

	static StompCaller admin(String username) {
		return new StompCaller(username, null, null);
	}

	boolean mayWatch(String ownerTenantId) {
		return this.tenantId == null || this.tenantId.equals(ownerTenantId);
	}

	@Override
	public String getName() {
		return this.name;
	}

}
