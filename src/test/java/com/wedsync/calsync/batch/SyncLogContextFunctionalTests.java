package com.wedsync.calsync.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JSON logs (the ECS format that {@code CALSYNC_LOG_FORMAT=ecs} selects), every line
 * a sync logs on its thread carries the integration id and sync id, and every line from
 * its first step on also the job execution id; the thread's next sync does not inherit
 * them.
 */
@ApplicationTest
class SyncLogContextFunctionalTests {

	@LocalServerPort
	int port;

	@Test
	@Timeout(90)
	void shouldPutTheSyncIdsOnEveryJsonLineOfASync() {
		CalSyncApi api = new CalSyncApi(this.port);
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		radicale.createCalendar("logged");
		UUID integration = api.connect(radicale, "tenant-logs");
		JsonLines lines = JsonLines.attach();
		JsonNode sync;
		try {
			sync = api.syncAndWait(integration);
		}
		finally {
			lines.detach();
		}

		List<JsonNode> ofSync = lines.all()
			.stream()
			.filter((line) -> line.path("process").path("thread").path("name").asString().startsWith("sync-"))
			.toList();
		assertThat(ofSync).as("lines logged on the sync thread").hasSizeGreaterThanOrEqualTo(10);
		assertThat(ofSync).allSatisfy((line) -> {
			assertThat(line.path("integrationId").asString()).as(line.toString()).isEqualTo(integration.toString());
			assertThat(line.path("syncId").asString()).as(line.toString()).isEqualTo(sync.get("syncId").asString());
		});
		List<JsonNode> ofSteps = ofSync.stream()
			.filter((line) -> !line.path("message").asString().contains("launched with the following parameters"))
			.toList();
		assertThat(ofSteps).hasSize(ofSync.size() - 1)
			.allSatisfy((line) -> assertThat(line.path("jobExecutionId").asString()).as(line.toString())
				.isEqualTo(sync.get("jobExecutionId").asString()));
	}

	/** A root appender writing Boot's ECS JSON, one object per event. */
	private static final class JsonLines extends AppenderBase<ILoggingEvent> {

		private final StructuredLogEncoder encoder = new StructuredLogEncoder();

		private final List<String> encoded = new ArrayList<>();

		static JsonLines attach() {
			LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
			JsonLines appender = new JsonLines();
			appender.setContext(context);
			appender.encoder.setContext(context);
			appender.encoder.setFormat("ecs");
			appender.encoder.start();
			appender.start();
			context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
			return appender;
		}

		void detach() {
			((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
			stop();
		}

		@Override
		protected synchronized void append(ILoggingEvent event) {
			this.encoded.add(new String(this.encoder.encode(event), StandardCharsets.UTF_8));
		}

		synchronized List<JsonNode> all() {
			JsonMapper json = JsonMapper.builder().build();
			return this.encoded.stream().map(String::trim).map(json::readTree).toList();
		}

	}

}
