package com.wedsync.calsync.admin;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.wedsync.calsync.batch.FailureReasonListener;
import com.wedsync.calsync.batch.SyncRun;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Builds {@link SyncReport}s from sync runs and the job repository. */
@Component
class SyncReports {

	private static final int MAX_EXIT_MESSAGE = 1000;

	private final JobRepository jobRepository;

	SyncReports(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	SyncReport summary(SyncRun run) {
		return build(run, false);
	}

	SyncReport report(SyncRun run) {
		return build(run, true);
	}

	private SyncReport build(SyncRun run, boolean withSteps) {
		JobExecution execution = (run.jobExecutionId() != null)
				? this.jobRepository.getJobExecution(run.jobExecutionId()) : null;
		if (execution == null) {
			return new SyncReport(run.id(), run.integrationId(), run.status(), run.trigger(), run.priority(),
					run.reason(), run.requestedAt(), null, null, null, null, null, run.counts(), List.of());
		}
		List<SyncReport.StepReport> steps = withSteps ? execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.map(SyncReports::step)
			.toList() : List.of();
		return new SyncReport(run.id(), run.integrationId(), run.status(), run.trigger(), run.priority(), run.reason(),
				run.requestedAt(), execution.getId(), instant(execution.getStartTime()),
				instant(execution.getEndTime()), execution.getExitStatus().getExitCode(), exitMessage(execution),
				run.counts(), steps);
	}

	// A failed chunk step keeps the cause chain in its context; the job's exit
	// description only names the step's own exception.
	private static String exitMessage(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus() == BatchStatus.FAILED)
			.map((step) -> step.getExecutionContext().containsKey(FailureReasonListener.REASON)
					? step.getExecutionContext().getString(FailureReasonListener.REASON)
					: shorten(step.getExitStatus().getExitDescription()))
			.filter((description) -> description != null)
			.findFirst()
			.orElseGet(() -> shorten(execution.getExitStatus().getExitDescription()));
	}

	private static SyncReport.StepReport step(StepExecution step) {
		return new SyncReport.StepReport(step.getStepName(), step.getStatus().name(), step.getReadCount(),
				step.getWriteCount(), step.getSkipCount(), step.getCommitCount(), step.getRollbackCount(),
				instant(step.getStartTime()), instant(step.getEndTime()), step.getExitStatus().getExitCode(),
				shorten(step.getExitStatus().getExitDescription()));
	}

	// Batch keeps local date-times in the server's zone.
	private static Instant instant(LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

	// Exit descriptions hold whole stack traces; the exception lines and their causes
	// say what happened, the frames do not.
	private static String shorten(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String summary = text.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("at ") && !line.startsWith("..."))
			.collect(Collectors.joining(" | "));
		return (summary.length() > MAX_EXIT_MESSAGE) ? summary.substring(0, MAX_EXIT_MESSAGE) + "…" : summary;
	}

}
