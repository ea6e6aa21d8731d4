package com.wedsync.calsync.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wedsync.calsync.CalSyncApplication;
import com.wedsync.calsync.support.CalSyncApi;

/**
 * calsync in a JVM of its own with a capped heap (the memory scenario) and optionally a
 * CPU cap (the capacity scenario's nodes, see {@link CpuQuota}). Its peak heap is read
 * from its GC log (the largest heap before a collection), its peak RSS from
 * {@code /proc/<pid>/status}.
 */
final class ForkedNode implements AutoCloseable {

	private static final Pattern HEAP_BEFORE_GC = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

	private final Process process;

	private final Path gcLog;

	private final CalSyncApi api;

	private final Optional<CpuQuota> cpuQuota;

	ForkedNode(String maxHeap, String databaseUrl, List<String> arguments) throws IOException, InterruptedException {
		this("forked-node", maxHeap, databaseUrl, arguments, 0);
	}

	/**
	 * @param name names its log files, data directory and cgroup
	 * @param cpus its CPU cap in cores, 0 for none
	 */
	ForkedNode(String name, String maxHeap, String databaseUrl, List<String> arguments, double cpus)
			throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path dir = Files.createDirectories(Path.of("target", "benchmark"));
		this.gcLog = dir.resolve(name + "-gc.log");
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-Xlog:gc:file=" + this.gcLog, "-cp",
				System.getProperty("java.class.path"), CalSyncApplication.class.getName(), "--server.port=" + port,
				"--spring.profiles.active=", "--calsync.admin.password=test-admin-password",
				"--calsync.credentials.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
				"--calsync.credentials.key-id=test-key", "--calsync.data-dir=target/benchmark/" + name,
				// the fast endpoint is plain HTTP on loopback, as in the test profile
				"--calsync.caldav.url-policy.require-https=false", "--calsync.caldav.url-policy.allow-loopback=true"));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
		builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
		builder.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
		this.process = builder.start();
		this.cpuQuota = (cpus > 0) ? CpuQuota.limit(this.process.pid(), "calsync-bench-" + name, cpus)
				: Optional.empty();
		this.api = new CalSyncApi(port);
		Instant deadline = Instant.now().plusSeconds(180);
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("forked node exited, see target/benchmark/" + name + ".log");
			}
			try {
				if (this.api.get("/actuator/health").status() == 200) {
					break;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			if (Instant.now().isAfter(deadline)) {
				// not left running (and polling) after the benchmark gives up on it
				close();
				throw new IllegalStateException(
						"forked node not ready within 180 s, see target/benchmark/" + name + ".log");
			}
			Thread.sleep(250);
		}
	}

	CalSyncApi api() {
		return this.api;
	}

	long rssPeakMb() {
		return ResourceMeter.rssPeakKb(Path.of("/proc", Long.toString(this.process.pid()), "status")) >> 10;
	}

	long heapPeakMb() throws IOException {
		long peak = 0;
		Matcher matcher = HEAP_BEFORE_GC.matcher(Files.readString(this.gcLog));
		while (matcher.find()) {
			peak = Math.max(peak, Long.parseLong(matcher.group(1)));
		}
		return peak;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
		this.cpuQuota.ifPresent(CpuQuota::close);
	}

	boolean cpuCapped() {
		return this.cpuQuota.isPresent();
	}

}
