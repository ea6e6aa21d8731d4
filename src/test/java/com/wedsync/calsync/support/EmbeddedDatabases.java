package com.wedsync.calsync.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A migrated in-memory H2 database in PostgreSQL mode, as the embedded default runs, for
 * repository tests that must hold on both databases without starting the application.
 */
public final class EmbeddedDatabases {

	private EmbeddedDatabases() {
	}

	public static DataSource migratedH2() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}
