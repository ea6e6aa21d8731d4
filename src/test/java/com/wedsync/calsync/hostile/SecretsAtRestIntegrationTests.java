package com.wedsync.calsync.hostile;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real sync, then every place a password could leak to: the job repository's parameters
 * and execution contexts, Quartz's job data, the sync report, the integration as the API
 * shows it, the metrics' names and tags. None holds it; the credential column holds only
 * ciphertext.
 */
@ApplicationTest
class SecretsAtRestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void shouldKeepThePasswordOutOfTheJobRepositorySchedulerApiAndMetrics() {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		CalSyncApi admin = new CalSyncApi(this.port);
		UUID id = admin.connect(radicale, "acme");

		JsonNode report = admin.syncAndWait(id);

		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		String password = radicale.password();
		assertThat(password).hasSizeGreaterThan(3);
		for (String sql : List.of("SELECT * FROM batch_job_execution_params",
				"SELECT * FROM batch_job_execution_context", "SELECT * FROM batch_step_execution_context",
				"SELECT * FROM batch_job_execution", "SELECT * FROM batch_step_execution",
				"SELECT job_name, job_group, description FROM qrtz_job_details", "SELECT * FROM qrtz_triggers",
				"SELECT * FROM sync_run", "SELECT * FROM dead_letter")) {
			List<Map<String, Object>> rows = this.jdbc.queryForList(sql);
			assertThat(rows.toString()).as(sql).doesNotContain(password);
		}
		assertThat(this.jdbc.queryForList("SELECT * FROM batch_job_execution_params")).isNotEmpty();
		assertThat(this.jdbc.queryForObject("SELECT credential_ciphertext FROM integration WHERE id = ?", String.class,
				id))
			.doesNotContain(password);
		assertThat(report.toString()).doesNotContain(password);
		assertThat(admin.get("/api/integrations/" + id).expect(200).text()).doesNotContain(password);
		List<String> meters = this.meters.getMeters().stream().map((meter) -> meter.getId().toString()).toList();
		assertThat(meters).isNotEmpty();
		assertThat(String.join("\n", meters)).doesNotContain(password);
	}

}
