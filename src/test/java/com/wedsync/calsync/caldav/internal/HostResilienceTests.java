package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.CalDavProperties;
import com.wedsync.calsync.caldav.DavCredentials;
import com.wedsync.calsync.caldav.HostUnavailableException;
import com.wedsync.calsync.caldav.NoAnswerException;
import com.wedsync.calsync.caldav.NotFoundException;
import com.wedsync.calsync.caldav.PreconditionFailedException;
import com.wedsync.calsync.caldav.ServerErrorException;
import com.wedsync.calsync.caldav.TransportException;
import com.wedsync.calsync.caldav.WriteCondition;
import com.wedsync.calsync.observability.CalSyncMetrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.dav;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatusAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Retries, circuit breaker and rate limits around each CalDAV request, against WireMock:
 * what is retried and how long it waits, what is never retried, how an open circuit fails
 * fast per host, and how requests are spread over time.
 */
class HostResilienceTests {

	private static final Duration OPEN_WAIT = Duration.ofMillis(600);

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final WireMockServer otherHost = new WireMockServer(options().dynamicPort());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private SardineCalDavClientFactory factory;

	private CalDavClient client;

	private URI home;

	@BeforeEach
	void start() {
		this.server.start();
		this.otherHost.start();
		this.home = URI.create(this.server.baseUrl() + "/home/");
		useSettings(settings(4, 1000, 1000));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.factory.close();
		this.server.stop();
		this.otherHost.stop();
	}

	@Test
	void shouldRetry503AfterTheRetryAfterDelayAndThenSucceed() {
		answerInTurn(aResponse().withStatus(503).withHeader("Retry-After", "1"), ok());

		long millis = timed(() -> this.client.listCalendars(this.home));

		assertThat(millis).isGreaterThanOrEqualTo(950);
		assertThat(requests()).isEqualTo(2);
		assertThat(this.meters.get(CalSyncMetrics.CALDAV_RETRIES).counter().count()).isEqualTo(1);
	}

	@Test
	void shouldBackOffOn429WithoutRetryAfter() {
		answerInTurn(aResponse().withStatus(429), aResponse().withStatus(429), ok());

		long millis = timed(() -> this.client.listCalendars(this.home));

		// base 100 ms, doubled, +-50% jitter: at least 50 + 100 ms
		assertThat(millis).isGreaterThanOrEqualTo(150);
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void shouldNotRetry412() {
		this.server.stubFor(dav("PUT", "/home/cal/a.ics").willReturn(aResponse().withStatus(412)));

		assertThatExceptionOfType(PreconditionFailedException.class)
			.isThrownBy(() -> this.client.put(URI.create(this.server.baseUrl() + "/home/cal/a.ics"), "BEGIN:VCALENDAR",
					new WriteCondition.IfMatch("\"e1\"")));

		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void shouldNotRetry404() {
		answerInTurn(aResponse().withStatus(404));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.client.listCalendars(this.home));

		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void shouldRetryAConnectionResetAndAnEmptyAnswer() {
		answerInTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withFault(Fault.EMPTY_RESPONSE),
				ok());

		this.client.listCalendars(this.home);

		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void shouldGiveUpAfterMaxAttemptsAndMapTheLastStatus() {
		answerInTurn(aResponse().withStatus(502));

		assertThatExceptionOfType(ServerErrorException.class).isThrownBy(() -> this.client.listCalendars(this.home))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(502));

		assertThat(requests()).isEqualTo(4);
	}

	@Test
	void shouldCutOffAnAnswerTricklingInPastTheResponseTimeout() {
		this.client.close();
		this.factory.close();
		this.factory = new SardineCalDavClientFactory(new CalDavSettings(50, Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1 << 20, 32, Duration.ofMillis(300)), settings(1, 1000, 1000), this.meters);
		this.client = this.factory.connect(URI.create(this.server.baseUrl()), credentials("planner@example.com"));
		// each chunk well within the read timeout, the whole answer not within 300 ms
		answerInTurn(ok().withChunkedDribbleDelay(5, 1500));

		long millis = timed(() -> assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> this.client.listCalendars(this.home))
			.withMessageContaining("no complete answer within PT0.3S"));

		assertThat(millis).isLessThan(1200);
	}

	@Test
	void shouldOpenTheCircuitFailFastThenHalfOpenAndCloseOnSuccess() {
		answerInTurn(aResponse().withStatus(500));
		// 4 failed requests of one attempt each: the window of 4 is all failures.
		useSettings(settings(1, 1000, 1000));
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.client.listCalendars(this.home));
		}
		assertThat(circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

		long millis = timed(() -> assertThatExceptionOfType(HostUnavailableException.class)
			.isThrownBy(() -> this.client.listCalendars(this.home)));

		assertThat(millis).isLessThan(100);
		assertThat(requests()).isEqualTo(4);
		assertThat(this.meters.get(CalSyncMetrics.CALDAV_CIRCUIT_STATE).tag("state", "open").gauge().value())
			.isEqualTo(1.0);

		answerInTurn(ok());
		sleep(OPEN_WAIT.plusMillis(100));
		this.client.listCalendars(this.home);
		assertThat(circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		this.client.listCalendars(this.home);
		assertThat(circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(requests()).isEqualTo(6);
	}

	@Test
	void shouldKeepServingAnotherHostWhileOneCircuitIsOpen() {
		useSettings(settings(1, 1000, 1000));
		answerInTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		this.otherHost.stubFor(dav("PROPFIND", "/home/").willReturn(multistatusAnswer(multistatus())));
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> this.client.listCalendars(this.home));
		}
		assertThatExceptionOfType(HostUnavailableException.class)
			.isThrownBy(() -> this.client.listCalendars(this.home));

		URI otherHome = URI.create(this.otherHost.baseUrl() + "/home/");
		try (CalDavClient other = this.factory.connect(URI.create(this.otherHost.baseUrl()),
				credentials("planner@example.com"))) {
			assertThat(other.listCalendars(otherHome)).isEmpty();
		}
		assertThat(this.otherHost.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	@Test
	void shouldSpreadOneAccountsRequestsAtItsRate() {
		useSettings(settings(1, 1000, 5));
		answerInTurn(ok());

		long millis = timed(() -> {
			for (int i = 0; i < 6; i++) {
				this.client.listCalendars(this.home);
			}
		});

		// 5 per second, one permit every 200 ms: the sixth goes 1 s after the first
		assertThat(millis).isGreaterThanOrEqualTo(950);
		assertThat(requests()).isEqualTo(6);
	}

	@Test
	void shouldLimitAccountsOnlyOnTheHostsThatThrottlePerAccount() {
		useSettings(settings(1, 1000, 5, List.of("icloud.com")));
		answerInTurn(ok());

		long millis = timed(() -> {
			for (int i = 0; i < 6; i++) {
				this.client.listCalendars(this.home);
			}
		});

		// at 5 per second the sixth would wait 1 s; this host is not an iCloud host
		assertThat(millis).isLessThan(900);
		assertThat(requests()).isEqualTo(6);
		HostResilience resilience = new HostResilience(settings(1, 1000, 5, List.of("icloud.com")), this.meters);
		assertThat(resilience.isAccountLimited(URI.create("https://p42-caldav.icloud.com/1/calendars/"))).isTrue();
		assertThat(resilience.isAccountLimited(URI.create("https://caldav.icloud.com/"))).isTrue();
		assertThat(resilience.isAccountLimited(URI.create("https://noticloud.com/"))).isFalse();
	}

	@Test
	void shouldShareTheHostRateBetweenAccounts() {
		useSettings(settings(1, 5, 1000));
		answerInTurn(ok());

		long millis = timed(() -> {
			try (CalDavClient couple = this.factory.connect(URI.create(this.server.baseUrl()),
					credentials("couple@example.com"))) {
				for (int i = 0; i < 3; i++) {
					this.client.listCalendars(this.home);
					couple.listCalendars(this.home);
				}
			}
		});

		assertThat(millis).isGreaterThanOrEqualTo(950);
	}

	@Test
	void shouldNotSendAgainARequestTheHostLeftUnansweredForTheReadTimeout() {
		this.server.stubFor(dav("PROPFIND", "/home/").willReturn(ok().withFixedDelay(1500)));
		useSettings(new CalDavSettings(50, Duration.ofSeconds(5), Duration.ofMillis(300), 1 << 20, 32),
				settings(4, 1000, 1000));

		assertThatExceptionOfType(NoAnswerException.class).isThrownBy(() -> this.client.listCalendars(this.home))
			.withMessageContaining("SocketTimeoutException");

		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void shouldNotSendARequestWhileTheHostHasAsManyInFlightAsItMayAndNoneAnswers() throws InterruptedException {
		this.server.stubFor(dav("PROPFIND", "/home/").willReturn(ok().withFixedDelay(3000)));
		CalDavProperties.Resilience oneAtATime = settings(4, 1000, 1000);
		useSettings(CalDavSettings.defaults(),
				new CalDavProperties.Resilience(oneAtATime.maxAttempts(), oneAtATime.baseBackoff(),
						oneAtATime.maxBackoff(), oneAtATime.retryAfterMin(), oneAtATime.retryAfterMax(),
						oneAtATime.failureRateThreshold(), oneAtATime.minimumCalls(), oneAtATime.slidingWindowSize(),
						oneAtATime.openWait(), oneAtATime.halfOpenCalls(), oneAtATime.hostRequestsPerSecond(),
						oneAtATime.accountRequestsPerSecond(), oneAtATime.rateLimitWait(),
						oneAtATime.accountLimitedHosts(), 1, Duration.ofMillis(200), oneAtATime.slowCallThreshold()));
		Thread inFlight = new Thread(() -> this.client.listCalendars(this.home));
		inFlight.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> requests() == 1);

		assertThatExceptionOfType(HostUnavailableException.class).isThrownBy(() -> this.client.listCalendars(this.home))
			.withMessageContaining("already in flight");

		assertThat(requests()).isEqualTo(1);
		inFlight.join();
	}

	private void useSettings(CalDavProperties.Resilience resilience) {
		useSettings(CalDavSettings.defaults(), resilience);
	}

	private void useSettings(CalDavSettings transport, CalDavProperties.Resilience resilience) {
		if (this.client != null) {
			this.client.close();
			this.factory.close();
		}
		this.factory = new SardineCalDavClientFactory(transport, resilience, this.meters);
		this.client = this.factory.connect(URI.create(this.server.baseUrl()), credentials("planner@example.com"));
	}

	/** Short waits; the circuit judges windows of 4 calls. */
	private static CalDavProperties.Resilience settings(int maxAttempts, double hostRate, double accountRate) {
		return settings(maxAttempts, hostRate, accountRate, List.of("localhost"));
	}

	private static CalDavProperties.Resilience settings(int maxAttempts, double hostRate, double accountRate,
			List<String> accountLimitedHosts) {
		return new CalDavProperties.Resilience(maxAttempts, Duration.ofMillis(100), Duration.ofMillis(400),
				Duration.ZERO, Duration.ofSeconds(2), 50, 4, 4, OPEN_WAIT, 2, hostRate, accountRate,
				Duration.ofSeconds(10), accountLimitedHosts, 1_000, Duration.ofSeconds(1), Duration.ofHours(1));
	}

	private static DavCredentials credentials(String username) {
		return new DavCredentials(username, "abcd-efgh-ijkl-mnop");
	}

	private static ResponseDefinitionBuilder ok() {
		return multistatusAnswer(multistatus());
	}

	/** PROPFIND /home/ answers these in turn; the last one repeats. */
	private void answerInTurn(ResponseDefinitionBuilder... answers) {
		// stubs only: the request journal keeps counting
		this.server.getStubMappings().forEach(this.server::removeStubMapping);
		this.server.resetScenarios();
		List<ResponseDefinitionBuilder> turns = List.of(answers);
		for (int i = 0; i < turns.size(); i++) {
			String state = (i == 0) ? Scenario.STARTED : "turn-" + i;
			var stub = dav("PROPFIND", "/home/").inScenario("turns")
				.whenScenarioStateIs(state)
				.willReturn(turns.get(i));
			if (i + 1 < turns.size()) {
				stub.willSetStateTo("turn-" + (i + 1));
			}
			this.server.stubFor(stub);
		}
	}

	private int requests() {
		return this.server.findAll(anyRequestedFor(anyUrl())).size();
	}

	private CircuitBreaker.State circuitState() {
		return this.factory.resilience().state(this.home);
	}

	private static long timed(Runnable action) {
		long started = System.nanoTime();
		action.run();
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
