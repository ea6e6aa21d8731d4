package com.wedsync.calsync.wedding;

import java.time.Duration;
import java.util.UUID;

/**
 * The event another one's start follows: start = anchor's start + offset ("vendor arrival
 * 2 h before the ceremony" has offset -2 h). The anchored event keeps its own duration.
 */
public record EventAnchor(UUID eventId, Duration offset) {
}
