package com.wedsync.calsync.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every PromQL expression of the Grafana dashboards ({@code grafana/dashboards/*.json}:
 * panel targets and template variable queries) and of the alert rules
 * ({@code grafana/prometheus/alerts.yml}), made runnable against a plain Prometheus:
 * Grafana's interval macros become {@code 1m}, template variables match anything
 * ({@code .*}), and {@code label_values(metric, label)} becomes {@code metric}.
 * <p>
 * An alert rule's expression is {@code <query> <comparison> <threshold>}; the query (left
 * side) is what must return data, since the whole expression is empty whenever nothing is
 * wrong.
 */
final class MonitoringExpressions {

	static final Path DASHBOARDS = Path.of("grafana", "dashboards");

	static final Path ALERT_RULES = Path.of("grafana", "prometheus", "alerts.yml");

	private static final Pattern COMPARISON = Pattern
		.compile("(?s)^(.*\\S)\\s+(>|<|>=|<=|==|!=)\\s+(-?[0-9]+(?:\\.[0-9]+)?)\\s*$");

	private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*\\w+\\)$");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

	private MonitoringExpressions() {
	}

	/** Where an expression comes from, and the PromQL to run. */
	record Expression(String source, String promql) {

		@Override
		public String toString() {
			return this.source + ": " + this.promql;
		}

	}

	/** One alert rule's expression split at its threshold comparison. */
	record AlertRule(String name, String expr, String query, String comparison, double threshold) {
	}

	static List<Expression> all() {
		List<Expression> all = new ArrayList<>(dashboardExpressions());
		alertRules().forEach((rule) -> all.add(new Expression("alert " + rule.name(), runnable(rule.query()))));
		return all;
	}

	static List<Expression> dashboardExpressions() {
		JsonMapper json = JsonMapper.builder().build();
		List<Expression> expressions = new ArrayList<>();
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = json.readTree(Files.readString(file));
				String name = file.getFileName().toString();
				collectPanels(name, dashboard.path("panels"), expressions);
				for (JsonNode variable : dashboard.path("templating").path("list")) {
					if ("query".equals(variable.path("type").asString())) {
						Matcher labelValues = LABEL_VALUES.matcher(variable.path("query").asString());
						if (!labelValues.matches()) {
							throw new IllegalStateException(
									name + ": variable query is not label_values(): " + variable);
						}
						expressions.add(new Expression(name + " variable $" + variable.path("name").asString(),
								runnable(labelValues.group(1))));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return expressions;
	}

	private static void collectPanels(String file, JsonNode panels, List<Expression> expressions) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(new Expression(
						file + " \"" + panel.path("title").asString() + "\" " + target.path("refId").asString(),
						runnable(target.path("expr").asString())));
			}
			collectPanels(file, panel.path("panels"), expressions); // rows
		}
	}

	@SuppressWarnings("unchecked")
	static List<AlertRule> alertRules() {
		try {
			Map<String, Object> file = new Yaml().load(Files.readString(ALERT_RULES));
			List<AlertRule> rules = new ArrayList<>();
			for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					String name = (String) rule.get("alert");
					String expr = ((String) rule.get("expr")).trim();
					Matcher split = COMPARISON.matcher(expr);
					if (!split.matches()) {
						throw new IllegalStateException(
								"Alert " + name + " is not `<query> <comparison> <threshold>`: " + expr);
					}
					rules.add(new AlertRule(name, expr, split.group(1), split.group(2),
							Double.parseDouble(split.group(3))));
				}
			}
			return rules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Grafana macros and variables replaced so plain Prometheus runs the query. */
	static String runnable(String promql) {
		String withIntervals = promql.replace("$__rate_interval", "1m")
			.replace("$__interval", "1m")
			.replace("$__range", "1m");
		return VARIABLE.matcher(withIntervals).replaceAll(".*");
	}

}
