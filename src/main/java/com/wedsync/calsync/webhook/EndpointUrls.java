package com.wedsync.calsync.webhook;

import java.net.URI;
import java.net.URISyntaxException;

import com.wedsync.calsync.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Checks the URL a tenant registers as an endpoint: absolute http(s) with a host. The one
 * place to refuse more (private or link-local addresses, against server-side request
 * forgery) before the service ever posts to a URL it was given.
 */
@Component
class EndpointUrls {

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
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidRequestException("url", "url is not a URL: " + ex.getMessage());
		}
	}

}
