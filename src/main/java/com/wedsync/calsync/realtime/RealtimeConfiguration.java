package com.wedsync.calsync.realtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Live status travels through the database the service runs on: LISTEN/NOTIFY on
 * PostgreSQL, where several nodes may share it; in the JVM on the embedded H2, which one
 * node uses alone.
 */
@Configuration(proxyBeanMethods = false)
class RealtimeConfiguration {

	@Bean
	SyncStatusChannel syncStatusChannel(DataSource dataSource, JsonMapper json, LocalSubscribers subscribers) {
		if (isPostgres(dataSource)) {
			// the channel's connections live as long as the node: not taken from the pool
			DataSource direct = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class).build();
			return new PostgresSyncStatusChannel(direct, json, subscribers);
		}
		return new InJvmSyncStatusChannel(subscribers);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database carries live status", ex);
		}
	}

}
