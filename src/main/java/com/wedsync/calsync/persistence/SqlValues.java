package com.wedsync.calsync.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Conversions between Java values and the column types PostgreSQL and H2 share. Instants
 * travel as {@link OffsetDateTime} in UTC, which both drivers map to
 * {@code TIMESTAMP WITH TIME ZONE} without depending on the JVM's zone.
 */
public final class SqlValues {

	private SqlValues() {
	}

	public static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	public static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	public static URI uri(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? URI.create(value) : null;
	}

	public static String text(URI uri) {
		return (uri != null) ? uri.toString() : null;
	}

}
