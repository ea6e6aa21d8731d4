package com.wedsync.calsync.integration;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalDavClientFactory;

import org.springframework.stereotype.Component;

/**
 * Opens a CalDAV session for an integration. The only place the stored credential is
 * opened, so its plaintext lives no longer than the session.
 */
@Component
public class IntegrationConnector {

	private final CalDavClientFactory clients;

	private final IntegrationRepository integrations;

	IntegrationConnector(CalDavClientFactory clients, IntegrationRepository integrations) {
		this.clients = clients;
		this.integrations = integrations;
	}

	public CalDavClient connect(Integration integration) {
		return this.clients.connect(integration.serverUrl(), this.integrations.credentials(integration.id()));
	}

}
