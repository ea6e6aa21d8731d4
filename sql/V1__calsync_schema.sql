-- calsync's own tables. Written in the SQL subset PostgreSQL and H2 (MODE=PostgreSQL)
-- share, so the embedded default and production run the same migrations.

-- A connected CalDAV account (iCloud or any RFC 4791 server).
CREATE TABLE integration (
	id                     UUID PRIMARY KEY,
	tenant_id              VARCHAR(100)  NOT NULL,
	provider               VARCHAR(16)   NOT NULL,
	server_url             VARCHAR(2000) NOT NULL,
	username               VARCHAR(320)  NOT NULL,
	-- AES-GCM envelope: the key id names the key, so keys can be rotated.
	credential_key_id      VARCHAR(64)   NOT NULL,
	credential_ciphertext  VARCHAR(2000) NOT NULL,
	principal_url          VARCHAR(2000),
	calendar_home_url      VARCHAR(2000),
	status                 VARCHAR(16)   NOT NULL,
	status_detail          VARCHAR(2000),
	poll_interval_s        INTEGER       NOT NULL,
	created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
	last_synced_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX integration_tenant_idx ON integration (tenant_id);

-- One calendar collection of an integration. The token and ctag move only when every
-- change they cover is applied; pending_* hold the values a running sync will commit.
CREATE TABLE calendar (
	id                        UUID PRIMARY KEY,
	integration_id            UUID NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
	href                      VARCHAR(2000) NOT NULL,
	display_name              VARCHAR(500),
	color                     VARCHAR(32),
	ctag                      VARCHAR(1000),
	sync_token                VARCHAR(1000),
	pending_ctag              VARCHAR(1000),
	pending_sync_token        VARCHAR(1000),
	supports_sync_collection  BOOLEAN NOT NULL,
	holds_events              BOOLEAN NOT NULL,
	role                      VARCHAR(16),
	status                    VARCHAR(16) NOT NULL,
	status_detail             VARCHAR(2000),
	last_synced_at            TIMESTAMP WITH TIME ZONE,
	CONSTRAINT calendar_href_uk UNIQUE (integration_id, href)
);

CREATE TABLE wedding (
	id            UUID PRIMARY KEY,
	tenant_id     VARCHAR(100) NOT NULL,
	title         VARCHAR(500) NOT NULL,
	wedding_date  DATE,
	time_zone     VARCHAR(100) NOT NULL,
	created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One event = one calendar object resource (master + overrides), one UID per tenant.
-- Events imported from a calendar before they belong to a wedding keep wedding_id null
-- and remember the calendar they came from.
CREATE TABLE wedding_event (
	id                  UUID PRIMARY KEY,
	tenant_id           VARCHAR(100) NOT NULL,
	wedding_id          UUID REFERENCES wedding (id) ON DELETE CASCADE,
	origin_calendar_id  UUID REFERENCES calendar (id) ON DELETE SET NULL,
	uid                 VARCHAR(1000) NOT NULL,
	kind                VARCHAR(16)   NOT NULL,
	summary             VARCHAR(2000),
	location            VARCHAR(2000),
	description         TEXT,
	start_at            TIMESTAMP WITH TIME ZONE NOT NULL,
	end_at              TIMESTAMP WITH TIME ZONE NOT NULL,
	time_zone           VARCHAR(100),
	all_day             BOOLEAN NOT NULL,
	floating            BOOLEAN NOT NULL,
	rrule               VARCHAR(2000),
	ics                 TEXT NOT NULL,
	content_hash        VARCHAR(64) NOT NULL,
	version             BIGINT NOT NULL,
	updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
	deleted             BOOLEAN NOT NULL,
	CONSTRAINT wedding_event_uid_uk UNIQUE (tenant_id, uid)
);
CREATE INDEX wedding_event_wedding_idx ON wedding_event (wedding_id);
CREATE INDEX wedding_event_origin_idx ON wedding_event (origin_calendar_id);

-- Which calendars a wedding's events go to, and which kinds each participant sees.
CREATE TABLE participant (
	id           UUID PRIMARY KEY,
	wedding_id   UUID NOT NULL REFERENCES wedding (id) ON DELETE CASCADE,
	calendar_id  UUID NOT NULL REFERENCES calendar (id) ON DELETE CASCADE,
	role         VARCHAR(16) NOT NULL,
	kinds        VARCHAR(100) NOT NULL,
	CONSTRAINT participant_uk UNIQUE (wedding_id, calendar_id)
);

-- The sync status: one row per event per calendar, with the base snapshot the next
-- three-way merge compares against.
CREATE TABLE event_link (
	id              UUID PRIMARY KEY,
	event_id        UUID NOT NULL REFERENCES wedding_event (id) ON DELETE CASCADE,
	calendar_id     UUID NOT NULL REFERENCES calendar (id) ON DELETE CASCADE,
	href            VARCHAR(2000) NOT NULL,
	etag            VARCHAR(1000),
	content_hash    VARCHAR(64) NOT NULL,
	base_ics        TEXT NOT NULL,
	synced_version  BIGINT NOT NULL,
	updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT event_link_href_uk UNIQUE (calendar_id, href),
	CONSTRAINT event_link_event_uk UNIQUE (event_id, calendar_id)
);

-- Remote changes detected by a sync and not yet applied. Rows survive a crash, so a
-- restarted job continues where it stopped; they are cleared when the token commits.
-- state: PENDING (to fetch) > FETCHED | GONE (deleted) | UNANSWERED > APPLIED | SKIPPED
CREATE TABLE sync_staging (
	calendar_id     UUID NOT NULL REFERENCES calendar (id) ON DELETE CASCADE,
	href            VARCHAR(2000) NOT NULL,
	integration_id  UUID NOT NULL,
	etag            VARCHAR(1000),
	ics             TEXT,
	state           VARCHAR(16) NOT NULL,
	-- what applying it did (CREATED, UPDATED, ...): summed into the sync's counts
	outcome         VARCHAR(16),
	CONSTRAINT sync_staging_pk PRIMARY KEY (calendar_id, href)
);
CREATE INDEX sync_staging_state_idx ON sync_staging (integration_id, state);

-- One requested sync (API, schedule, webhook); the batch job execution does the work.
CREATE TABLE sync_run (
	id                UUID PRIMARY KEY,
	integration_id    UUID NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
	trigger_type      VARCHAR(16) NOT NULL,
	priority          VARCHAR(16) NOT NULL,
	reason            VARCHAR(500),
	job_execution_id  BIGINT,
	status            VARCHAR(16) NOT NULL,
	requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
	-- what the sync did, summed when it commits
	read_count        INTEGER NOT NULL DEFAULT 0,
	created_count     INTEGER NOT NULL DEFAULT 0,
	updated_count     INTEGER NOT NULL DEFAULT 0,
	deleted_count     INTEGER NOT NULL DEFAULT 0,
	conflict_count    INTEGER NOT NULL DEFAULT 0,
	dead_letter_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_run_integration_idx ON sync_run (integration_id, requested_at);

-- Every decision that discarded a value.
CREATE TABLE sync_conflict (
	id              UUID PRIMARY KEY,
	integration_id  UUID NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
	event_id        UUID REFERENCES wedding_event (id) ON DELETE SET NULL,
	calendar_id     UUID REFERENCES calendar (id) ON DELETE SET NULL,
	field           VARCHAR(64) NOT NULL,
	rule            VARCHAR(64) NOT NULL,
	kept_value      TEXT,
	discarded_value TEXT,
	created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Items that are bad in themselves, parked with the reason so the rest syncs on.
CREATE TABLE dead_letter (
	id              UUID PRIMARY KEY,
	integration_id  UUID NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
	calendar_id     UUID REFERENCES calendar (id) ON DELETE SET NULL,
	href            VARCHAR(2000),
	uid             VARCHAR(1000),
	step            VARCHAR(64) NOT NULL,
	payload         TEXT,
	error_class     VARCHAR(500) NOT NULL,
	error_message   VARCHAR(4000),
	attempts        INTEGER NOT NULL,
	status          VARCHAR(16) NOT NULL,
	first_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	last_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dead_letter_status_idx ON dead_letter (status, integration_id);

CREATE TABLE webhook_inbox (
	delivery_id      VARCHAR(200) PRIMARY KEY,
	subscription_id  UUID NOT NULL,
	payload          TEXT NOT NULL,
	received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
	processed_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE webhook_outbox (
	id               UUID PRIMARY KEY,
	tenant_id        VARCHAR(100) NOT NULL,
	event_type       VARCHAR(64) NOT NULL,
	payload          TEXT NOT NULL,
	attempts         INTEGER NOT NULL,
	next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
	delivered_at     TIMESTAMP WITH TIME ZONE,
	created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
