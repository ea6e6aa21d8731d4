package com.wedsync.calsync.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * vdirsyncer (the Debian package) syncing one CalDAV account into a filesystem storage:
 * the reference the issue compares calsync with. Its configuration lives in a temporary
 * directory; each run's peak RSS comes from {@code /usr/bin/time}.
 */
final class Vdirsyncer {

	private final Path dir;

	private final CountingProxy proxy;

	Vdirsyncer(CountingProxy proxy, URI accountUrl, String username, String password) {
		this.proxy = proxy;
		try {
			this.dir = Files.createTempDirectory("calsync-bench-vdirsyncer");
			Files.createDirectories(this.dir.resolve("local"));
			Files.writeString(this.dir.resolve("config"), """
					[general]
					status_path = "%s"

					[pair bench]
					a = "bench_remote"
					b = "bench_local"
					collections = ["from a"]
					conflict_resolution = "a wins"

					[storage bench_remote]
					type = "caldav"
					url = "%s"
					username = "%s"
					password = "%s"

					[storage bench_local]
					type = "filesystem"
					path = "%s/"
					fileext = ".ics"
					""".formatted(this.dir.resolve("status"), accountUrl, username, password,
					this.dir.resolve("local")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Discovers the account's calendars and syncs them all for the first time. */
	Measurement initialImport(String scenario) {
		return measure(scenario, List.of("discover", "sync"));
	}

	Measurement sync(String scenario) {
		return measure(scenario, List.of("sync"));
	}

	/**
	 * Changes the summary of {@code count} local files, as an edit on the platform side.
	 */
	void editLocally(int count) {
		try (Stream<Path> files = Files.walk(this.dir.resolve("local"))) {
			List<Path> ics = files.filter((f) -> f.toString().endsWith(".ics")).sorted().limit(count).toList();
			for (Path file : ics) {
				Files.writeString(file,
						Files.readString(file).replaceFirst("SUMMARY:([^\\r\\n]*)", "SUMMARY:$1 (local edit)"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Measurement measure(String scenario, List<String> commands) {
		CountingProxy.Snapshot before = this.proxy.snapshot();
		long started = System.nanoTime();
		long rssKb = 0;
		for (String command : commands) {
			rssKb = Math.max(rssKb, run(command));
		}
		long wall = (System.nanoTime() - started) / 1_000_000;
		CountingProxy.Snapshot traffic = this.proxy.snapshot().minus(before);
		return new Measurement(scenario, "vdirsyncer", wall, traffic.requests(), traffic.bytes(), -1, rssKb >> 10, -1);
	}

	/** Runs one vdirsyncer command; returns its peak RSS in KiB. */
	private long run(String command) {
		Path rss = this.dir.resolve("rss-" + command);
		Path log = this.dir.resolve("log-" + command);
		List<String> line = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(), "vdirsyncer",
				"-c", this.dir.resolve("config").toString(), command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			// discover asks before creating the local collection
			try (var in = process.getOutputStream()) {
				in.write("y\n".repeat(20).getBytes());
			}
			if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("vdirsyncer " + command + " failed:\n" + Files.readString(log));
			}
			return Long.parseLong(Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("0"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
