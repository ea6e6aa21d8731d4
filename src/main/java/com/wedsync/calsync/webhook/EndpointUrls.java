package com.wedsync.calsync.webhook;

import java.net.URI;
import java.net.URISyntaxException;

import com.wedsync.calsync.caldav.ForbiddenUrlException;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;
import com.wedsync.calsync.caldav.UnresolvableHostException;
import com.wedsync.calsync.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Checks the URL a tenant registers as an endpoint: absolute http(s) with a host and no
 * credentials, then the outbound URL policy (https, public addresses only, against
 * server-side request forgery), as for CalDAV servers.
 */
@Component
class EndpointUrls {

	private final OutboundUrlPolicy policy;

	EndpointUrls(OutboundUrlPolicy policy) {
		this.policy = policy;
	}

	URI check(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException("url", "url is required");
		}
		try {
			URI uri = new URI(value.trim());
			String scheme = uri.getScheme();
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
					|| uri.getUserInfo() != null) {
				throw new InvalidRequestException("url",
						"url must be an absolute http(s) URL without credentials, not '" + value + "'");
			}
			this.policy.check(uri);
			return uri;
		}
		catch (UnresolvableHostException ex) {
			// Accepted, as for CalDAV servers: each delivery resolves and checks it
			// again.
			return URI.create(value.trim());
		}
		catch (ForbiddenUrlException ex) {
			throw new InvalidRequestException("url", ex.getMessage());
		}
		catch (URISyntaxException ex) {
			throw new InvalidRequestException("url", "url is not a URL: " + ex.getMessage());
		}
	}

}
