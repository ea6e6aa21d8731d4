package com.wedsync.calsync.realtime;

import java.util.Objects;

import com.wedsync.calsync.batch.FailureReasonListener;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * A readable reason for a sync that did not complete: the failed step's cause chain (kept
 * by {@link FailureReasonListener}), else the first failure's message, else the job's
 * exit code.
 */
final class SyncFailures {

	private SyncFailures() {
	}

	static String describe(JobExecution execution, int maxLength) {
		String reason;
		if (execution.getStatus() == BatchStatus.STOPPED || execution.getStatus() == BatchStatus.STOPPING) {
			reason = "Stopped by an operator; it can be restarted";
		}
		else {
			reason = execution.getStepExecutions()
				.stream()
				.filter((step) -> step.getStatus() == BatchStatus.FAILED)
				.map(SyncFailures::reason)
				.filter(Objects::nonNull)
				.findFirst()
				.orElseGet(() -> execution.getAllFailureExceptions()
					.stream()
					.map(SyncFailures::message)
					.findFirst()
					.orElse("Sync ended " + execution.getExitStatus().getExitCode()));
		}
		return (reason.length() > maxLength) ? reason.substring(0, maxLength) + "…" : reason;
	}

	private static String reason(StepExecution step) {
		if (step.getExecutionContext().containsKey(FailureReasonListener.REASON)) {
			return step.getExecutionContext().getString(FailureReasonListener.REASON);
		}
		return step.getFailureExceptions().stream().map(SyncFailures::message).findFirst().orElse(null);
	}

	private static String message(Throwable failure) {
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (!chain.isEmpty()) {
				chain.append(": ");
			}
			chain.append((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName());
		}
		return chain.toString();
	}

}
