-- Two-way sync: platform changes waiting to reach calendars, events anchored to others,
-- and what the mass-delete guard needs.

-- An event whose time follows another's (vendor arrival 2 h before the ceremony):
-- start = anchor's start + offset; its duration stays its own.
ALTER TABLE wedding_event ADD COLUMN anchor_event_id UUID REFERENCES wedding_event (id) ON DELETE SET NULL;
ALTER TABLE wedding_event ADD COLUMN anchor_offset_s BIGINT;
CREATE INDEX wedding_event_anchor_idx ON wedding_event (anchor_event_id);

-- The outbox of platform changes: one row per event and calendar that must be written,
-- inserted in the transaction of the change and removed when the calendar has it. A sync
-- reads this table; it never scans all events for changes.
CREATE TABLE sync_outbox (
	event_id     UUID NOT NULL REFERENCES wedding_event (id) ON DELETE CASCADE,
	calendar_id  UUID NOT NULL REFERENCES calendar (id) ON DELETE CASCADE,
	created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT sync_outbox_pk PRIMARY KEY (event_id, calendar_id)
);
CREATE INDEX sync_outbox_calendar_idx ON sync_outbox (calendar_id);

-- The kind and UID of a fetched remote change, so reconciliation can run by priority.
ALTER TABLE sync_staging ADD COLUMN uid VARCHAR(1000);
ALTER TABLE sync_staging ADD COLUMN kind VARCHAR(16);

-- Mass-delete guard: deletions an operator confirmed for a guarded calendar.
ALTER TABLE calendar ADD COLUMN deletions_confirmed_at TIMESTAMP WITH TIME ZONE;

-- When the calendar was last listed (its pending token taken), and when calsync last
-- wrote to it. A server whose ctag and sync-token are hashes of the collection's content
-- (Xandikos) shows the stored values again when a phone undoes our writes (deletes what
-- we created), and its sync-collection diff never mentions a resource created after the
-- stored token and deleted since. Until a token newer than our writes is stored, changes
-- are found by ETag listing instead.
ALTER TABLE calendar ADD COLUMN listed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE calendar ADD COLUMN written_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX sync_conflict_integration_idx ON sync_conflict (integration_id, created_at);
