package com.wedsync.calsync.realtime;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Status messages across a cluster without a new component: the node running a sync sends
 * {@code NOTIFY calsync_sync_status} with the message as JSON, and every node (itself
 * included) LISTENs and relays what arrives to its STOMP subscribers. Both use a
 * connection of their own, outside the pool: a sync reporting progress already holds a
 * pooled connection and must never wait for a second one. The sending connection is in
 * auto-commit, since PostgreSQL delivers a NOTIFY only when its transaction commits and
 * the chunk transaction that reports progress commits later (or rolls back). Payloads
 * stay under PostgreSQL's 8000-byte limit (errors are cut). While the listening
 * connection is down (it reconnects every second) messages are missed: live status is a
 * view, the sync API has the record.
 */
final class PostgresSyncStatusChannel implements SyncStatusChannel, SmartLifecycle {

	static final String CHANNEL = "calsync_sync_status";

	private static final Log logger = LogFactory.getLog(PostgresSyncStatusChannel.class);

	private static final int MAX_PAYLOAD = 7900;

	private static final int POLL_MILLIS = 500;

	private final DataSource connections;

	private final JsonMapper json;

	private final LocalSubscribers subscribers;

	private volatile boolean running;

	private Thread listener;

	private Connection sender;

	/**
	 * @param connections opens a new physical connection on every call (not a pool); the
	 * channel keeps the ones it opens
	 */
	PostgresSyncStatusChannel(DataSource connections, JsonMapper json, LocalSubscribers subscribers) {
		this.connections = connections;
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
		notify(payload);
	}

	// One sending connection per node; a broken one is replaced once per message.
	private synchronized void notify(String payload) {
		for (int attempt = 1;; attempt++) {
			try {
				if (this.sender == null) {
					this.sender = this.connections.getConnection();
					this.sender.setAutoCommit(true);
				}
				try (PreparedStatement notify = this.sender.prepareStatement("SELECT pg_notify(?, ?)")) {
					notify.setString(1, CHANNEL);
					notify.setString(2, payload);
					notify.execute();
				}
				return;
			}
			catch (SQLException ex) {
				close(this.sender);
				this.sender = null;
				if (attempt == 2) {
					throw new IllegalStateException("NOTIFY failed", ex);
				}
			}
		}
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
		synchronized (this) {
			close(this.sender);
			this.sender = null;
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
				if (connection == null) {
					pause();
					continue;
				}
				PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
				if (notifications != null) {
					for (PGNotification notification : notifications) {
						relay(notification.getParameter());
					}
				}
			}
			catch (SQLException ex) {
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
			Connection connection = this.connections.getConnection();
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
