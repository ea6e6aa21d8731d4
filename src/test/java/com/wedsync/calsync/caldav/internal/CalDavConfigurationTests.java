package com.wedsync.calsync.caldav.internal;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.wedsync.calsync.caldav.CalDavClientFactory;
import com.wedsync.calsync.caldav.CalDavProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code calsync.caldav.*} reaches the factory, with documented defaults. */
class CalDavConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(CalDavConfiguration.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void shouldProvideTheFactoryWithDefaults() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(CalDavClientFactory.class);
			CalDavProperties properties = context.getBean(CalDavProperties.class);
			assertThat(properties.multigetBatchSize()).isEqualTo(200);
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(20));
			assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(120));
			assertThat(properties.resilience()).isEqualTo(ResilienceSettings.defaults());
			assertThat(properties.credentialHosts()).isEmpty();
		});
	}

	@Test
	void shouldBindCredentialHosts() {
		this.contexts.withPropertyValues("calsync.caldav.credential-hosts=dav.example.org,cal.example.net")
			.run((context) -> assertThat(context.getBean(CalDavProperties.class).credentialHosts())
				.containsExactly("dav.example.org", "cal.example.net"));
	}

	@Test
	void shouldBindResilienceSettings() {
		this.contexts.withPropertyValues("calsync.caldav.resilience.max-attempts=6",
				"calsync.caldav.resilience.base-backoff=250ms", "calsync.caldav.resilience.retry-after-max=10s",
				"calsync.caldav.resilience.open-wait=5m", "calsync.caldav.resilience.account-requests-per-second=2.5")
			.run((context) -> {
				CalDavProperties.Resilience resilience = context.getBean(CalDavProperties.class).resilience();
				assertThat(resilience.maxAttempts()).isEqualTo(6);
				assertThat(resilience.baseBackoff()).isEqualTo(Duration.ofMillis(250));
				assertThat(resilience.retryAfterMax()).isEqualTo(Duration.ofSeconds(10));
				assertThat(resilience.openWait()).isEqualTo(Duration.ofMinutes(5));
				assertThat(resilience.accountRequestsPerSecond()).isEqualTo(2.5);
				assertThat(resilience.minimumCalls()).isEqualTo(10);
			});
	}

	@Test
	void shouldBindOverriddenSettings() {
		this.contexts
			.withPropertyValues("calsync.caldav.multiget-batch-size=20", "calsync.caldav.connect-timeout=3s",
					"calsync.caldav.read-timeout=2m")
			.run((context) -> {
				CalDavSettings settings = CalDavSettings.from(context.getBean(CalDavProperties.class));
				assertThat(settings.multigetBatchSize()).isEqualTo(20);
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(settings.readTimeout()).isEqualTo(Duration.ofMinutes(2));
			});
	}

}
