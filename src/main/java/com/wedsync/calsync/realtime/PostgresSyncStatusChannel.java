package com.wedsync.calsync.realtime;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Status messages across a cluster without a new component: the node running a sync sends
 * {@code NOTIFY calsync_sync_status} with the message as JSON, and every node (itself
 * included) LISTENs on one connection of its own and relays what arrives to its STOMP
 * subscribers. A NOTIFY is sent in a transaction of its own, because PostgreSQL delivers
 * one only on commit and the chunk transaction that reports progress commits later (or
 * rolls back). Payloads stay under PostgreSQL's 8000-byte limit (errors are cut). While
 * the listening connection is down (it reconnects every second) messages are missed: live
 * status is a view, the sync API has the record.
 */
final class PostgresSyncStatusChannel implements SyncStatusChannel, SmartLifecycle {

	static final String CHANNEL = "calsync_sync_status";

	private static final Log logger = LogFactory.getLog(PostgresSyncStatusChannel.class);

	private static final int MAX_PAYLOAD = 7900;

	private static final int POLL_MILLIS = 500;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final JsonMapper json;

	private final LocalSubscribers subscribers;

	private volatile boolean running;

	private Thread listener;

	PostgresSyncStatusChannel(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
			JsonMapper json, LocalSubscribers subscribers) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.subscribers = subscribers;
	}

	@Override
	public void publish(SyncStatusMessage message) {
		String payload = this.json.writeValueAsString(message);
		if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
			payload = this.json.writeValueAsString(new SyncStatusMessage(message.syncId(), message.integrationId(),
					message.status(), message.progress(), message.currentOperation(),
					message.error().substring(0, 200) + "…", message.at()));
		}
		String body = payload;
		this.ownTransaction.executeWithoutResult(
				(status) -> this.jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, body).query().listOfRows());
	}

	@Override
	public synchronized void start() {
		this.running = true;
		Connection first = connect();
		this.listener = new Thread(() -> listen(first), "sync-status-listener");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			try {
				thread.join(2 * POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Listens before the web server takes connections, stops after it closed them.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void listen(Connection first) {
		Connection connection = first;
		while (this.running) {
			try {
				if (connection == null) {
					connection = connect();
				}
				PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
				if (notifications != null) {
					for (PGNotification notification : notifications) {
						relay(notification.getParameter());
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				logger.warn("Listening for sync status failed, reconnecting: " + ex);
				close(connection);
				connection = null;
				pause();
			}
		}
		close(connection);
	}

	private void relay(String payload) {
		try {
			this.subscribers.deliver(this.json.readValue(payload, SyncStatusMessage.class), payload);
		}
		catch (RuntimeException ex) {
			logger.warn("Sync status not relayed: " + ex);
		}
	}

	private Connection connect() {
		try {
			Connection connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + CHANNEL);
			}
			return connection;
		}
		catch (SQLException ex) {
			logger.warn("Cannot listen for sync status yet: " + ex);
			return null;
		}
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// gone already
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
