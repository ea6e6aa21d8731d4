package com.wedsync.calsync.sync.reconcile;

import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;

/** A platform event as the reconciliation writes it out: identity, fields, version. */
public record WeddingEventState(UUID id, String uid, EventFields fields, long version) {
}
