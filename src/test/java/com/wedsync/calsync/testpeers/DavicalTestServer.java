package com.wedsync.calsync.testpeers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * DAViCal (Debian's package) on a standalone Apache with mod_php, for
 * {@link CalDavTestServers#davical()}: a database of its own on the local PostgreSQL and
 * a configuration file of its own, both removed when the JVM ends.
 */
final class DavicalTestServer {

	private static final Path DAVICAL = Paths.get("/usr/share/davical");

	private static final Path DAVICAL_CONFIG_DIR = Paths.get("/etc/davical");

	private static final Path APACHE = Paths.get("/usr/sbin/apache2");

	private static final Path APACHE_MODULES = Paths.get("/usr/lib/apache2/modules");

	private static final Duration DAVICAL_SETUP_TIMEOUT = Duration.ofSeconds(120);

	private DavicalTestServer() {
	}

	static CalDavTestServer start() {
		Path createDatabase = requireDavicalFile(DAVICAL.resolve("dba").resolve("create-database.sh"));
		requireDavicalFile(APACHE);
		Path php = phpModule();
		String psql = CalDavTestServers.requireBinary("psql", "the DAViCal peer creates its database with it",
				"Debian package postgresql-client, a dependency of davical");
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String database = "davical_" + id;
		// DAViCal looks for /etc/davical/<server name>-conf.php before the package's own
		// config.php, and has no other way to be told where its configuration is: a
		// server name of its own gives this run its configuration (and database) without
		// touching the package's file or another run's.
		String serverName = "calsync-davical-" + id;
		Path config = DAVICAL_CONFIG_DIR.resolve(serverName + "-conf.php");
		String password = "s3cret-app-password";
		try {
			Path dir = Files.createTempDirectory("calsync-davical");
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> dropDavicalData(psql, database, config), "drop-davical"));
			Files.createDirectories(CalDavTestServers.LOG_DIR);
			// create-database.sh also creates the roles davical_dba and davical_app when
			// they are missing, and leaves them be when an earlier run made them.
			runPostgresClient(List.of(createDatabase.toString(), database), null);
			runPostgresClient(List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database), """
					INSERT INTO usr (active, email_ok, updated, username, password, fullname, email)
					  VALUES (TRUE, current_date, current_date, 'planner', '**%s', 'Planner', 'planner@example.net');
					INSERT INTO principal (type_id, user_no, displayname, default_privileges)
					  SELECT 1, user_no, fullname, 0::BIT(24) FROM usr WHERE username = 'planner';
					""".formatted(password));
			writeDavicalConfig(config, database);
			int port = CalDavTestServers.freePort();
			Path apacheConfig = dir.resolve("apache2.conf");
			// Apache started as root must hand its workers to an unprivileged user;
			// started by anyone else, it runs as that user.
			boolean root = "root".equals(Files.getOwner(dir).getName());
			Files.writeString(apacheConfig,
					"""
							ServerRoot %1$s
							Listen 127.0.0.1:%2$d
							# The name picks DAViCal's configuration; UseCanonicalName makes it the
							# server name whatever Host the client sends.
							ServerName %3$s:%2$d
							UseCanonicalName On
							PidFile %1$s/apache2.pid
							DefaultRuntimeDir %1$s
							ErrorLog %8$s
							LogLevel warn
							%4$s
							LoadModule mpm_prefork_module %5$s/mod_mpm_prefork.so
							LoadModule authz_core_module %5$s/mod_authz_core.so
							LoadModule rewrite_module %5$s/mod_rewrite.so
							LoadModule php_module %6$s
							StartServers 2
							DocumentRoot %7$s
							<Directory />
								AllowOverride None
								Require all denied
							</Directory>
							<Directory %7$s>
								Require all granted
								AcceptPathInfo On
							</Directory>
							<FilesMatch "\\.php$">
								SetHandler application/x-httpd-php
							</FilesMatch>
							RewriteEngine On
							RewriteRule ^/\\.well-known/(.*)$ /caldav.php/.well-known/$1 [NC,PT]
							""".formatted(dir, port, serverName, root ? "User www-data\nGroup www-data" : "",
							APACHE_MODULES, php, DAVICAL.resolve("htdocs"),
							CalDavTestServers.LOG_DIR.resolve("davical-error.log").toAbsolutePath()));
			// NO_DETACH, not FOREGROUND: in the foreground Apache stays in the JVM's
			// process group, and prefork signals that whole group when it stops, Maven
			// included. NO_DETACH keeps the process (destroy() reaches it) in a session
			// of its own; it also sends stderr to /dev/null, hence the ErrorLog file.
			Process process = CalDavTestServers.start("davical",
					List.of(APACHE.toString(), "-f", apacheConfig.toString(), "-DNO_DETACH"), dir);
			return CalDavTestServers.await(new CalDavTestServer("DAViCal", process, CalDavTestServers.loopback(port),
					"/caldav.php/planner/", "planner", password, null), port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points DAViCal at the run's database; readable by Apache's workers whatever the
	 * umask.
	 */
	private static void writeDavicalConfig(Path config, String database) throws IOException {
		try {
			Files.writeString(config, """
					<?php
					// Written by a calsync test run for its own DAViCal; removed when it ends.
					$c->pg_connect[] = 'dbname=%s host=127.0.0.1 user=davical_app';
					// Requests reach this file by a per-run server name; URLs DAViCal builds
					// (the /.well-known redirect) must name the address the clients use.
					$_SERVER['SERVER_NAME'] = '127.0.0.1';
					$c->domain_name = '127.0.0.1';
					""".formatted(database));
			Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (AccessDeniedException ex) {
			throw new IllegalStateException("DAViCal reads its configuration from " + DAVICAL_CONFIG_DIR
					+ " only and this user may not write there; run the tests as root (as CI does)", ex);
		}
	}

	/**
	 * Runs a PostgreSQL client as the superuser over loopback TCP (trust authentication),
	 * so the test needs no switch to the postgres system user; fails on a non-zero exit.
	 */
	private static void runPostgresClient(List<String> command, String input) throws IOException {
		File log = CalDavTestServers.LOG_DIR.resolve("davical-setup.log").toFile();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
		builder.environment().put("PGHOST", "127.0.0.1");
		builder.environment().put("PGUSER", "postgres");
		Process process = builder.start();
		try (var stdin = process.getOutputStream()) {
			if (input != null) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			if (!process.waitFor(DAVICAL_SETUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						command.get(0) + " did not end within " + DAVICAL_SETUP_TIMEOUT + "; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command.get(0) + " failed (exit " + process.exitValue()
					+ ") setting up DAViCal's database; is PostgreSQL running at 127.0.0.1:5432 with trust"
					+ " authentication? See " + log);
		}
	}

	/**
	 * Drops the run's database (FORCE: Apache may still hold connections while it stops)
	 * and its configuration file.
	 */
	private static void dropDavicalData(String psql, String database, Path config) {
		try {
			runPostgresClient(List.of(psql, "-X", "-q", "-d", "postgres", "-c",
					"DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"), null);
			Files.deleteIfExists(config);
		}
		catch (IOException | RuntimeException ex) {
			// A leftover database or file is not worth failing a finished test run for.
		}
	}

	/** mod_php's module, whichever PHP version the distribution ships. */
	private static Path phpModule() {
		try (Stream<Path> modules = Files.list(requireDavicalFile(APACHE_MODULES))) {
			return modules.filter((module) -> module.getFileName().toString().matches("libphp[0-9.]*\\.so"))
				.sorted()
				.findFirst()
				.orElseThrow(() -> missingForDavical(APACHE_MODULES.resolve("libphp*.so")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path requireDavicalFile(Path path) {
		if (!Files.exists(path)) {
			throw missingForDavical(path);
		}
		return path;
	}

	private static IllegalStateException missingForDavical(Path path) {
		return new IllegalStateException(path + " is missing; the DAViCal peer needs it. Run scripts/install-test-peers"
				+ " (Debian packages davical, apache2, libapache2-mod-php, php-pgsql).");
	}

}
