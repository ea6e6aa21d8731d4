-- A calendar the account may read but not write (a calendar shared with it read-only):
-- set from the DAV:current-user-privilege-set of the home listing, or learned from a
-- refused write. Such a calendar is synced one way, from the calendar.
ALTER TABLE calendar ADD COLUMN read_only BOOLEAN NOT NULL DEFAULT FALSE;
-- Platform changes a sync did not send because their calendar is read-only.
ALTER TABLE sync_run ADD COLUMN read_only_skipped_count INTEGER NOT NULL DEFAULT 0;
