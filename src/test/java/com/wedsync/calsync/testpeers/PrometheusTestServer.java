package com.wedsync.calsync.testpeers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian package {@code prometheus}) on a free loopback port with
 * throw-away storage, scraping one target's {@code /actuator/prometheus} every second,
 * and its HTTP query API. A missing binary fails the test: a skipped test proves nothing.
 */
public final class PrometheusTestServer implements AutoCloseable {

	private static final Path LOG_DIR = Paths.get("target", "test-peers");

	private final Process process;

	private final Path dir;

	private final URI base;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private PrometheusTestServer(Process process, Path dir, URI base) {
		this.process = process;
		this.dir = dir;
		this.base = base;
	}

	/** Starts Prometheus scraping {@code 127.0.0.1:<appPort>/actuator/prometheus}. */
	public static PrometheusTestServer scraping(int appPort) {
		String binary = requireBinary("prometheus");
		try {
			Path dir = Files.createTempDirectory("calsync-prometheus");
			int port = freePort();
			Path config = dir.resolve("prometheus.yml");
			Files.writeString(config, """
					global:
					  scrape_interval: 1s
					  evaluation_interval: 1s
					scrape_configs:
					  - job_name: calsync
					    metrics_path: /actuator/prometheus
					    static_configs:
					      - targets: ['127.0.0.1:%d']
					""".formatted(appPort));
			Files.createDirectories(LOG_DIR);
			Process process = new ProcessBuilder(binary, "--config.file=" + config,
					"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
				.directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(LOG_DIR.resolve("prometheus.log").toFile())
				.start();
			PrometheusTestServer server = new PrometheusTestServer(process, dir,
					URI.create("http://127.0.0.1:" + port));
			server.awaitReady();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs promtool with the arguments; returns its exit code and output. */
	public static ToolResult promtool(String... arguments) {
		List<String> command = Stream.concat(Stream.of(requireBinary("promtool")), Stream.of(arguments)).toList();
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("promtool did not end within 60 s: " + output);
			}
			return new ToolResult(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An instant query ({@code /api/v1/query}); returns the {@code data.result} array.
	 * @throws AssertionError when Prometheus rejects the expression
	 */
	public JsonNode query(String promql) {
		JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		if (!"success".equals(answer.path("status").asString())) {
			throw new AssertionError("Prometheus rejected " + promql + ": " + answer);
		}
		return answer.path("data").path("result");
	}

	/** The health of the scrape target: "up", "down" or "unknown". */
	public String targetHealth() {
		JsonNode targets = get("/api/v1/targets").path("data").path("activeTargets");
		return targets.isEmpty() ? "unknown" : targets.get(0).path("health").asString();
	}

	private JsonNode get(String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
				.timeout(Duration.ofSeconds(10))
				.build();
			return this.json.readTree(this.http.send(request, BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("prometheus exited at start; see " + LOG_DIR.resolve("prometheus.log"));
			}
			try {
				HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/-/ready"))
					.timeout(Duration.ofSeconds(2))
					.build();
				if (this.http.send(request, BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(100);
		}
		close();
		throw new IllegalStateException("prometheus was not ready within 30 s; see " + LOG_DIR);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> paths = Files.walk(this.dir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temp dir left behind is not worth failing a finished test for
		}
	}

	private static String requireBinary(String name) {
		return CalDavTestServers.requireBinary(name, "the monitoring tests need it", "Debian package prometheus");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What a command-line tool said. */
	public record ToolResult(int exitCode, String output) {
	}

}
