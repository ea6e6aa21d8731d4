package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.MDC;

import com.wedsync.calsync.caldav.MultigetResult;

/**
 * One multiget fetched ahead, on a thread of its own: the fetch step asks for the next
 * chunk's bodies while it parses and stores the current ones, so the server answers while
 * calsync's cores parse instead of the two taking turns.
 * <p>
 * A prefetch is the next chunk's multiget started early: when the chunk asks for exactly
 * its calendar and hrefs, it gets its answer, or its failure, as if it had asked itself
 * (so the step's failure handling is unchanged). A chunk that asks for something else
 * drops it and fetches its own (one request more); the reader's order makes that the
 * exception. At most one runs at a time, and {@link #take} and {@link #close} wait for it
 * to end, interrupted or not, so the session is never used by two threads at once.
 */
final class MultigetPrefetch implements AutoCloseable {

	private ExecutorService executor;

	private Ahead ahead;

	/**
	 * Starts fetching {@code hrefs} of a calendar; the caller uses its session no more
	 * until {@link #take}.
	 */
	void start(UUID calendarId, List<URI> hrefs, Supplier<MultigetResult> multiget) {
		if (this.ahead != null) {
			throw new IllegalStateException("A prefetch is under way already");
		}
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "multiget-prefetch");
				thread.setDaemon(true);
				return thread;
			});
		}
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		this.ahead = new Ahead(calendarId, List.copyOf(hrefs), this.executor.submit(() -> {
			if (logContext != null) {
				MDC.setContextMap(logContext);
			}
			try {
				return multiget.get();
			}
			finally {
				MDC.clear();
			}
		}));
	}

	/**
	 * The prefetched answer for exactly these hrefs of this calendar, if there is one.
	 * @throws RuntimeException what the prefetched multiget failed with
	 */
	Optional<MultigetResult> take(UUID calendarId, List<URI> hrefs) {
		Ahead taken = this.ahead;
		this.ahead = null;
		if (taken == null) {
			return Optional.empty();
		}
		boolean same = taken.calendarId().equals(calendarId) && taken.hrefs().equals(hrefs);
		try {
			MultigetResult result = uninterruptibly(taken.result()::get);
			return (same) ? Optional.of(result) : Optional.empty();
		}
		catch (ExecutionException ex) {
			if (!same) {
				return Optional.empty();
			}
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Stops the thread once a prefetch still under way has ended. Nobody will ask for
	 * that one, so it is interrupted: that ends its waits for a retry or a rate-limit
	 * permit, and what is left is at most the request in flight.
	 */
	@Override
	public void close() {
		Ahead left = this.ahead;
		this.ahead = null;
		if (left != null) {
			left.result().cancel(true);
		}
		if (this.executor != null) {
			ExecutorService stopping = this.executor;
			stopping.shutdown();
			uninterruptibly(() -> stopping.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
			this.executor = null;
		}
	}

	private record Ahead(UUID calendarId, List<URI> hrefs, Future<MultigetResult> result) {

	}

	/** A wait that an interrupt may cut short, failing with {@code E}. */
	private interface Wait<T, E extends Exception> {

		T await() throws InterruptedException, E;

	}

	// The session goes on being used (or is closed) once a wait returns, so an interrupt
	// must not cut it short; it is kept for the caller.
	private static <T, E extends Exception> T uninterruptibly(Wait<T, E> wait) throws E {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return wait.await();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
