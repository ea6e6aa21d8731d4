package com.wedsync.calsync.caldav;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which servers calsync may connect to ({@code calsync.caldav.url-policy.*}). The
 * defaults are for production: https only, public addresses only. Tests and the local
 * demo talk to servers on loopback and say so here.
 *
 * @param requireHttps refuse plain http
 * @param allowLoopback allow 127.0.0.0/8, ::1 and this machine's own addresses
 * @param allowPrivate allow private (RFC 1918), unique-local, link-local, site-local,
 * local-use NAT64 and carrier-grade NAT ranges (never the cloud metadata addresses
 * 169.254.169.254 and fd00:ec2::254); every other special-purpose range is refused
 * whatever the flags
 */
@ConfigurationProperties("calsync.caldav.url-policy")
public record OutboundUrlProperties(@DefaultValue("true") boolean requireHttps,
		@DefaultValue("false") boolean allowLoopback, @DefaultValue("false") boolean allowPrivate) {

	/** Anything goes: for clients built by hand in tests against local stubs. */
	public static OutboundUrlProperties permissive() {
		return new OutboundUrlProperties(false, true, true);
	}

}
