package com.wedsync.calsync.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.wedsync.calsync.caldav.CalDavProperties;
import com.wedsync.calsync.deadletter.DeadLetterReplays;
import com.wedsync.calsync.deadletter.DeadLetterRepository;
import com.wedsync.calsync.deadletter.ReconcileSkipListener;
import com.wedsync.calsync.caldav.ForbiddenException;
import com.wedsync.calsync.caldav.NotFoundException;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.ical.EventKind;
import com.wedsync.calsync.ical.InvalidICalendarException;
import com.wedsync.calsync.observability.SkippedItems;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.observability.OutOfMemoryWatch;
import com.wedsync.calsync.observability.SyncActivityMetrics;
import com.wedsync.calsync.realtime.SyncProgressListener;
import com.wedsync.calsync.sync.plan.EventPlanner;
import com.wedsync.calsync.sync.plan.SyncPlanner;
import com.wedsync.calsync.sync.pull.RemoteChangeDetector;
import com.wedsync.calsync.sync.reconcile.EventReconciler;
import com.wedsync.calsync.sync.reconcile.ReconcileQueue;
import com.wedsync.calsync.sync.staging.StagedChange;
import com.wedsync.calsync.sync.outbox.SyncOutbox;
import com.wedsync.calsync.sync.staging.SyncStagingRepository;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code calendarSyncJob}: one run syncs one integration, both ways.
 *
 * <pre>
 * discoverCalendars ▸ detectChanges ▸ fetchRemote
 *   ▸ reconcile-ceremony ▸ reconcile-meeting ▸ reconcile-deadline ▸ reconcile-other
 *   ▸ commitSyncState
 * </pre>
 *
 * Remote changes live in {@code sync_staging} and platform changes in {@code sync_outbox}
 * until applied, so a failed or killed run restarts from the failed step and chunk, and
 * the calendar tokens move only in the last step.
 */
@Configuration(proxyBeanMethods = false)
class CalendarSyncJobConfiguration {

	static final String JOB_NAME = "calendarSyncJob";

	static final String INTEGRATION_ID = "#{jobParameters['" + SyncJobParameters.INTEGRATION_ID + "']}";

	static final String SYNC_ID = "#{jobParameters['" + SyncJobParameters.SYNC_ID + "']}";

	@Bean
	Job calendarSyncJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Step discoverCalendarsStep, Step detectChangesStep, Step fetchRemoteStep, Step commitSyncStateStep,
			ReconcileKeysReader reconcileKeysReader, ReconcileWriter reconcileWriter,
			ReconcileSkipListener reconcileSkipListener, SyncJobProperties properties, SyncRunRepository syncRuns,
			SyncProgressListener syncProgress, SyncActivityMetrics metrics, OutOfMemoryWatch outOfMemory) {
		SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository).start(discoverCalendarsStep)
			.next(detectChangesStep)
			.next(fetchRemoteStep);
		for (EventKind kind : EventKind.values()) {
			job = job.next(reconcileStep(kind, jobRepository, reconcileKeysReader, reconcileWriter,
					reconcileSkipListener, properties, syncProgress));
		}
		// The log context first, so the other listeners' lines carry the execution id.
		// afterJob runs in reverse order: live status goes out once the sync run holds
		// its final status.
		return job.next(commitSyncStateStep)
			.listener(new SyncLogContext())
			.listener((JobExecutionListener) syncProgress)
			.listener(new SyncRunStatusListener(syncRuns))
			.listener(new SyncRunMetricsListener(syncRuns, metrics))
			.listener(outOfMemory)
			.build();
	}

	@Bean
	Step discoverCalendarsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DiscoverCalendarsTasklet discoverCalendarsTasklet, SyncProgressListener syncProgress) {
		return new StepBuilder("discoverCalendars", jobRepository).tasklet(discoverCalendarsTasklet, transactionManager)
			.listener((StepExecutionListener) syncProgress)
			.build();
	}

	@Bean
	@StepScope
	DiscoverCalendarsTasklet discoverCalendarsTasklet(@Value(INTEGRATION_ID) UUID integrationId,
			IntegrationRepository integrations, CalendarRepository calendars, IntegrationConnector connector,
			SyncStagingRepository staging, SyncOutbox outbox) {
		return new DiscoverCalendarsTasklet(integrationId, integrations, calendars, connector, staging, outbox);
	}

	@Bean
	Step detectChangesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DetectChangesTasklet detectChangesTasklet, SyncProgressListener syncProgress) {
		return new StepBuilder("detectChanges", jobRepository).tasklet(detectChangesTasklet, transactionManager)
			.listener((StepExecutionListener) syncProgress)
			.build();
	}

	@Bean
	@StepScope
	DetectChangesTasklet detectChangesTasklet(@Value(INTEGRATION_ID) UUID integrationId,
			IntegrationRepository integrations, CalendarRepository calendars, IntegrationConnector connector,
			RemoteChangeDetector detector, DeadLetterReplays replays) {
		return new DetectChangesTasklet(integrationId, integrations, calendars, connector, detector, replays);
	}

	/** One chunk is one calendar-multiget: the chunk size is the multiget batch size. */
	@Bean
	Step fetchRemoteStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<StagedChange> pendingChangesReader, MultigetWriter multigetWriter,
			CalDavProperties caldav, SyncProgressListener syncProgress) {
		return new StepBuilder("fetchRemote", jobRepository)
			.<StagedChange, StagedChange>chunk(caldav.multigetBatchSize())
			.transactionManager(transactionManager)
			.reader(pendingChangesReader)
			.writer(multigetWriter)
			.listener(multigetWriter)
			.listener(new FailureReasonListener())
			.listener(syncProgress)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<StagedChange> pendingChangesReader(@Value(INTEGRATION_ID) UUID integrationId,
			DataSource dataSource, CalDavProperties caldav) throws Exception {
		return stagedChangesReader("pendingChangesReader", integrationId, "state = 'PENDING'", dataSource,
				caldav.multigetBatchSize());
	}

	@Bean
	@StepScope
	MultigetWriter multigetWriter(@Value(INTEGRATION_ID) UUID integrationId, IntegrationRepository integrations,
			CalendarRepository calendars, IntegrationConnector connector, SyncStagingRepository staging,
			CalendarObjectParser parser, DeadLetterRepository deadLetters, SkippedItems skippedItems,
			CalDavProperties caldav) {
		return new MultigetWriter(integrationId, integrations, calendars, connector, staging, parser, deadLetters,
				skippedItems, caldav.multigetBatchSize());
	}

	/**
	 * One reconcile step per priority class, in {@link EventKind}'s order (ceremonies
	 * first): the order is the job's flow, so it is guaranteed and visible in the step
	 * executions (a partitioned step would run its partitions in no defined order).
	 */
	private Step reconcileStep(EventKind kind, JobRepository jobRepository, ReconcileKeysReader reconcileKeysReader,
			ReconcileWriter reconcileWriter, ReconcileSkipListener reconcileSkipListener, SyncJobProperties properties,
			SyncProgressListener syncProgress) {
		return new StepBuilder(ReconcileSteps.name(kind), jobRepository)
			.<String, String>chunk(properties.applyChunkSize())
			.transactionManager(noChunkTransaction())
			.reader(reconcileKeysReader)
			.writer(reconcileWriter)
			.listener(reconcileWriter)
			.faultTolerant()
			.skip(InvalidICalendarException.class, ForbiddenException.class, NotFoundException.class)
			.skipLimit(properties.skipLimit())
			.skipListener(reconcileSkipListener)
			.listener(new FailureReasonListener())
			.listener(syncProgress)
			.build();
	}

	/**
	 * A reconcile chunk writes to calendars, and no database transaction may stay open
	 * across a CalDAV request: the chunk runs without one (and without transaction
	 * synchronization, so no connection is bound to the thread for the chunk), and each
	 * event's work commits in short transactions of its own. The job repository keeps its
	 * own transactions.
	 */
	private static PlatformTransactionManager noChunkTransaction() {
		ResourcelessTransactionManager none = new ResourcelessTransactionManager();
		none.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_NEVER);
		return none;
	}

	/** The events of the class the running step is named after. */
	@Bean
	@StepScope
	ReconcileKeysReader reconcileKeysReader(@Value(INTEGRATION_ID) UUID integrationId,
			@Value("#{stepExecution.stepName}") String stepName, IntegrationRepository integrations,
			ReconcileQueue queue) {
		return new ReconcileKeysReader(integrationId, ReconcileSteps.kind(stepName), integrations, queue);
	}

	@Bean
	@StepScope
	ReconcileWriter reconcileWriter(@Value(INTEGRATION_ID) UUID integrationId, @Value(SYNC_ID) UUID syncId,
			@Value("#{stepExecution.stepName}") String stepName, IntegrationRepository integrations,
			IntegrationConnector connector, EventReconciler reconciler, SyncRunRepository syncRuns,
			SyncActivityMetrics metrics) {
		return new ReconcileWriter(integrationId, syncId, integrations, connector, reconciler, syncRuns,
				ReconcileSteps.kind(stepName), metrics);
	}

	@Bean
	@StepScope
	ReconcileSkipListener reconcileSkipListener(@Value(INTEGRATION_ID) UUID integrationId,
			@Value("#{stepExecution.stepName}") String stepName, DeadLetterRepository deadLetters,
			SyncStagingRepository staging) {
		return new ReconcileSkipListener(integrationId, stepName, deadLetters, staging);
	}

	@Bean
	SyncPlanner syncPlanner(SyncJobProperties properties) {
		return new SyncPlanner(properties.conflictPolicy());
	}

	@Bean
	EventPlanner eventPlanner(SyncPlanner syncPlanner) {
		return new EventPlanner(syncPlanner);
	}

	@Bean
	Step commitSyncStateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CommitSyncStateTasklet commitSyncStateTasklet, SyncProgressListener syncProgress) {
		return new StepBuilder("commitSyncState", jobRepository).tasklet(commitSyncStateTasklet, transactionManager)
			.listener((StepExecutionListener) syncProgress)
			.build();
	}

	@Bean
	@StepScope
	CommitSyncStateTasklet commitSyncStateTasklet(@Value(INTEGRATION_ID) UUID integrationId,
			@Value(SYNC_ID) UUID syncId, IntegrationRepository integrations, CalendarRepository calendars,
			SyncStagingRepository staging, SyncRunRepository syncRuns, DeadLetterRepository deadLetters) {
		return new CommitSyncStateTasklet(integrationId, syncId, integrations, calendars, staging, syncRuns,
				deadLetters);
	}

	/**
	 * Keyset-paged over the staging table in key order. State is not saved: a restarted
	 * step reads again from the start, and the state filter skips what is settled.
	 */
	private static JdbcPagingItemReader<StagedChange> stagedChangesReader(String name, UUID integrationId,
			String stateFilter, DataSource dataSource, int pageSize) throws Exception {
		Map<String, Order> sortKeys = new LinkedHashMap<>();
		sortKeys.put("calendar_id", Order.ASCENDING);
		sortKeys.put("href", Order.ASCENDING);
		return new JdbcPagingItemReaderBuilder<StagedChange>().name(name)
			.dataSource(dataSource)
			.selectClause("calendar_id, href, integration_id, etag, ics, state")
			.fromClause("sync_staging")
			.whereClause("integration_id = :integrationId AND " + stateFilter)
			.parameterValues(Map.of("integrationId", integrationId))
			.sortKeys(sortKeys)
			.rowMapper(SyncStagingRepository::stagedChange)
			.pageSize(pageSize)
			.saveState(false)
			.build();
	}

}
