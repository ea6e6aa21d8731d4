package com.wedsync.calsync.integration;

import java.util.UUID;

/**
 * Published when an integration was connected, changed (status, poll interval, password)
 * or removed, so features that follow integrations (the scheduler) can catch up without
 * this package knowing them.
 */
public record IntegrationChanged(UUID integrationId) {
}
