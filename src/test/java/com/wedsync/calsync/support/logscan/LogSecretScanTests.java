package com.wedsync.calsync.support.logscan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The log scan finds a planted secret, names where without printing it, and passes clean
 * logs.
 */
class LogSecretScanTests {

	@TempDir
	Path project;

	@Test
	void shouldFailTheBuildNamingTheLineOfAPlantedSecret() throws IOException {
		write("target/test-logs/secrets.txt", "planted-app-password\nBearer-less-token-123\n");
		write("target/test-logs/suite.log", "INFO all fine\nWARN login failed for planner/planted-app-password\n");
		write("target/surefire-reports/com.x.SomeTests-output.txt", "token Bearer-less-token-123 printed\n");
		write("src/test/resources/application-test.yml", "calsync:\n  admin:\n    password: test-admin-password\n");

		assertThatIllegalStateException().isThrownBy(() -> scan())
			.withMessageContaining("Secrets in the test logs: 2 hits");
		List<String> hits = LogSecretScan.scan(secrets(), LogSecretScan
			.logs(this.project.resolve("target/test-logs/suite.log"), this.project.resolve("target/surefire-reports")));
		assertThat(hits).hasSize(2)
			.anySatisfy((hit) -> assertThat(hit).endsWith("suite.log:2: secret #1"))
			.allSatisfy((hit) -> assertThat(hit).doesNotContain("planted-app-password"));
	}

	@Test
	void shouldFindConfigurationSecretsWithoutRecording() throws IOException {
		write("src/test/resources/application-test.yml", """
				calsync:
				  admin:
				    password: test-admin-password
				  credentials:
				    key: AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
				    retired-keys: old-key:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=
				    key-id: test-key
				  datasource:
				    password: ${CALSYNC_TEST_DATABASE_PASSWORD:}
				""");

		assertThat(secrets()).containsExactlyInAnyOrder("test-admin-password",
				"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
	}

	@Test
	void shouldPassCleanLogsAndFailWhenTheSuiteLogIsMissing() throws IOException {
		write("target/test-logs/secrets.txt", "planted-app-password\n");
		write("target/surefire-reports/com.x.SomeTests-output.txt", "nothing to see\n");
		assertThatIllegalStateException().isThrownBy(() -> scan()).withMessageContaining("No suite log");

		write("target/test-logs/suite.log", "INFO all fine\n");
		scan();
	}

	private Set<String> secrets() throws IOException {
		return LogSecretScan.secrets(this.project.resolve("target/test-logs/secrets.txt"),
				this.project.resolve("src/test/resources/application-test.yml"));
	}

	private void scan() throws IOException {
		LogSecretScan.main(new String[] { "scan", this.project.toString() });
	}

	private void write(String file, String text) throws IOException {
		Path path = this.project.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

}
