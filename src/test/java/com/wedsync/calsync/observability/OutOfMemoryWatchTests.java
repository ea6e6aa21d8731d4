package com.wedsync.calsync.observability;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** A node that ran out of memory says so on its health endpoint until it restarts. */
class OutOfMemoryWatchTests {

	private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();

	private final AtomicReference<Throwable> passedOn = new AtomicReference<>();

	private OutOfMemoryWatch watch;

	@AfterEach
	void restore() {
		if (this.watch != null) {
			this.watch.destroy();
		}
		Thread.setDefaultUncaughtExceptionHandler(this.before);
	}

	@Test
	void shouldReportDownAfterAThreadDiedOfARealOutOfMemoryError() throws InterruptedException {
		Thread.setDefaultUncaughtExceptionHandler((thread, error) -> this.passedOn.set(error));
		this.watch = new OutOfMemoryWatch();
		MemoryHealthIndicator health = new MemoryHealthIndicator(this.watch);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		// Larger than any heap may hold: the JVM refuses it at once, without filling
		// memory.
		Thread allocator = new Thread(() -> System.out.println(new long[Integer.MAX_VALUE - 8].length),
				"greedy-allocator");
		allocator.start();
		allocator.join();

		Health down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("outOfMemoryIn", "thread greedy-allocator")
			.containsKeys("outOfMemoryAt", "maxHeapBytes", "usedHeapBytes");
		assertThat(this.passedOn.get()).as("the handler installed before still sees the error")
			.isInstanceOf(OutOfMemoryError.class);
	}

	@Test
	void shouldFindAnOutOfMemoryErrorWrappedInASyncsFailure() {
		this.watch = new OutOfMemoryWatch();
		RuntimeException wrapped = new RuntimeException("step failed", new OutOfMemoryError("Java heap space"));
		RuntimeException suppressing = new IllegalStateException("cleanup failed");
		suppressing.addSuppressed(wrapped);

		this.watch.recordAll("sync 7", List.of(new IllegalArgumentException("unrelated")));
		assertThat(this.watch.firstSeen()).isNull();
		this.watch.recordAll("sync 8", List.of(suppressing));

		assertThat(this.watch.firstSeen().where()).isEqualTo("sync 8");
		assertThat(this.watch.firstSeen().message()).isEqualTo("Java heap space");
	}

	@Test
	void shouldPutTheEarlierHandlerBackWhenTheContextCloses() {
		Thread.UncaughtExceptionHandler earlier = (thread, error) -> {
		};
		Thread.setDefaultUncaughtExceptionHandler(earlier);
		this.watch = new OutOfMemoryWatch();
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isNotSameAs(earlier);

		this.watch.destroy();

		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(earlier);
	}

}
