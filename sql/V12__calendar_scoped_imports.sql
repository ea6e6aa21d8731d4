-- An event that belongs to no wedding is its calendar's own copy: the same UID in two
-- calendars of a tenant (an invitation held by planner and vendor) is two copies, so an
-- edit of one changes only that calendar's view. uid_scope is '' for the platform's
-- (wedding) events, one identity per tenant and UID, and the calendar's id for imports.
-- Not a NULL-able column: a UNIQUE over NULLs would not hold on PostgreSQL.
ALTER TABLE wedding_event ADD COLUMN uid_scope VARCHAR(36) DEFAULT '' NOT NULL;
UPDATE wedding_event SET uid_scope = CAST(COALESCE(origin_calendar_id, id) AS VARCHAR(36)) WHERE wedding_id IS NULL;
ALTER TABLE wedding_event DROP CONSTRAINT wedding_event_uid_uk;
ALTER TABLE wedding_event ADD CONSTRAINT wedding_event_uid_uk UNIQUE (tenant_id, uid_scope, uid);
