package com.wedsync.calsync.observability;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.wedsync.calsync.observability.MonitoringExpressions.AlertRule;
import com.wedsync.calsync.observability.MonitoringExpressions.Expression;
import com.wedsync.calsync.testpeers.PrometheusTestServer;
import com.wedsync.calsync.testpeers.PrometheusTestServer.ToolResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring files are valid for the tools that load them: promtool accepts the alert
 * rules and the example Prometheus configuration, every alert has the form the end-to-end
 * test relies on, and every calsync metric they name is one the service declares in
 * {@link CalSyncMetrics}.
 */
class MonitoringConfigurationTests {

	private static final Pattern CALSYNC_METRIC = Pattern.compile("\\bcalsync_[a-z_]+");

	@Test
	void shouldPassPromtoolCheckOfTheAlertRules() {
		ToolResult check = PrometheusTestServer.promtool("check", "rules",
				MonitoringExpressions.ALERT_RULES.toString());

		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: 8 rules found");
	}

	@Test
	void shouldPassPromtoolCheckOfTheExampleConfiguration() {
		ToolResult check = PrometheusTestServer.promtool("check", "config", "grafana/prometheus/prometheus.yml");

		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	@Test
	void shouldGiveEveryAlertAThresholdOnAQuery() {
		List<AlertRule> rules = MonitoringExpressions.alertRules();

		assertThat(rules).extracting(AlertRule::name)
			.contains("CalSyncSyncsFailing", "CalSyncIntegrationsBehind", "CalSyncDeadLettersGrowing",
					"CalSyncCircuitOpen", "CalSyncOutboxBacklog", "CalSyncSchedulerStopped");
		assertThat(rules).allSatisfy((rule) -> assertThat(rule.query()).doesNotEndWith(" >").doesNotEndWith(" <"));
	}

	@Test
	void shouldNameOnlyDeclaredCalsyncMetrics() throws IllegalAccessException {
		Set<String> declared = new TreeSet<>();
		for (Field field : CalSyncMetrics.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && ((String) field.get(null)).startsWith("calsync_")) {
				declared.add((String) field.get(null));
			}
		}
		Set<String> used = new TreeSet<>();
		for (Expression expression : MonitoringExpressions.all()) {
			Matcher metric = CALSYNC_METRIC.matcher(expression.promql());
			while (metric.find()) {
				used.add(metric.group());
			}
		}

		assertThat(used).hasSizeGreaterThan(20)
			.allSatisfy((name) -> assertThat(declared).as(name).anyMatch(name::startsWith));
	}

}
