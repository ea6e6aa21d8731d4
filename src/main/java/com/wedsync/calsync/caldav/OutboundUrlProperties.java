package com.wedsync.calsync.caldav;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which servers calsync may connect to ({@code calsync.caldav.url-policy.*}). The
 * defaults are for production: https only, public addresses only. Tests and the local
 * demo talk to servers on loopback and say so here.
 *
 * @param requireHttps refuse plain http
 * @param allowLoopback allow 127.0.0.0/8 and ::1
 * @param allowPrivate allow private, unique-local, link-local and carrier-grade NAT
 * ranges (never the cloud metadata address 169.254.169.254)
 */
@ConfigurationProperties("calsync.caldav.url-policy")
public record OutboundUrlProperties(@DefaultValue("true") boolean requireHttps,
		@DefaultValue("false") boolean allowLoopback, @DefaultValue("false") boolean allowPrivate) {

	/** Anything goes: for clients built by hand in tests against local stubs. */
	public static OutboundUrlProperties permissive() {
		return new OutboundUrlProperties(false, true, true);
	}

}
