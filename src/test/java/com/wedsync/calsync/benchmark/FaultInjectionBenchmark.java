package com.wedsync.calsync.benchmark;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.batch.FaultInjectionScenario;
import com.wedsync.calsync.batch.FaultInjectionScenario.Outcome;
import com.wedsync.calsync.ical.CalendarObjectParser;
import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;
import com.wedsync.calsync.testpeers.FaultyProxy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault-injection scenario at {@value #IMPORTED} imported plus {@value #PLATFORM}
 * platform events, once fault-free and once with 20% of REPORT/PUT/PROPFIND requests
 * broken. Prints wall time, requests, retries, restarted syncs and whether both sides
 * equal the fault-free result. Not part of the test suite: {@code scripts/benchmark} runs
 * it. Retry-After is honoured as sent (1 s), as in production.
 */
@ApplicationTest
@TestPropertySource(properties = { "calsync.caldav.multiget-batch-size=50", "calsync.sync.apply-chunk-size=100",
		"calsync.caldav.read-timeout=300s", "calsync.caldav.resilience.max-attempts=6",
		"calsync.caldav.resilience.base-backoff=50ms", "calsync.caldav.resilience.max-backoff=1s",
		"calsync.caldav.resilience.retry-after-min=1s", "calsync.caldav.resilience.retry-after-max=5s",
		"calsync.caldav.resilience.sliding-window-size=50", "calsync.caldav.resilience.minimum-calls=50",
		"calsync.caldav.resilience.failure-rate-threshold=60" })
class FaultInjectionBenchmark {

	static final int IMPORTED = Integer.getInteger("calsync.benchmark.imported", 800);

	static final int PLATFORM = Integer.getInteger("calsync.benchmark.platform", 200);

	static final double FAULT_RATE = 0.2;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalendarObjectParser parser;

	@Test
	void faultInjection() {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		FaultInjectionScenario scenario = new FaultInjectionScenario(new CalSyncApi(this.port), this.jdbc, this.meters,
				this.parser, radicale);
		Outcome reference = scenario.run("bench-reference", radicale.baseUrl(), IMPORTED, PLATFORM);
		Outcome faulty;
		int faults;
		try (FaultyProxy proxy = new FaultyProxy(radicale.baseUrl(), FAULT_RATE, 20261130L)) {
			faulty = scenario.run("bench-faulty", proxy.baseUrl(), IMPORTED, PLATFORM);
			faults = proxy.faults();
		}

		System.out.printf("%n%-12s %10s %9s %8s %7s %s%n", "run", "wall ms", "requests", "retries", "faults",
				"restarted syncs");
		System.out.printf("%-12s %10d %9.0f %8.0f %7d %s%n", "fault-free", reference.wallTime().toMillis(),
				reference.requests(), reference.retries(), 0, reference.failedSyncs());
		System.out.printf("%-12s %10d %9.0f %8.0f %7d %s%n", "20% faults", faulty.wallTime().toMillis(),
				faulty.requests(), faulty.retries(), faults, faulty.failedSyncs());
		System.out.printf(
				"events: %d in the platform; both sides equal the fault-free result: %s; "
						+ "writes of the sync after convergence: %.0f%n%n",
				faulty.database().size(), faulty.sameState(reference), faulty.writesOfLastSync());
		assertThat(faulty.sameState(reference)).isTrue();
	}

}
