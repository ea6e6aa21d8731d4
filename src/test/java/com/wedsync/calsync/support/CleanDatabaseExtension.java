package com.wedsync.calsync.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Creates the test database before the context starts and empties calsync's tables before
 * each test.
 */
class CleanDatabaseExtension implements BeforeAllCallback, BeforeEachCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestDatabase.recreate();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
		jdbc.execute(
				"TRUNCATE integration, wedding, webhook_inbox, webhook_outbox, webhook_endpoint, tenant_token CASCADE");
	}

}
