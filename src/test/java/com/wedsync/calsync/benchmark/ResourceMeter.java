package com.wedsync.calsync.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Peak heap and RSS of this JVM and rows written to PostgreSQL between {@link #start()}
 * and {@link #stop}. Peak heap is the sum of the heap pools' peak usage (reset at start);
 * peak RSS is the kernel's high-water mark, reset through {@code /proc/self/clear_refs};
 * rows are the deltas of {@code n_tup_ins + n_tup_upd + n_tup_del} of the database's
 * tables, which PostgreSQL publishes with a delay, so {@link #stop} waits until they
 * settle.
 */
final class ResourceMeter {

	private final JdbcTemplate jdbc;

	private long rowsAtStart;

	private Instant startedAt;

	ResourceMeter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void start() {
		System.gc();
		settledRows();
		this.rowsAtStart = rows();
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
		resetRssPeak();
		this.startedAt = Instant.now();
	}

	/** Ends the measurement now; requests and bytes come from the proxy. */
	Measurement stop(String scenario, CountingProxy.Snapshot traffic) {
		return stop(scenario, traffic, Instant.now());
	}

	/**
	 * Ends the measurement of work that ended at {@code ended} (as the service recorded
	 * it, on this machine's clock); requests and bytes come from the proxy.
	 */
	Measurement stop(String scenario, CountingProxy.Snapshot traffic, Instant ended) {
		long wall = Duration.between(this.startedAt, ended).toMillis();
		long heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
		long rss = rssPeakKb(Path.of("/proc/self/status"));
		long rows = settledRows() - this.rowsAtStart;
		return new Measurement(scenario, "calsync", wall, traffic.requests(), traffic.bytes(), heap >> 20, rss >> 10,
				rows);
	}

	long rows() {
		Long rows = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables", Long.class);
		return (rows != null) ? rows : 0;
	}

	/**
	 * The row count once it stops moving. A PostgreSQL backend publishes its counts when
	 * it exits, or up to 10 s after it goes idle, so the pool's connections are retired
	 * first (each is closed when next idle); then two readings a second apart must agree
	 * (at most ~12 s).
	 */
	private long settledRows() {
		if (this.jdbc.getDataSource() instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
		long previous = rows();
		for (int i = 0; i < 12; i++) {
			sleep(1000);
			long now = rows();
			if (now == previous) {
				return now;
			}
			previous = now;
		}
		return previous;
	}

	static long rssPeakKb(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException ex) {
			// process gone or no procfs: not measured
		}
		return -1;
	}

	private static void resetRssPeak() {
		try {
			Files.writeString(Path.of("/proc/self/clear_refs"), "5");
		}
		catch (IOException ex) {
			// not Linux or not allowed: the peak is then the process's lifetime peak
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
