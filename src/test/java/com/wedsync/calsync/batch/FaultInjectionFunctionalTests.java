package com.wedsync.calsync.batch;

import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
 * A two-way sync of about 150 events through a proxy that breaks 20% of the REPORT, PUT
 * and PROPFIND requests (resets, empty answers, 500, 503 with Retry-After, 429) ends with
 * both sides equal to a fault-free run of the same scenario, and a sync after it writes
 * nothing.
 */
@ApplicationTest
// Six attempts make a request that fails every one of them rare; a circuit that judges
// 50 calls at 60% does not open at a 20% fault rate. Retry-After is honoured up to 200
// ms.
@TestPropertySource(properties = { "calsync.caldav.multiget-batch-size=20", "calsync.sync.apply-chunk-size=25",
		"calsync.caldav.resilience.max-attempts=6", "calsync.caldav.resilience.base-backoff=10ms",
		"calsync.caldav.resilience.max-backoff=100ms", "calsync.caldav.resilience.retry-after-max=200ms",
		"calsync.caldav.resilience.sliding-window-size=50", "calsync.caldav.resilience.minimum-calls=50",
		"calsync.caldav.resilience.failure-rate-threshold=60" })
class FaultInjectionFunctionalTests {

	static final long SEED = 20261130L;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalendarObjectParser parser;

	@Test
	@Timeout(120)
	void shouldConvergeToTheFaultFreeResultDespiteOneRequestInFiveFailing() {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		FaultInjectionScenario scenario = new FaultInjectionScenario(new CalSyncApi(this.port), this.jdbc, this.meters,
				this.parser, radicale);
		Outcome reference = scenario.run("tenant-reference", radicale.baseUrl(), 120, 30);

		Outcome faulty;
		int faults;
		try (FaultyProxy proxy = new FaultyProxy(radicale.baseUrl(), 0.2, SEED)) {
			faulty = scenario.run("tenant-faulty", proxy.baseUrl(), 120, 30);
			faults = proxy.faults();
		}

		assertThat(reference.failedSyncs()).isEmpty();
		assertThat(reference.retries()).isZero();
		assertThat(faults).as("faults injected").isGreaterThan(15);
		assertThat(faulty.retries()).as("retries").isGreaterThanOrEqualTo(faults);
		assertThat(faulty.server().get("planner")).hasSize(27);
		assertThat(faulty.server()).isEqualTo(reference.server());
		assertThat(faulty.database()).hasSize(147).isEqualTo(reference.database());
		TreeSet<String> onTheServer = new TreeSet<>(faulty.server().get("planner"));
		faulty.server().get("phone").stream().filter((line) -> line.startsWith("seed-")).forEach(onTheServer::add);
		assertThat(faulty.database()).isEqualTo(onTheServer);
		assertThat(faulty.writesOfLastSync()).isZero();
	}

}
