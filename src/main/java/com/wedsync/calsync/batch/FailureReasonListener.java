package com.wedsync.calsync.batch;

import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Keeps why a chunk failed. A chunk step reports only "Unable to process chunk"; the
 * exception chain of the failing read, process or write (a database error, a CalDAV
 * status) is what tells an operator what to repair. It is kept in the step's execution
 * context under {@link #REASON}: the exit description is cut at 2,500 characters, which
 * the stack trace of the step's own exception already fills.
 */
public class FailureReasonListener implements ItemReadListener<Object>, ItemProcessListener<Object, Object>,
		ItemWriteListener<Object>, StepExecutionListener {

	/** Execution-context key of the failure reason. */
	public static final String REASON = "failure.reason";

	private static final int MAX_REASON = 2000;

	private StepExecution stepExecution;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		stepExecution.getExecutionContext().remove(REASON);
	}

	@Override
	public void onReadError(Exception exception) {
		remember(exception);
	}

	@Override
	public void onProcessError(Object item, Exception exception) {
		remember(exception);
	}

	@Override
	public void onWriteError(Exception exception, Chunk<?> items) {
		remember(exception);
	}

	private void remember(Exception exception) {
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			chain.append((cause == exception) ? "" : " | Caused by: ").append(cause);
		}
		String reason = (chain.length() > MAX_REASON) ? chain.substring(0, MAX_REASON) : chain.toString();
		this.stepExecution.getExecutionContext().putString(REASON, reason);
	}

}
