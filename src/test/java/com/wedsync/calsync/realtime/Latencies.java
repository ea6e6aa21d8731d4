package com.wedsync.calsync.realtime;

import java.util.List;

/** Percentiles of delivery latencies, for the numbers the live status tests print. */
public record Latencies(int samples, double p50Millis, double p95Millis, double maxMillis) {

	public static Latencies of(List<StompTestClient.Received> received) {
		List<Double> millis = received.stream()
			.map(StompTestClient.Received::latency)
			.map((latency) -> latency.toNanos() / 1e6)
			.sorted()
			.toList();
		return new Latencies(millis.size(), percentile(millis, 50), percentile(millis, 95),
				millis.isEmpty() ? 0 : millis.get(millis.size() - 1));
	}

	// nearest rank
	private static double percentile(List<Double> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	public String describe(String what) {
		return "%s: %d messages, latency p50 %.1f ms, p95 %.1f ms, max %.1f ms".formatted(what, this.samples,
				this.p50Millis, this.p95Millis, this.maxMillis);
	}

}
