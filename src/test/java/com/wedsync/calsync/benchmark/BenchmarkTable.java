package com.wedsync.calsync.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table the benchmark prints: a row per scenario and tool, and for scenarios both
 * tools ran, a row with the ratio calsync / vdirsyncer of each column.
 */
final class BenchmarkTable {

	private static final String FORMAT = "%-46s %-10s %10s %9s %12s %8s %8s %8s%n";

	private final List<Measurement> rows = new ArrayList<>();

	void add(Measurement measurement) {
		this.rows.add(measurement);
		System.out.printf("[bench] " + FORMAT, measurement.scenario(), measurement.tool(), measurement.wallMillis(),
				measurement.requests(), measurement.bytes(), value(measurement.heapMb()), value(measurement.rssMb()),
				value(measurement.rows()));
	}

	String render() {
		StringBuilder out = new StringBuilder();
		out.append(FORMAT.formatted("scenario", "tool", "wall ms", "requests", "bytes", "heap MB", "RSS MB", "rows"));
		for (Measurement row : this.rows) {
			out.append(FORMAT.formatted(row.scenario(), row.tool(), row.wallMillis(), row.requests(), row.bytes(),
					value(row.heapMb()), value(row.rssMb()), value(row.rows())));
			if (row.tool().equals("vdirsyncer")) {
				this.rows.stream()
					.filter((other) -> other.tool().equals("calsync") && other.scenario().equals(row.scenario()))
					.findFirst()
					.ifPresent((calsync) -> out.append(FORMAT.formatted("", "ratio",
							ratio(calsync.wallMillis(), row.wallMillis()), ratio(calsync.requests(), row.requests()),
							ratio(calsync.bytes(), row.bytes()), "", ratio(calsync.rssMb(), row.rssMb()), "")));
			}
		}
		return out.toString();
	}

	private static String value(long value) {
		return (value < 0) ? "-" : Long.toString(value);
	}

	private static String ratio(long calsync, long vdirsyncer) {
		return (vdirsyncer <= 0) ? "-" : "%.2f".formatted((double) calsync / vdirsyncer);
	}

}
