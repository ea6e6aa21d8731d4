package com.wedsync.calsync.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.wedsync.calsync.batch.SyncRun.SyncPriority;
import com.wedsync.calsync.batch.SyncRun.SyncStatus;
import com.wedsync.calsync.batch.SyncRun.SyncTrigger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.wedsync.calsync.persistence.SqlValues.instant;
import static com.wedsync.calsync.persistence.SqlValues.timestamp;
import static com.wedsync.calsync.persistence.SqlValues.uuid;

/** The {@code sync_run} table. */
@Repository
public class SyncRunRepository {

	private final JdbcClient jdbc;

	private final SyncNodes nodes;

	SyncRunRepository(JdbcClient jdbc, SyncNodes nodes) {
		this.jdbc = jdbc;
		this.nodes = nodes;
	}

	/**
	 * Creates a sync for an integration unless one is already queued or running, in one
	 * short transaction holding the integration's row lock: of two nodes asking at once,
	 * one creates and the other gets the first one's sync. This is what keeps an
	 * integration from syncing twice at once anywhere in the cluster, whatever triggers
	 * fire.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Claim claim(UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason) {
		this.jdbc.sql("SELECT id FROM integration WHERE id = ? FOR UPDATE").param(integrationId).query().listOfRows();
		Optional<SyncRun> active = findActive(integrationId);
		return active.map((run) -> new Claim(run, false))
			.orElseGet(() -> new Claim(create(integrationId, trigger, priority, reason), true));
	}

	/** A sync and whether the claim created it (else it was already active). */
	public record Claim(SyncRun run, boolean created) {
	}

	SyncRun create(UUID integrationId, SyncTrigger trigger, SyncPriority priority, String reason) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO sync_run (id, integration_id, trigger_type, priority, reason, status, requested_at, "
					+ "node_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, integrationId, trigger.name(), priority.name(), reason, SyncStatus.QUEUED.name(),
					timestamp(Instant.now()), this.nodes.self())
			.update();
		return find(id).orElseThrow();
	}

	public Optional<SyncRun> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM sync_run WHERE id = ?")
			.param(id)
			.query(SyncRunRepository::syncRun)
			.optional();
	}

	/** The queued or running sync of an integration, if any. */
	Optional<SyncRun> findActive(UUID integrationId) {
		return this.jdbc
			.sql("SELECT * FROM sync_run WHERE integration_id = ? AND status IN ('QUEUED', 'RUNNING') "
					+ "ORDER BY requested_at DESC")
			.param(integrationId)
			.query(SyncRunRepository::syncRun)
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * The newest syncs, optionally of one integration, in one status, of one tenant's
	 * integrations ({@code null}s match everything).
	 */
	public List<SyncRun> findAll(UUID integrationId, SyncStatus status, String tenantId, int limit) {
		return this.jdbc
			.sql("SELECT * FROM sync_run WHERE (CAST(:integration AS UUID) IS NULL OR integration_id = :integration) "
					+ "AND (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status) "
					+ "AND (CAST(:tenant AS VARCHAR(100)) IS NULL OR integration_id IN "
					+ "(SELECT id FROM integration WHERE tenant_id = :tenant)) "
					+ "ORDER BY requested_at DESC LIMIT :limit")
			.param("integration", integrationId)
			.param("tenant", tenantId)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(SyncRunRepository::syncRun)
			.list();
	}

	/**
	 * Sets the status; a queued or running sync is then owned by this node (the one that
	 * runs it).
	 */
	void updateStatus(UUID id, SyncStatus status, Long jobExecutionId) {
		if (status.isActive()) {
			this.jdbc
				.sql("UPDATE sync_run SET status = ?, job_execution_id = COALESCE(?, job_execution_id), node_id = ? "
						+ "WHERE id = ?")
				.params(status.name(), jobExecutionId, this.nodes.self(), id)
				.update();
			return;
		}
		this.jdbc.sql("UPDATE sync_run SET status = ?, job_execution_id = COALESCE(?, job_execution_id) WHERE id = ?")
			.params(status.name(), jobExecutionId, id)
			.update();
	}

	/**
	 * Queued and running syncs with the node that owns them.
	 * @param integrationId one integration's, or every one's when {@code null}
	 */
	List<OwnedRun> findActiveOwned(UUID integrationId) {
		return this.jdbc
			.sql("SELECT * FROM sync_run WHERE status IN ('QUEUED', 'RUNNING') "
					+ "AND (CAST(:integration AS UUID) IS NULL OR integration_id = :integration)")
			.param("integration", integrationId)
			.query((rs, row) -> new OwnedRun(syncRun(rs, row), rs.getString("node_id")))
			.list();
	}

	/**
	 * Takes over a sync from the node that owned it, unless someone else already did or
	 * it moved on meanwhile.
	 * @return whether this node now owns it
	 */
	boolean takeOver(OwnedRun owned) {
		return this.jdbc
			.sql("UPDATE sync_run SET node_id = ? WHERE id = ? AND status = ? "
					+ "AND (node_id = ? OR (node_id IS NULL AND CAST(? AS VARCHAR(200)) IS NULL))")
			.params(this.nodes.self(), owned.run().id(), owned.run().status().name(), owned.nodeId(), owned.nodeId())
			.update() == 1;
	}

	/** A sync and the node that queued or runs it ({@code null} before V5). */
	record OwnedRun(SyncRun run, String nodeId) {
	}

	void addCounts(UUID id, SyncCounts counts) {
		this.jdbc
			.sql("UPDATE sync_run SET read_count = read_count + ?, created_count = created_count + ?, "
					+ "updated_count = updated_count + ?, deleted_count = deleted_count + ?, "
					+ "conflict_count = conflict_count + ?, dead_letter_count = dead_letter_count + ?, "
					+ "read_only_skipped_count = read_only_skipped_count + ? WHERE id = ?")
			.params(counts.read(), counts.created(), counts.updated(), counts.deleted(), counts.conflicts(),
					counts.deadLettered(), counts.readOnlySkipped(), id)
			.update();
	}

	private static SyncRun syncRun(ResultSet rs, int row) throws SQLException {
		long execution = rs.getLong("job_execution_id");
		Long jobExecutionId = rs.wasNull() ? null : execution;
		return new SyncRun(uuid(rs, "id"), uuid(rs, "integration_id"),
				SyncTrigger.valueOf(rs.getString("trigger_type")), SyncPriority.valueOf(rs.getString("priority")),
				rs.getString("reason"), jobExecutionId, SyncStatus.valueOf(rs.getString("status")),
				instant(rs, "requested_at"),
				new SyncCounts(rs.getInt("read_count"), rs.getInt("created_count"), rs.getInt("updated_count"),
						rs.getInt("deleted_count"), rs.getInt("conflict_count"), rs.getInt("dead_letter_count"),
						rs.getInt("read_only_skipped_count")));
	}

}
