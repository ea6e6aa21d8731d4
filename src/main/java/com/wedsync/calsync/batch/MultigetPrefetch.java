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
 * (so the step's failure handling and the request count are unchanged). A chunk that asks
 * for something else (after a rollback, say) drops it and fetches its own. At most one
 * runs at a time, and {@link #take} waits for it, so the session is never used by two
 * threads at once.
 */
final class MultigetPrefetch implements AutoCloseable {

	private ExecutorService executor;

	private Ahead ahead;

	/**
	 * Starts fetching {@code hrefs} of a calendar; the caller uses its session no more
	 * until {@link #take}.
	 */
	void start(UUID calendarId, List<URI> hrefs, Supplier<MultigetResult> multiget) {
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
			MultigetResult result = taken.result().get();
			return (same) ? Optional.of(result) : Optional.empty();
		}
		catch (ExecutionException ex) {
			if (!same) {
				return Optional.empty();
			}
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Waits for a prefetch still under way, then stops the thread. */
	@Override
	public void close() {
		Ahead left = this.ahead;
		this.ahead = null;
		if (left != null) {
			try {
				left.result().get();
			}
			catch (ExecutionException ex) {
				// nobody asked for it
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.executor != null) {
			this.executor.shutdown();
			this.executor = null;
		}
	}

	private record Ahead(UUID calendarId, List<URI> hrefs, Future<MultigetResult> result) {

	}

}
