package com.wedsync.calsync.batch;

import java.util.List;
import java.util.UUID;

import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.observability.SyncActivityMetrics;
import com.wedsync.calsync.sync.reconcile.CalDavSessions;
import com.wedsync.calsync.sync.reconcile.EventReconciler;
import com.wedsync.calsync.sync.reconcile.ReconcileRun;
import com.wedsync.calsync.sync.reconcile.ReconcileCounts;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Reconciles a chunk of events and adds what each event did to the sync's counts once it
 * is committed. The chunk holds no transaction (the step's transaction manager is
 * resourceless): CalDAV requests never run inside one. CalDAV sessions (one per account a
 * wedding's calendars live on) stay open for the step. The metrics count the writes under
 * the kind the step reconciles.
 */
class ReconcileWriter implements ItemWriter<String>, StepExecutionListener {

	private final UUID integrationId;

	private final UUID syncId;

	private final IntegrationRepository integrations;

	private final IntegrationConnector connector;

	private final EventReconciler reconciler;

	private final SyncRunRepository syncRuns;

	private final EventKind kind;

	private final SyncActivityMetrics metrics;

	private CalDavSessions sessions;

	private String tenantId;

	ReconcileWriter(UUID integrationId, UUID syncId, IntegrationRepository integrations, IntegrationConnector connector,
			EventReconciler reconciler, SyncRunRepository syncRuns, EventKind kind, SyncActivityMetrics metrics) {
		this.integrationId = integrationId;
		this.syncId = syncId;
		this.integrations = integrations;
		this.connector = connector;
		this.reconciler = reconciler;
		this.syncRuns = syncRuns;
		this.kind = kind;
		this.metrics = metrics;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.sessions = new CalDavSessions(this.connector, this.integrations);
		this.tenantId = this.integrations.find(this.integrationId).orElseThrow().tenantId();
	}

	@Override
	public void write(Chunk<? extends String> uids) {
		ReconcileRun run = new ReconcileRun(this.integrationId, this.tenantId, ReconcileSteps.name(this.kind),
				this.sessions);
		this.reconciler.reconcileAll(run, List.copyOf(uids.getItems()), this::record);
	}

	/** Adds what one committed piece of work did to the sync's counts and the metrics. */
	private void record(ReconcileCounts counts) {
		SyncCounts done = new SyncCounts(0, counts.getCreated(), counts.getUpdated(), counts.getDeleted(),
				counts.getConflicts(), counts.getDeadLettered(), counts.getReadOnlySkipped());
		if (!done.equals(SyncCounts.NONE)) {
			this.syncRuns.addCounts(this.syncId, done);
		}
		for (ReconcileCounts.Direction direction : ReconcileCounts.Direction.values()) {
			for (ReconcileCounts.Action action : ReconcileCounts.Action.values()) {
				this.metrics.eventsApplied(direction.name(), action.name(), this.kind.name(),
						counts.get(direction, action));
			}
		}
		counts.getConflictsByRule().forEach((rule, n) -> this.metrics.conflicts(this.kind.name(), rule, n));
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		this.sessions.close();
		return stepExecution.getExitStatus();
	}

}
