package com.wedsync.calsync.fidelity;

import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real sync converges: random histories of edits on the platform and on three
 * participant calendars on Radicale (summaries, places, deleted and moved occurrences,
 * cancellations, deletes, iOS's "this and future" splits), with syncs between them, end
 * with every calendar showing the platform's occurrences of every live event, and a
 * further sync writes nothing. A failing history is shrunk to one whose every step is
 * needed, and printed with its seed.
 * <p>
 * {@code calsync.convergence.histories} histories per run (50; the {@code convergence}
 * Maven profile runs 500), from seed {@code calsync.convergence.seed} on.
 */
@ApplicationTest
class SyncConvergenceFunctionalTests {

	private static final long FIRST_SEED = Long.getLong("calsync.convergence.seed", 20261206L);

	private static final int HISTORIES = Integer.getInteger("calsync.convergence.histories", 50);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	static Stream<Long> seeds() {
		return LongStream.range(FIRST_SEED, FIRST_SEED + HISTORIES).boxed();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldConvergeAndThenWriteNothing(long seed) {
		ConvergenceHistory history = ConvergenceHistory.generate(seed);

		Optional<String> failure = run(history);

		if (failure.isPresent()) {
			ConvergenceHistory minimal = history.shrink((candidate) -> run(candidate).isPresent());
			fail("Did not converge: " + failure.get() + "\n" + history + "\nshrunk to " + minimal
					+ "\nwhich fails with: " + run(minimal).orElse("(passed when run again)"));
		}
	}

	private Optional<String> run(ConvergenceHistory history) {
		return new ConvergenceRun(new CalSyncApi(this.port), CalDavTestServers.radicale(), this.jdbc, this.meters)
			.run(history);
	}

}
