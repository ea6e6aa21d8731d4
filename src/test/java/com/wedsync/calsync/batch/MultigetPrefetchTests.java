package com.wedsync.calsync.batch;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.MultigetResult;
import com.wedsync.calsync.caldav.ServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fetch step's head start: used only for exactly what was asked, failures included.
 */
class MultigetPrefetchTests {

	private static final UUID CALENDAR = UUID.randomUUID();

	private static final List<URI> HREFS = List.of(URI.create("https://dav.example/cal/a.ics"),
			URI.create("https://dav.example/cal/b.ics"));

	private final MultigetPrefetch prefetch = new MultigetPrefetch();

	@AfterEach
	void close() {
		this.prefetch.close();
	}

	@Test
	void shouldHandOverTheAnswerForExactlyTheHrefsItFetched() {
		MultigetResult answer = new MultigetResult(List.of(), List.of(HREFS.get(0)), List.of());
		this.prefetch.start(CALENDAR, HREFS, () -> answer);

		assertThat(this.prefetch.take(CALENDAR, HREFS)).containsSame(answer);
		assertThat(this.prefetch.take(CALENDAR, HREFS)).as("taken once").isEmpty();
	}

	@Test
	void shouldDropAPrefetchOfOtherHrefsOnceItHasEnded() throws Exception {
		Held held = startHeld();
		Thread releaser = held.releaseLater();

		assertThat(this.prefetch.take(CALENDAR, HREFS.subList(0, 1))).isEmpty();
		// it waited: the caller may use the session again
		assertThat(held.ended).isTrue();
		assertThat(this.prefetch.take(UUID.randomUUID(), HREFS)).isEmpty();
		releaser.join();
	}

	@Test
	void shouldWaitForThePrefetchWhenTheCallerIsInterruptedAndKeepTheInterrupt() throws Exception {
		Held held = startHeld();
		Thread releaser = held.releaseLater();
		Thread.currentThread().interrupt();

		try {
			assertThat(this.prefetch.take(CALENDAR, HREFS)).isPresent();
			assertThat(held.ended).isTrue();
		}
		finally {
			assertThat(Thread.interrupted()).as("interrupt kept for the caller").isTrue();
		}
		releaser.join();
	}

	@Test
	void shouldRefuseASecondPrefetchWhileOneIsUnderWay() {
		this.prefetch.start(CALENDAR, HREFS, () -> new MultigetResult(List.of(), List.of(), List.of()));

		assertThatIllegalStateException().isThrownBy(
				() -> this.prefetch.start(CALENDAR, HREFS, () -> new MultigetResult(List.of(), List.of(), List.of())));
	}

	@Test
	void shouldHandOverAFailureAsTheChunksOwn() {
		ServerErrorException outage = new ServerErrorException("503 Service Unavailable", HREFS.get(0), 503);
		this.prefetch.start(CALENDAR, HREFS, () -> {
			throw outage;
		});

		assertThatExceptionOfType(ServerErrorException.class).isThrownBy(() -> this.prefetch.take(CALENDAR, HREFS))
			.isSameAs(outage);
	}

	@Test
	void shouldIgnoreTheFailureOfAPrefetchNobodyAsksFor() {
		this.prefetch.start(CALENDAR, HREFS, () -> {
			throw new ServerErrorException("503 Service Unavailable", HREFS.get(0), 503);
		});

		assertThat(this.prefetch.take(UUID.randomUUID(), HREFS)).isEmpty();
	}

	@Test
	void shouldInterruptAPrefetchNobodyWillTakeAndWaitForItToEndWhenClosed() throws Exception {
		Held held = startHeld();
		// (one not started yet is cancelled and never runs)
		assertThat(held.started.await(10, TimeUnit.SECONDS)).isTrue();
		Thread releaser = held.releaseLater();

		this.prefetch.close();

		assertThat(held.interrupted).as("its retry and rate-limit waits cut short").isTrue();
		assertThat(held.ended).as("the session is no longer in use").isTrue();
		releaser.join();
	}

	// A prefetch that answers once released, like a request in flight that an interrupt
	// does not stop; it records what happened.
	private Held startHeld() {
		Held held = new Held();
		this.prefetch.start(CALENDAR, HREFS, () -> {
			held.awaitRelease();
			held.ended.set(true);
			return new MultigetResult(List.of(), List.of(), List.of());
		});
		return held;
	}

	private static final class Held {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicBoolean ended = new AtomicBoolean();

		final AtomicBoolean interrupted = new AtomicBoolean();

		void awaitRelease() {
			this.started.countDown();
			while (true) {
				try {
					assertThat(this.release.await(10, TimeUnit.SECONDS)).isTrue();
					return;
				}
				catch (InterruptedException ex) {
					this.interrupted.set(true);
				}
			}
		}

		Thread releaseLater() {
			Thread releaser = new Thread(() -> {
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.release.countDown();
			});
			releaser.start();
			return releaser;
		}

	}

}
