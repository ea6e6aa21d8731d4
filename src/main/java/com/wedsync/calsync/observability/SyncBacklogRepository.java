package com.wedsync.calsync.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.instant;

/**
 * Reads how far behind syncing is from the shared database: pending platform changes
 * ({@code sync_outbox}), integrations by status, and the poll triggers in Quartz's
 * tables. A snapshot is taken at most once a second, however many gauges and health
 * checks ask.
 */
@Repository
public class SyncBacklogRepository {

	private static final Duration MAX_SNAPSHOT_AGE = Duration.ofSeconds(1);

	/** The poll triggers' group (scheduling/IntegrationSchedule). */
	private static final String POLL_GROUP = "integration-poll";

	private final JdbcClient jdbc;

	private volatile SyncBacklog cached;

	SyncBacklogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The backlog now, or at most a second ago. */
	public SyncBacklog snapshot() {
		SyncBacklog current = this.cached;
		Instant now = Instant.now();
		if (current == null || current.takenAt().isBefore(now.minus(MAX_SNAPSHOT_AGE))) {
			current = read(now);
			this.cached = current;
		}
		return current;
	}

	private SyncBacklog read(Instant now) {
		long backlog = this.jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single();
		Instant oldest = this.jdbc.sql("SELECT created_at FROM sync_outbox ORDER BY created_at LIMIT 1")
			.query((rs, row) -> instant(rs, "created_at"))
			.optional()
			.orElse(null);
		Map<String, Long> byStatus = new TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM integration GROUP BY status")
			.query((rs, row) -> byStatus.put(rs.getString("status"), rs.getLong("n")))
			.list();
		int behind = (int) activeIntegrations().stream().filter((lag) -> lag.isBehind(now)).count();
		return new SyncBacklog(now, backlog, oldest, behind, byStatus);
	}

	private List<IntegrationLag> activeIntegrations() {
		return this.jdbc
			.sql("SELECT i.poll_interval_s, t.next_fire_time, (SELECT MIN(o.created_at) FROM sync_outbox o "
					+ "JOIN calendar c ON c.id = o.calendar_id WHERE c.integration_id = i.id) AS oldest_change "
					+ "FROM integration i LEFT JOIN qrtz_triggers t ON t.trigger_group = ? "
					+ "AND t.trigger_name = CAST(i.id AS VARCHAR(200)) WHERE i.status = 'ACTIVE'")
			.param(POLL_GROUP)
			.query((rs, row) -> {
				long nextFire = rs.getLong("next_fire_time");
				return new IntegrationLag(Duration.ofSeconds(rs.getInt("poll_interval_s")),
						rs.wasNull() ? null : Instant.ofEpochMilli(nextFire), instant(rs, "oldest_change"));
			})
			.list();
	}

	/**
	 * One active integration: behind when a platform change has waited more than two poll
	 * intervals (a sync should have written it by then), or when its poll trigger should
	 * have fired more than an interval ago (no node is polling it).
	 */
	record IntegrationLag(Duration interval, Instant nextFire, Instant oldestChange) {

		boolean isBehind(Instant now) {
			boolean changeWaits = this.oldestChange != null
					&& this.oldestChange.isBefore(now.minus(this.interval.multipliedBy(2)));
			boolean pollLate = this.nextFire != null && this.nextFire.isBefore(now.minus(this.interval));
			return changeWaits || pollLate;
		}

	}

}
