package com.wedsync.calsync.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.wedsync.calsync.security.LoginThrottle;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Creates the test database before the context starts and empties calsync's tables before
 * each test. It also forgets the login throttle's counts: the suite runs from one address
 * with the production limits, and the wrong passwords one test sends on purpose must not
 * refuse the next test's logins.
 */
class CleanDatabaseExtension implements BeforeAllCallback, BeforeEachCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestDatabase.recreate();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		application.getBean(LoginThrottle.class).clear();
		JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
		jdbc.execute(
				"TRUNCATE integration, wedding, webhook_inbox, webhook_outbox, webhook_endpoint, tenant_token CASCADE");
	}

}
