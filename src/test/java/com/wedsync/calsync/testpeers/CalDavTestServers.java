package com.wedsync.calsync.testpeers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Radicale, Xandikos and DAViCal, each started once per JVM on a free loopback port with
 * throw-away storage, stopped by a shutdown hook. A missing binary fails the test with
 * instructions: a skipped integration test proves nothing.
 */
public final class CalDavTestServers {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	static final Path LOG_DIR = Paths.get("target", "test-peers");

	private static CalDavTestServer radicale;

	private static CalDavTestServer xandikos;

	private static CalDavTestServer davical;

	private CalDavTestServers() {
	}

	/** Radicale 3 with real Basic auth (plain htpasswd); the home is the principal. */
	public static synchronized CalDavTestServer radicale() {
		if (radicale == null) {
			radicale = startRadicale();
		}
		return radicale;
	}

	/** Xandikos without auth; principal {@code /user/}, home {@code /user/calendars/}. */
	public static synchronized CalDavTestServer xandikos() {
		if (xandikos == null) {
			xandikos = startXandikos();
		}
		return xandikos;
	}

	/**
	 * DAViCal on a standalone Apache with mod_php, with real Basic auth; principal and
	 * home {@code /caldav.php/planner/}. Its data lives in a database of its own on the
	 * local PostgreSQL (127.0.0.1:5432, trust authentication), dropped with the JVM. Not
	 * in {@link #all()}: it needs that PostgreSQL and a writable {@code /etc/davical},
	 * which the other peers do not.
	 */
	public static synchronized CalDavTestServer davical() {
		if (davical == null) {
			davical = DavicalTestServer.start();
		}
		return davical;
	}

	/**
	 * A separate Radicale holding {@code count} accounts ({@code planner-01} ...), one
	 * {@link CalDavTestServer} each, for tests that need many integrations whose
	 * calendars do not see each other. Started anew on every call; stopped with the JVM.
	 */
	public static List<CalDavTestServer> radicaleAccounts(int count) {
		List<String> usernames = java.util.stream.IntStream.rangeClosed(1, count)
			.mapToObj((i) -> "planner-%02d".formatted(i))
			.toList();
		return startRadicale("radicale-accounts", usernames);
	}

	/**
	 * A separate Radicale, started anew on every call, whose rights come from a file
	 * ({@code [rights] type = from_file}): account {@code planner} writes its home,
	 * except the calendar {@code readOnlyCalendar}, which it may only read, as a calendar
	 * shared with it "view only". That calendar is created on disk before the server
	 * starts, holding {@code seededEvent} (an iCalendar object, stored as
	 * {@code seeded.ics}): nobody could write it through the server.
	 * {@link RadicaleRights} lets the test share it for writing and take that back while
	 * the server runs (Radicale reads the file on every request).
	 */
	public static RadicaleRights radicaleWithReadOnlyCalendar(String readOnlyCalendar, String seededEvent) {
		try {
			Path dir = Files.createTempDirectory("calsync-radicale-rights");
			Path shared = dir.resolve("collections")
				.resolve("collection-root")
				.resolve("planner")
				.resolve(readOnlyCalendar);
			Files.createDirectories(shared);
			Files.writeString(shared.resolve(".Radicale.props"),
					"{\"tag\": \"VCALENDAR\", \"D:displayname\": \"" + readOnlyCalendar + "\"}");
			Files.writeString(shared.resolve("seeded.ics"), seededEvent);
			RadicaleRights rights = new RadicaleRights(dir.resolve("rights"), readOnlyCalendar);
			rights.readOnly();
			CalDavTestServer server = startRadicale("radicale-rights", List.of("planner"), dir,
					"type = from_file\nfile = " + rights.file())
				.get(0);
			rights.server(server);
			return rights;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<CalDavTestServer> all() {
		return List.of(radicale(), xandikos());
	}

	private static CalDavTestServer startRadicale() {
		return startRadicale("radicale", List.of("planner")).get(0);
	}

	private static List<CalDavTestServer> startRadicale(String logName, List<String> usernames) {
		try {
			return startRadicale(logName, usernames, Files.createTempDirectory("calsync-" + logName),
					"type = owner_only");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<CalDavTestServer> startRadicale(String logName, List<String> usernames, Path dir,
			String rights) {
		String binary = requireBinary("radicale");
		try {
			int port = freePort();
			String password = "s3cret-app-password";
			StringBuilder users = new StringBuilder();
			usernames.forEach((username) -> users.append(username).append(':').append(password).append('\n'));
			Files.writeString(dir.resolve("users"), users);
			Path config = dir.resolve("config");
			Files.writeString(config, """
					[server]
					hosts = 127.0.0.1:%d
					[auth]
					type = htpasswd
					htpasswd_filename = %s
					htpasswd_encryption = plain
					[storage]
					filesystem_folder = %s
					[rights]
					%s
					[logging]
					level = warning
					""".formatted(port, dir.resolve("users"), dir.resolve("collections"), rights));
			Process process = start(logName, List.of(binary, "--config", config.toString()), dir);
			List<CalDavTestServer> accounts = usernames.stream()
				.map((username) -> new CalDavTestServer("Radicale", process, loopback(port), "/" + username + "/",
						username, password, dir.resolve("collections").resolve("collection-root").resolve(username)))
				.toList();
			await(accounts.get(0), port);
			return accounts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CalDavTestServer startXandikos() {
		String binary = requireBinary("xandikos");
		try {
			Path dir = Files.createTempDirectory("calsync-xandikos");
			int port = freePort();
			Process process = start("xandikos", List.of(binary, "-d", dir.resolve("data").toString(), "-l", "127.0.0.1",
					"-p", Integer.toString(port), "--autocreate", "--current-user-principal", "/user/"), dir);
			// Xandikos has no authentication; the credentials are sent and ignored.
			return await(new CalDavTestServer("Xandikos", process, loopback(port), "/user/calendars/", "user",
					"unused-password", null), port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String requireBinary(String name) {
		return requireBinary(name, "the CalDAV integration tests need it", "Debian packages radicale and xandikos");
	}

	/** The binary's path on the PATH; fails with how to install it when missing. */
	static String requireBinary(String name, String why, String packages) {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			Path candidate = Paths.get(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException(
				name + " is not installed; " + why + ". Run scripts/install-test-peers (" + packages + ").");
	}

	static Process start(String name, List<String> command, Path workDir) throws IOException {
		Files.createDirectories(LOG_DIR);
		File log = LOG_DIR.resolve(name + ".log").toFile();
		Process process = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndForget(process, workDir), "stop-" + name));
		return process;
	}

	private static void stopAndForget(Process process, Path workDir) {
		process.destroy();
		try {
			process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> paths = Files.walk(workDir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// A temp dir left behind is not worth failing a finished test run for.
		}
	}

	static CalDavTestServer await(CalDavTestServer server, int port) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException(server.name() + " exited at start; see " + LOG_DIR);
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return server;
			}
			catch (IOException notYet) {
				sleep(100);
			}
		}
		server.stop();
		throw new IllegalStateException(
				server.name() + " did not listen on port " + port + " within " + STARTUP_TIMEOUT + "; see " + LOG_DIR);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static URI loopback(int port) {
		return URI.create("http://127.0.0.1:" + port + "/");
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

}
