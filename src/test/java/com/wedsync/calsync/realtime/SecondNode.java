package com.wedsync.calsync.realtime;

import com.wedsync.calsync.CalSyncApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second calsync node in the test JVM, on the suite's PostgreSQL database next to the
 * test's own application. Its Quartz scheduler has a name of its own (two schedulers of
 * one name in a JVM share Quartz's global connection registry) and it does not sweep for
 * orphaned syncs: under another scheduler name it would take the first node's running
 * syncs for orphans.
 */
public final class SecondNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static SecondNode start() {
		return new SecondNode(new SpringApplicationBuilder(CalSyncApplication.class).profiles("test")
			// Command-line arguments, not builder properties: those are defaults that
			// application.yml overrides, and a scheduler of the suite's name would be
			// closed with this node.
			.run("--server.port=0", "--spring.quartz.scheduler-name=calsync-second-node",
					"--calsync.sync.orphan-sweep-interval-ms=0"));
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
