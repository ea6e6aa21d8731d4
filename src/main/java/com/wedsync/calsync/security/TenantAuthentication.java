package com.wedsync.calsync.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a tenant bearer token; the token itself is not kept. */
final class TenantAuthentication extends AbstractAuthenticationToken {

	static final String ROLE = "TENANT";

	private final String tenantId;

	TenantAuthentication(String tenantId) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
		this.tenantId = tenantId;
		setAuthenticated(true);
	}

	String tenantId() {
		return this.tenantId;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return "tenant:" + this.tenantId;
	}

}
