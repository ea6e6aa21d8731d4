package com.wedsync.calsync.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.deadletter.DeadLetterReplays;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.sync.pull.DetectionResult;
import com.wedsync.calsync.sync.pull.RemoteChangeDetector;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 2: stages what changed in every synced calendar since its committed token. A
 * calendar whose ctag and token did not move costs no request here. Then stages again the
 * dead letters an operator asked to replay, which detection no longer sees.
 */
class DetectChangesTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(DetectChangesTasklet.class);

	private final UUID integrationId;

	private final IntegrationRepository integrations;

	private final CalendarRepository calendars;

	private final IntegrationConnector connector;

	private final RemoteChangeDetector detector;

	private final DeadLetterReplays replays;

	DetectChangesTasklet(UUID integrationId, IntegrationRepository integrations, CalendarRepository calendars,
			IntegrationConnector connector, RemoteChangeDetector detector, DeadLetterReplays replays) {
		this.integrationId = integrationId;
		this.integrations = integrations;
		this.calendars = calendars;
		this.connector = connector;
		this.detector = detector;
		this.replays = replays;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Integration integration = this.integrations.find(this.integrationId).orElseThrow();
		List<Calendar> detected = new ArrayList<>();
		try (CalDavClient client = this.connector.connect(integration)) {
			for (Calendar calendar : this.calendars.findByIntegration(this.integrationId)) {
				if (!calendar.isSynced()) {
					continue;
				}
				DetectionResult result = this.detector.detect(client, calendar);
				if (result.method() != DetectionResult.Method.GUARDED) {
					detected.add(calendar);
				}
				contribution.incrementWriteCount(result.changed() + result.deleted());
				chunkContext.getStepContext()
					.getStepExecution()
					.getExecutionContext()
					.putString("calendar." + calendar.id(),
							result.method() + " changed=" + result.changed() + " deleted=" + result.deleted());
				if (result.fallbackReason() != null && calendar.supportsSyncCollection()) {
					logger.info("Calendar " + calendar.id() + " listed in full: " + result.fallbackReason());
				}
			}
		}
		// After detection, whose staging starts from a clear calendar.
		int replayed = this.replays.stage(this.integrationId, integration.tenantId(), detected);
		contribution.incrementWriteCount(replayed);
		return RepeatStatus.FINISHED;
	}

}
