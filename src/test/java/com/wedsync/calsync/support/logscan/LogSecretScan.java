package com.wedsync.calsync.support.logscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's check that no credential or token reached a log line during the suite: run
 * by Maven in the {@code verify} phase after the tests, it searches the suite's log
 * ({@code target/test-logs/suite.log}, every line any test's logback wrote) and the
 * captured test output ({@code target/surefire-reports/*-output.txt}) for every secret
 * the tests recorded ({@link SuiteSecrets}) and every secret of the test configuration,
 * and fails the build naming the file and line (never the secret) of each hit. With
 * {@code reset} as argument it clears the logs of an earlier run instead.
 */
public final class LogSecretScan {

	/** Shorter values are too common to search for ("p", "pw"). */
	public static final int MIN_LENGTH = 8;

	static final Path LOGS = Path.of("target", "test-logs");

	static final Path SUITE_LOG = LOGS.resolve("suite.log");

	// password:, key:, retired-keys: id:base64, ... in the test configuration
	private static final Pattern CONFIG_SECRET = Pattern
		.compile("^\\s*(?:password|key|secret|retired-keys)\\s*:\\s*(?:[\\w-]+:)?(\\S+)\\s*$", Pattern.MULTILINE);

	private LogSecretScan() {
	}

	/**
	 * @param args {@code scan} or {@code reset}, then the project folder (default: the
	 * working directory)
	 */
	public static void main(String[] args) throws IOException {
		Path project = Path.of((args.length > 1) ? args[1] : "");
		if (args.length > 0 && args[0].equals("reset")) {
			Files.deleteIfExists(project.resolve(SUITE_LOG));
			Files.deleteIfExists(project.resolve(SuiteSecrets.FILE));
			return;
		}
		Set<String> secrets = secrets(project.resolve(SuiteSecrets.FILE),
				project.resolve("src/test/resources/application-test.yml"));
		List<Path> logs = logs(project.resolve(SUITE_LOG), project.resolve("target/surefire-reports"));
		List<String> hits = scan(secrets, logs);
		System.out.printf("Log secret scan: %d secrets, %d files, %d hits%n", secrets.size(), logs.size(), hits.size());
		if (logs.isEmpty()) {
			// no test ran (-DskipTests): nothing to scan
			return;
		}
		if (!logs.contains(project.resolve(SUITE_LOG))) {
			throw new IllegalStateException("No suite log at " + SUITE_LOG + ": is logback-test.xml writing it?");
		}
		if (!hits.isEmpty()) {
			hits.forEach(System.err::println);
			throw new IllegalStateException("Secrets in the test logs: " + hits.size() + " hits, see above");
		}
	}

	/**
	 * The recorded secrets and those of the configuration file, each at least MIN_LENGTH.
	 */
	static Set<String> secrets(Path recorded, Path configuration) throws IOException {
		Set<String> secrets = new LinkedHashSet<>();
		if (Files.exists(recorded)) {
			Files.readAllLines(recorded, StandardCharsets.UTF_8).forEach(secrets::add);
		}
		if (Files.exists(configuration)) {
			Matcher secret = CONFIG_SECRET.matcher(Files.readString(configuration));
			while (secret.find()) {
				secrets.add(secret.group(1));
			}
		}
		secrets.removeIf((secret) -> secret.length() < MIN_LENGTH || secret.startsWith("${"));
		return secrets;
	}

	static List<Path> logs(Path suiteLog, Path surefireReports) throws IOException {
		List<Path> logs = new ArrayList<>();
		if (Files.exists(suiteLog)) {
			logs.add(suiteLog);
		}
		if (Files.isDirectory(surefireReports)) {
			try (Stream<Path> files = Files.list(surefireReports)) {
				files.filter((file) -> file.getFileName().toString().endsWith("-output.txt"))
					.sorted()
					.forEach(logs::add);
			}
		}
		return logs;
	}

	/**
	 * "file:line: secret #n" for each line holding a secret; the secret is never printed.
	 * Read as ISO-8859-1: any byte sequence decodes, and the secrets are ASCII.
	 */
	static List<String> scan(Set<String> secrets, List<Path> logs) {
		List<String> numbered = List.copyOf(secrets);
		List<String> hits = new ArrayList<>();
		for (Path log : logs) {
			try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
				int[] number = { 0 };
				lines.forEach((line) -> {
					number[0]++;
					for (int i = 0; i < numbered.size(); i++) {
						if (line.contains(numbered.get(i))) {
							hits.add(log + ":" + number[0] + ": secret #" + (i + 1));
						}
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return hits;
	}

}
