package com.wedsync.calsync.caldav.internal;

import java.time.Duration;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request metrics keep their documented names once exported to Prometheus. */
class CalDavRequestMetricsTests {

	@Test
	void shouldExportRequestCounterAndTimerUnderCalsyncNames() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		CalDavRequestMetrics metrics = new CalDavRequestMetrics(registry);
		metrics.record("REPORT", "2xx", "P42-caldav.icloud.com", Duration.ofMillis(120));
		metrics.record("REPORT", "2xx", "p42-caldav.icloud.com", Duration.ofMillis(80));

		String scrape = registry.scrape();
		assertThat(scrape).contains(
				"calsync_caldav_requests_total{host=\"p42-caldav.icloud.com\",method=\"REPORT\",status_class=\"2xx\"} 2.0");
		assertThat(scrape).contains("calsync_caldav_request_duration_seconds_count{host=\"p42-caldav.icloud.com\","
				+ "method=\"REPORT\",status_class=\"2xx\"} 2");
	}

}
