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
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean ended = new AtomicBoolean();
		startHeldUntil(release, ended);
		Thread releaser = new Thread(() -> sleepThen(release));
		releaser.start();

		assertThat(this.prefetch.take(CALENDAR, HREFS.subList(0, 1))).isEmpty();
		// it waited: the caller may use the session again
		assertThat(ended).isTrue();
		assertThat(this.prefetch.take(UUID.randomUUID(), HREFS)).isEmpty();
		releaser.join();
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
	void shouldWaitForAPrefetchUnderWayWhenClosed() {
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean ended = new AtomicBoolean();
		startHeldUntil(release, ended);
		new Thread(() -> sleepThen(release)).start();

		this.prefetch.close();

		assertThat(ended).isTrue();
	}

	// a prefetch that answers once released, and says when it has
	private void startHeldUntil(CountDownLatch release, AtomicBoolean ended) {
		this.prefetch.start(CALENDAR, HREFS, () -> {
			await(release);
			ended.set(true);
			return new MultigetResult(List.of(), List.of(), List.of());
		});
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepThen(CountDownLatch latch) {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		latch.countDown();
	}

}
