package com.wedsync.calsync.support.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A fuzz loop with a fixed time budget: mutated inputs are fed to a target, each within a
 * time bound, until the budget is spent. The budget is short on a workstation and longer
 * in CI ({@code CI=true}, as {@code .ci/run} sets). A failing input is written to
 * {@code target/fuzz-findings/} so it can become a regression seed under
 * {@code src/test/resources/fuzz/}; so is the slowest input of a run, to spot inputs that
 * cost far more than their size.
 *
 * @param name the target's name, for reports and crash files
 * @param mutations where inputs come from
 * @param allowed the only exception type the target may throw
 */
public record FuzzRun(String name, Mutations mutations, Class<? extends RuntimeException> allowed) {

	/**
	 * The time bound for one input; ical4j on a 1 MiB input takes well under a second.
	 */
	public static final Duration PER_INPUT = Duration.ofSeconds(5);

	/** Per target: 60 s in CI, 10 s elsewhere. */
	public static Duration budget() {
		return "true".equals(System.getenv("CI")) ? Duration.ofSeconds(60) : Duration.ofSeconds(10);
	}

	/**
	 * Runs the target until the budget is spent.
	 * @return the number of inputs tried
	 * @throws AssertionError naming the crash file for the first input that broke the
	 * property
	 */
	public long run(long seed, Duration budget, Consumer<byte[]> target) {
		Random random = new Random(seed);
		long deadline = System.nanoTime() + budget.toNanos();
		long executions = 0;
		long slowestNanos = 0;
		byte[] slowest = null;
		long bytes = 0;
		ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
			// the default stack size, as the batch threads have
			Thread thread = new Thread(null, task, "fuzz-" + this.name, 0);
			thread.setDaemon(true);
			return thread;
		});
		try {
			while (System.nanoTime() < deadline) {
				byte[] input = this.mutations.next(random);
				long started = System.nanoTime();
				check(worker, input, target);
				long took = System.nanoTime() - started;
				if (took > slowestNanos && executions > 0) {
					// the first input pays for class loading and warm-up
					slowestNanos = took;
					slowest = input;
				}
				bytes += input.length;
				executions++;
			}
		}
		finally {
			worker.shutdownNow();
		}
		System.out.printf("fuzz %s: %d executions in %d s, mean input %d bytes, slowest %d ms (%s; seed %d)%n",
				this.name, executions, budget.toSeconds(), bytes / Math.max(1, executions), slowestNanos / 1_000_000,
				(slowest != null) ? save("slowest", slowest) : "-", seed);
		return executions;
	}

	/**
	 * The committed inputs that once broke the target:
	 * {@code src/test/resources/fuzz/<name>/}.
	 */
	public static Stream<Path> regressionSeeds(String name) throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/fuzz", name))) {
			return files.sorted().toList().stream();
		}
	}

	/** Replays one committed input under the same property and time bound. */
	public void replay(Path seed, Consumer<byte[]> target) throws IOException {
		byte[] input = Files.readAllBytes(seed);
		ExecutorService worker = Executors.newSingleThreadExecutor();
		try {
			check(worker, input, target);
		}
		finally {
			worker.shutdownNow();
		}
	}

	/** Runs one input; fails unless it passes or throws only the allowed type. */
	void check(ExecutorService worker, byte[] input, Consumer<byte[]> target) {
		Future<Throwable> outcome = worker.submit(() -> {
			try {
				target.accept(input);
				return null;
			}
			catch (Throwable ex) {
				return this.allowed.isInstance(ex) ? null : ex;
			}
		});
		try {
			Throwable broken = outcome.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
			if (broken != null) {
				throw new AssertionError(this.name + " threw " + broken + " for " + save("crash", input), broken);
			}
		}
		catch (TimeoutException ex) {
			outcome.cancel(true);
			throw new AssertionError(this.name + " took over " + PER_INPUT + " for " + save("crash", input));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause());
		}
	}

	private Path save(String kind, byte[] input) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "fuzz-findings"));
			Path file = folder
				.resolve(this.name + "-" + kind + "-" + Integer.toHexString(java.util.Arrays.hashCode(input)));
			return Files.write(file, input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
