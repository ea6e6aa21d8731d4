package com.wedsync.calsync.sync.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.wedsync.calsync.persistence.SqlValues.instant;

/**
 * What one sync of an integration has to reconcile, one priority class at a time: the
 * events with a remote change staged in its calendars, and the events with a platform
 * change waiting in the outbox for its calendars. Within a class, events starting in the
 * next 48 hours go first (a wedding-day change must reach every phone now), then by
 * start.
 * <p>
 * An event is named by its platform UID: a staged change linked to an event counts for
 * that event, an unlinked one for the UID it carries.
 */
@Component
public class ReconcileQueue {

	static final Duration IMMINENT = Duration.ofHours(48);

	private final JdbcClient jdbc;

	ReconcileQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> uids(UUID integrationId, String tenantId, EventKind kind, Instant now) {
		Map<String, Candidate> candidates = new HashMap<>();
		this.jdbc
			.sql("SELECT COALESCE(e.uid, s.uid) AS uid, "
					+ "COALESCE(e.start_at, p.start_at) AS start_at FROM sync_staging s "
					+ "LEFT JOIN event_link l ON l.calendar_id = s.calendar_id AND l.href = s.href "
					+ "LEFT JOIN wedding_event e ON e.id = l.event_id "
					+ "LEFT JOIN wedding_event p ON p.tenant_id = :tenant AND p.uid = s.uid "
					+ "WHERE s.integration_id = :integration AND s.state IN ('FETCHED', 'GONE') "
					+ "AND COALESCE(e.kind, p.kind, s.kind, 'OTHER') = :kind")
			.param("tenant", tenantId)
			.param("integration", integrationId)
			.param("kind", kind.name())
			.query((rs) -> {
				add(candidates, rs.getString("uid"), instant(rs, "start_at"));
			});
		this.jdbc
			.sql("SELECT e.uid, e.start_at FROM sync_outbox o JOIN calendar c ON c.id = o.calendar_id "
					+ "JOIN wedding_event e ON e.id = o.event_id WHERE c.integration_id = :integration "
					+ "AND e.kind = :kind")
			.param("integration", integrationId)
			.param("kind", kind.name())
			.query((rs) -> {
				add(candidates, rs.getString("uid"), instant(rs, "start_at"));
			});
		Instant horizon = now.plus(IMMINENT);
		List<Candidate> ofKind = new ArrayList<>(candidates.values());
		ofKind.sort(Comparator.comparing((Candidate c) -> !c.imminent(now, horizon))
			.thenComparing((c) -> (c.start != null) ? c.start : Instant.MAX)
			.thenComparing((c) -> c.uid));
		return ofKind.stream().map((c) -> c.uid).toList();
	}

	private static void add(Map<String, Candidate> candidates, String uid, Instant start) {
		if (uid != null) {
			candidates.putIfAbsent(uid, new Candidate(uid, start));
		}
	}

	private record Candidate(String uid, Instant start) {

		boolean imminent(Instant now, Instant horizon) {
			return this.start != null && !this.start.isBefore(now) && this.start.isBefore(horizon);
		}

	}

}
