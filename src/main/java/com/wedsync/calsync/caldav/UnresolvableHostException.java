package com.wedsync.calsync.caldav;

import java.net.URI;

/**
 * The URL's host does not resolve now, so the policy cannot say its addresses are
 * allowed: refused like any other {@link ForbiddenUrlException} by a caller that does not
 * know better. A caller whose connection resolves again through
 * {@link OutboundUrlPolicy#allowedAddresses(String)} (and so is checked there) may treat
 * it as the transient network failure it usually is.
 */
public class UnresolvableHostException extends ForbiddenUrlException {

	public UnresolvableHostException(String reason, URI url) {
		super(reason, url);
	}

}
