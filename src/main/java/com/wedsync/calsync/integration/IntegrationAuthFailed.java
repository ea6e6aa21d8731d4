package com.wedsync.calsync.integration;

import java.util.UUID;

/**
 * Published, inside the transaction that records it, when a server refused an
 * integration's credentials and the integration turned {@code AUTH_FAILED}.
 */
public record IntegrationAuthFailed(UUID integrationId, String tenantId, String detail) {
}
