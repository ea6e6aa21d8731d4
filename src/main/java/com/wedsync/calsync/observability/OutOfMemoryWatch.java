package com.wedsync.calsync.observability;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Remembers that this JVM ran out of memory. After an {@link OutOfMemoryError} any thread
 * may have died half-way (Tomcat's, Quartz's, a pool's) and the node cannot be trusted to
 * be whole even once the heap is free again, so {@link MemoryHealthIndicator} reports it
 * DOWN until the node is restarted. Errors are seen where they end: a sync's failure (the
 * batch job records whatever its steps threw) and any thread's uncaught error.
 */
@Component
public class OutOfMemoryWatch implements JobExecutionListener, DisposableBean {

	private static final Log logger = LogFactory.getLog(OutOfMemoryWatch.class);

	private final AtomicReference<Seen> first = new AtomicReference<>();

	private final Thread.UncaughtExceptionHandler previous;

	private final Thread.UncaughtExceptionHandler handler;

	public OutOfMemoryWatch() {
		this.previous = Thread.getDefaultUncaughtExceptionHandler();
		this.handler = (thread, error) -> {
			record("thread " + thread.getName(), error);
			if (this.previous != null) {
				this.previous.uncaughtException(thread, error);
			}
			else {
				// What the JVM does without a handler.
				System.err.print("Exception in thread \"" + thread.getName() + "\" ");
				error.printStackTrace();
			}
		};
		Thread.setDefaultUncaughtExceptionHandler(this.handler);
	}

	/** Records the error if it, a cause or a suppressed one is an OutOfMemoryError. */
	public void record(String where, Throwable error) {
		OutOfMemoryError oom = find(error, 0);
		if (oom != null && this.first.compareAndSet(null, new Seen(Instant.now(), where, oom.getMessage()))) {
			logger.error("The JVM ran out of memory (" + oom.getMessage() + ") in " + where
					+ ": this node reports DOWN until it is restarted");
		}
	}

	void recordAll(String where, Collection<Throwable> errors) {
		errors.forEach((error) -> record(where, error));
	}

	/** The first out-of-memory error seen, or {@code null}. */
	Seen firstSeen() {
		return this.first.get();
	}

	@Override
	public void afterJob(JobExecution execution) {
		recordAll("sync " + execution.getId(), execution.getAllFailureExceptions());
	}

	@Override
	public void destroy() {
		if (Thread.getDefaultUncaughtExceptionHandler() == this.handler) {
			Thread.setDefaultUncaughtExceptionHandler(this.previous);
		}
	}

	private static OutOfMemoryError find(Throwable error, int depth) {
		if (error == null || depth > 20) {
			return null;
		}
		if (error instanceof OutOfMemoryError oom) {
			return oom;
		}
		for (Throwable suppressed : error.getSuppressed()) {
			OutOfMemoryError found = find(suppressed, depth + 1);
			if (found != null) {
				return found;
			}
		}
		return find(error.getCause(), depth + 1);
	}

	record Seen(Instant at, String where, String message) {

	}

}
