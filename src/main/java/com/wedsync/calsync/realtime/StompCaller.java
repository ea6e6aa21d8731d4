package com.wedsync.calsync.realtime;

import java.security.Principal;

/**
 * Who a STOMP session belongs to: a tenant (by its bearer token) or the admin
 * ({@code tenantId} null), who may watch every integration.
 */
record StompCaller(String name, String tenantId) implements Principal {

	static StompCaller tenant(String tenantId) {
		return new StompCaller("tenant:" + tenantId, tenantId);
	}

	static StompCaller admin(String username) {
		return new StompCaller(username, null);
	}

	boolean mayWatch(String ownerTenantId) {
		return this.tenantId == null || this.tenantId.equals(ownerTenantId);
	}

	@Override
	public String getName() {
		return this.name;
	}

}
