package com.wedsync.calsync.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.wedding.WeddingEventChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A platform edit of an event happening within the emergency window (48 hours by default)
 * must be on every participant's phone now, not at the next poll: it triggers an
 * emergency sync of each active integration that owns a participant calendar of the
 * wedding. Runs after the edit committed, so the sync sees it.
 */
@Component
class WeddingDayEmergencies {

	private static final Log logger = LogFactory.getLog(WeddingDayEmergencies.class);

	private final JdbcClient jdbc;

	private final EmergencySyncs emergencies;

	private final SchedulingProperties properties;

	WeddingDayEmergencies(JdbcClient jdbc, EmergencySyncs emergencies, SchedulingProperties properties) {
		this.jdbc = jdbc;
		this.emergencies = emergencies;
		this.properties = properties;
	}

	// The edit's transaction is over; its connection must not take our writes.
	@TransactionalEventListener
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void onEventChanged(WeddingEventChanged changed) {
		Instant now = Instant.now();
		if (!changed.happensBetween(now, now.plus(this.properties.emergencyWindow()))) {
			return;
		}
		for (UUID integrationId : participantIntegrations(changed.weddingId())) {
			try {
				this.emergencies.request(integrationId, "wedding-day change of event " + changed.eventId());
			}
			catch (RuntimeException ex) {
				// The edit is committed and in the outbox; the next poll still takes it.
				logger.warn("Emergency sync of integration " + integrationId + " not scheduled: " + ex.getMessage());
			}
		}
	}

	private List<UUID> participantIntegrations(UUID weddingId) {
		return this.jdbc
			.sql("SELECT DISTINCT c.integration_id FROM participant p JOIN calendar c ON c.id = p.calendar_id "
					+ "JOIN integration i ON i.id = c.integration_id WHERE p.wedding_id = ? AND i.status = 'ACTIVE'")
			.param(weddingId)
			.query(UUID.class)
			.list();
	}

}
