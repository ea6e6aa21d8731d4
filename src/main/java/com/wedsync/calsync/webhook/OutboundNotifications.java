package com.wedsync.calsync.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import com.wedsync.calsync.integration.IntegrationAuthFailed;
import com.wedsync.calsync.sync.conflict.ConflictRecorded;
import com.wedsync.calsync.sync.reconcile.PlatformEventSynced;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a notification for every endpoint of the tenant that takes its type. The
 * listeners are plain (not transactional-event) listeners on purpose: they run inside the
 * transaction that publishes the change, so the notification commits, or rolls back, with
 * it; none is lost between the change and the outbox.
 */
@Component
class OutboundNotifications {

	private final WebhookEndpointRepository endpoints;

	private final NotificationOutbox outbox;

	private final JsonMapper json = JsonMapper.builder().build();

	OutboundNotifications(WebhookEndpointRepository endpoints, NotificationOutbox outbox) {
		this.endpoints = endpoints;
		this.outbox = outbox;
	}

	@EventListener
	void eventSynced(PlatformEventSynced synced) {
		NotificationType type = switch (synced.change()) {
			case CREATED -> NotificationType.EVENT_CREATED;
			case UPDATED -> NotificationType.EVENT_UPDATED;
			case DELETED -> NotificationType.EVENT_DELETED;
		};
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("eventId", synced.eventId());
		data.put("weddingId", synced.weddingId());
		data.put("uid", synced.uid());
		data.put("version", synced.version());
		data.put("integrationId", synced.integrationId());
		data.put("calendarId", synced.calendarId());
		enqueue(synced.tenantId(), type, "event:" + synced.eventId(), data);
	}

	@EventListener
	void conflictRecorded(ConflictRecorded conflict) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conflictId", conflict.conflictId());
		data.put("integrationId", conflict.integrationId());
		data.put("eventId", conflict.eventId());
		data.put("calendarId", conflict.calendarId());
		data.put("field", conflict.field());
		data.put("rule", conflict.rule());
		// ordered with the event's own notifications: a conflict follows the update
		String resource = (conflict.eventId() != null) ? "event:" + conflict.eventId()
				: "conflict:" + conflict.conflictId();
		enqueue(conflict.tenantId(), NotificationType.CONFLICT_RECORDED, resource, data);
	}

	@EventListener
	void authFailed(IntegrationAuthFailed failed) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("integrationId", failed.integrationId());
		data.put("detail", failed.detail());
		enqueue(failed.tenantId(), NotificationType.INTEGRATION_AUTH_FAILED, "integration:" + failed.integrationId(),
				data);
	}

	private void enqueue(String tenantId, NotificationType type, String resourceKey, Map<String, Object> data) {
		if (tenantId == null) {
			return; // never every tenant's endpoints
		}
		Instant now = Instant.now();
		for (WebhookEndpoint endpoint : this.endpoints.findAll(tenantId)) {
			if (!endpoint.receives(type.wireName())) {
				continue;
			}
			UUID id = UUID.randomUUID();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", id);
			body.put("type", type.wireName());
			body.put("occurredAt", now.toString());
			body.put("tenantId", tenantId);
			body.put("data", data);
			this.outbox.enqueue(id, endpoint, type, resourceKey, this.json.writeValueAsString(body));
		}
	}

}
