package com.wedsync.calsync.batch;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recovers orphaned syncs (a node was killed mid-sync) without an operator: once at
 * startup and then every {@code calsync.sync.orphan-sweep-interval-ms} (the dead node's
 * last check-in may still look fresh at startup, and on a cluster another node may be the
 * one that died). Requests and polls of an integration also recover its own at once
 * ({@link SyncLauncher#recoverOrphans}). A sweep is one indexed query when nothing is
 * active.
 */
@Component
class OrphanedSyncSweeper implements DisposableBean {

	private static final Log logger = LogFactory.getLog(OrphanedSyncSweeper.class);

	private final SyncLauncher launcher;

	private final long intervalMillis;

	private ScheduledExecutorService sweeper;

	OrphanedSyncSweeper(SyncLauncher launcher,
			@Value("${calsync.sync.orphan-sweep-interval-ms:15000}") long intervalMillis) {
		this.launcher = launcher;
		this.intervalMillis = intervalMillis;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		if (this.sweeper != null || this.intervalMillis <= 0) {
			return;
		}
		this.sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "orphaned-sync-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		this.sweeper.scheduleWithFixedDelay(this::sweep, 0, this.intervalMillis, TimeUnit.MILLISECONDS);
	}

	private void sweep() {
		try {
			int recovered = this.launcher.recoverOrphans(null);
			if (recovered > 0) {
				logger.info("Recovered " + recovered + " orphaned sync(s)");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Orphaned sync sweep failed: " + ex.getMessage());
		}
	}

	@Override
	public synchronized void destroy() {
		if (this.sweeper != null) {
			this.sweeper.shutdownNow();
		}
	}

}
