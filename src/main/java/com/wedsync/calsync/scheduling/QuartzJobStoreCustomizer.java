package com.wedsync.calsync.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Picks the Quartz driver delegate for the database the application runs on: PostgreSQL
 * stores job data as {@code BYTEA}, which only {@link PostgreSQLDelegate} reads; the
 * embedded H2 default works with {@link StdJDBCDelegate}. The store is
 * {@link CommitSignallingJobStore}, so a trigger stored in a transaction fires as soon as
 * it commits.
 */
@Component
class QuartzJobStoreCustomizer implements SchedulerFactoryBeanCustomizer {

	static final String DRIVER_DELEGATE = "org.quartz.jobStore.driverDelegateClass";

	static final String JOB_STORE = "org.quartz.jobStore.class";

	private final DataSource dataSource;

	private final QuartzProperties quartz;

	private final SchedulingProperties scheduling;

	QuartzJobStoreCustomizer(DataSource dataSource, QuartzProperties quartz, SchedulingProperties scheduling) {
		this.dataSource = dataSource;
		this.quartz = quartz;
		this.scheduling = scheduling;
	}

	@Override
	public void customize(SchedulerFactoryBean factory) {
		Properties properties = new Properties();
		properties.putAll(this.quartz.getProperties());
		properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(this.scheduling.quartzThreads()));
		properties.setProperty(JOB_STORE, CommitSignallingJobStore.class.getName());
		properties.putIfAbsent(DRIVER_DELEGATE, delegateFor(databaseProduct()).getName());
		factory.setQuartzProperties(properties);
	}

	static Class<?> delegateFor(String databaseProduct) {
		return databaseProduct.toLowerCase(Locale.ROOT).contains("postgresql") ? PostgreSQLDelegate.class
				: StdJDBCDelegate.class;
	}

	private String databaseProduct() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database Quartz runs on", ex);
		}
	}

}
