package com.wedsync.calsync.realtime;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunningSyncTests {

	final RunningSync sync = new RunningSync(UUID.randomUUID(), UUID.randomUUID(), "tenant");

	@Test
	void shouldLetOneProgressMessageGoPerInterval() throws InterruptedException {
		long interval = Duration.ofMillis(100).toNanos();
		assertThat(this.sync.progressDue(interval)).isTrue();
		assertThat(this.sync.progressDue(interval)).isFalse();
		Thread.sleep(120);
		assertThat(this.sync.progressDue(interval)).isTrue();
		assertThat(this.sync.progressDue(interval)).isFalse();
	}

	@Test
	void shouldNeverReportMoreProcessedThanTotal() {
		this.sync.total(10);
		this.sync.processed(6);
		this.sync.processed(7);
		assertThat(this.sync.processed()).isEqualTo(13);
		assertThat(this.sync.total()).isEqualTo(13);
	}

}
