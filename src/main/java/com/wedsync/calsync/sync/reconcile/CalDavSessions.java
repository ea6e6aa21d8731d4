package com.wedsync.calsync.sync.reconcile;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;

/**
 * The CalDAV sessions one reconciliation needs: a wedding's participants may have
 * calendars on several accounts, and a change reaches all of them in the same run. Opened
 * on first use, closed together.
 */
public class CalDavSessions implements AutoCloseable {

	private final IntegrationConnector connector;

	private final IntegrationRepository integrations;

	private final Map<UUID, CalDavClient> open = new HashMap<>();

	public CalDavSessions(IntegrationConnector connector, IntegrationRepository integrations) {
		this.connector = connector;
		this.integrations = integrations;
	}

	public CalDavClient forIntegration(UUID integrationId) {
		return this.open.computeIfAbsent(integrationId,
				(id) -> this.connector.connect(this.integrations.find(id).orElseThrow()));
	}

	@Override
	public void close() {
		this.open.values().forEach(CalDavClient::close);
		this.open.clear();
	}

}
