package com.wedsync.calsync.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes sure the PostgreSQL database the suite runs on exists, creating it through the
 * server's maintenance database when it does not. A missing server fails the tests with a
 * message that says what to start; nothing is skipped.
 */
public final class TestDatabase {

	private static final String URL = env("CALSYNC_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/calsync_test");

	private static final String USER = env("CALSYNC_TEST_DATABASE_USERNAME", "postgres");

	private static final String PASSWORD = env("CALSYNC_TEST_DATABASE_PASSWORD", "");

	private static boolean recreated;

	private TestDatabase() {
	}

	public static synchronized void recreate() {
		if (recreated) {
			return;
		}
		URI uri = URI.create(URL.substring("jdbc:".length()));
		String name = uri.getPath().substring(1);
		String maintenance = "jdbc:postgresql://" + uri.getAuthority() + "/postgres";
		try (Connection connection = DriverManager.getConnection(maintenance, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			String quoted = "\"" + name.replace("\"", "") + "\"";
			statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + quoted);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The tests need PostgreSQL at " + maintenance + " (user " + USER
					+ "): start it with scripts/ensure-postgres, or set CALSYNC_TEST_DATABASE_URL", ex);
		}
		recreated = true;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
