package com.wedsync.calsync;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.batch.CalendarSyncJobFunctionalTestsSupport;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default: the same migrations on an embedded H2 file database, and a real
 * sync from Radicale into it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:file:./target/h2-smoke/${random.uuid}/calsync;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "spring.datasource.username=sa" })
@ActiveProfiles("test")
class EmbeddedH2SmokeTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private static long migrationCount() {
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sql"))) {
			return files.filter((f) -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void shouldMigrateAndSyncOnTheEmbeddedDatabase() {
		assertThat(this.jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotBlank();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL",
				Long.class))
			.isEqualTo(migrationCount());
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		URI calendar = radicale.createCalendar("h2-smoke");
		CalendarSyncJobFunctionalTestsSupport.putFixtures(radicale, calendar);
		CalSyncApi api = new CalSyncApi(this.port);
		UUID integration = api.connect(radicale, "tenant-h2");

		JsonNode report = api.syncAndWait(integration);

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.get("counts").get("created").asInt()).isEqualTo(4);
		assertThat(this.jdbc.queryForList("SELECT uid FROM wedding_event ORDER BY uid", String.class)).hasSize(4);
		assertThat(api.syncAndWait(integration).get("counts").get("read").asInt()).isZero();
		// the health and backlog queries run on H2 too
		JsonNode health = api.get("/actuator/health").expect(200).body();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("scheduler").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("syncBacklog").get("details").get("integrationsBehind").asInt())
			.isZero();
	}

}
