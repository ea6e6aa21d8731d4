package com.wedsync.calsync.observability;

/**
 * Every metric name the service publishes, in one place so dashboards and alert rules
 * have a single source. Names start with {@code calsync_}.
 */
public final class CalSyncMetrics {

	// CalDAV transport

	/** Counter of HTTP requests sent to CalDAV servers. */
	public static final String CALDAV_REQUESTS = "calsync_caldav_requests_total";

	/** Timer of CalDAV HTTP requests, same tags as {@link #CALDAV_REQUESTS}. */
	public static final String CALDAV_REQUEST_DURATION = "calsync_caldav_request_duration";

	/** Tag: HTTP method (PROPFIND, REPORT, PUT, DELETE). */
	public static final String TAG_METHOD = "method";

	/** Tag: 2xx, 3xx, 4xx, 5xx or io_error. */
	public static final String TAG_STATUS_CLASS = "status_class";

	/** Tag: the server host; paths are left out to keep cardinality low. */
	public static final String TAG_HOST = "host";

	/** Counter of CalDAV requests sent again after a failed attempt, tag host. */
	public static final String CALDAV_RETRIES = "calsync_caldav_retries_total";

	// CalDAV resilience (resilience4j's Micrometer binding under our names; tag
	// "name" is the host)

	/**
	 * Gauge of a host's circuit breaker, one series per tag {@code state} (closed, open,
	 * half_open, ...): 1 for the current state, 0 otherwise.
	 */
	public static final String CALDAV_CIRCUIT_STATE = "calsync_caldav_circuit_state";

	/** Timer of calls through a host's circuit breaker, tag {@code kind}. */
	public static final String CALDAV_CIRCUIT_CALLS = "calsync_caldav_circuit_calls";

	/** Counter of requests refused, not sent, because the host's circuit was open. */
	public static final String CALDAV_CIRCUIT_NOT_PERMITTED = "calsync_caldav_circuit_not_permitted_calls";

	/** Gauge of calls in a host's circuit breaker window. */
	public static final String CALDAV_CIRCUIT_BUFFERED_CALLS = "calsync_caldav_circuit_buffered_calls";

	/** Gauge of slow calls in a host's circuit breaker window. */
	public static final String CALDAV_CIRCUIT_SLOW_CALLS = "calsync_caldav_circuit_slow_calls";

	/** Gauge of a host's failure rate in percent (-1 until the minimum calls). */
	public static final String CALDAV_CIRCUIT_FAILURE_RATE = "calsync_caldav_circuit_failure_rate";

	/** Gauge of a host's slow call rate in percent. */
	public static final String CALDAV_CIRCUIT_SLOW_CALL_RATE = "calsync_caldav_circuit_slow_call_rate";

	/** Gauge of request permits a host's rate limiter has left in this period. */
	public static final String CALDAV_RATE_LIMIT_AVAILABLE = "calsync_caldav_rate_limit_available_permissions";

	/** Gauge of threads waiting for a host's rate limiter. */
	public static final String CALDAV_RATE_LIMIT_WAITING = "calsync_caldav_rate_limit_waiting_threads";

	// Dead letters

	/** Gauge of dead letters waiting for an operator (status OPEN), all integrations. */
	public static final String DEAD_LETTERS_OPEN = "calsync_dead_letters_open";

	/**
	 * Counter of items parked as new dead letters; another attempt of one is not counted.
	 * Not "..._created_total": Prometheus's naming drops a "_created" suffix (OpenMetrics
	 * reserves it for counters' creation time), so that name would be published as this
	 * one anyway.
	 */
	public static final String DEAD_LETTERS_CREATED = "calsync_dead_letters_total";

	/**
	 * Tag: the job step that parked the item ({@code fetchRemote}, {@code reconcile-…}).
	 */
	public static final String TAG_STEP = "step";

	// Syncs

	/**
	 * Timer of sync job executions (a restart is another execution), tags {@code trigger}
	 * and {@code outcome}. Published with histogram buckets: {@code _seconds_bucket},
	 * {@code _seconds_count} (runs), {@code _seconds_sum}.
	 */
	public static final String SYNC_DURATION = "calsync_sync_duration";

	/** Tag: scheduled, emergency, webhook or manual. */
	public static final String TAG_TRIGGER = "trigger";

	/**
	 * Sync outcomes ({@link #TAG_OUTCOME}): completed, failed, host_unavailable, stopped.
	 */
	public static final String OUTCOME_COMPLETED = "completed";

	/** A sync that failed for any reason but an open circuit. */
	public static final String OUTCOME_FAILED = "failed";

	/** A sync that failed fast because its host's circuit was open. */
	public static final String OUTCOME_HOST_UNAVAILABLE = "host_unavailable";

	/** A sync stopped by an operator. */
	public static final String OUTCOME_STOPPED = "stopped";

	/**
	 * Counter of event writes by reconciliation, tags {@code direction}, {@code action},
	 * {@code kind}.
	 */
	public static final String EVENTS_APPLIED = "calsync_events_applied_total";

	/** Tag: to_platform (a calendar edit applied on the platform) or to_calendar. */
	public static final String TAG_DIRECTION = "direction";

	/** Tag: create, update or delete. */
	public static final String TAG_ACTION = "action";

	/** Tag: the event kind (ceremony, meeting, deadline, other). */
	public static final String TAG_KIND = "kind";

	/**
	 * Counter of sync decisions that discarded a value, tags {@code kind}, {@code rule}.
	 */
	public static final String CONFLICTS = "calsync_conflicts_total";

	/** Tag: the conflict rule that decided (platform_authoritative, ...). */
	public static final String TAG_RULE = "rule";

	/**
	 * Counter of calendar items a sync left alone because they are not events, tag
	 * {@code reason}: vtodo, vjournal, vfreebusy, vavailability, vtimezone_only.
	 */
	public static final String ITEMS_SKIPPED = "calsync_items_skipped_total";

	/** Tag: why an item was skipped. */
	public static final String TAG_REASON = "reason";

	// Backlog and lag (read from the shared database: every node reports the same)

	/** Gauge of pending platform changes: (event, calendar) pairs in sync_outbox. */
	public static final String OUTBOX_BACKLOG = "calsync_outbox_backlog";

	/**
	 * Gauge of the age in seconds of the oldest platform change not yet on its calendar.
	 */
	public static final String SYNC_LAG = "calsync_sync_lag_seconds";

	/**
	 * Gauge of active integrations past their interval: a platform change older than two
	 * poll intervals still waits, or the poll trigger is late by more than an interval.
	 */
	public static final String INTEGRATIONS_BEHIND = "calsync_integrations_behind";

	/** Gauge of integrations by tag {@code status} (active, paused, auth_failed). */
	public static final String INTEGRATIONS = "calsync_integrations";

	/** Tag: a status. */
	public static final String TAG_STATUS = "status";

	// Scheduler (this node's Quartz scheduler)

	/** Gauge: 1 while this node's scheduler is started and not in standby, else 0. */
	public static final String SCHEDULER_RUNNING = "calsync_scheduler_running";

	/** Gauge of triggers whose fire time passed more than the misfire threshold ago. */
	public static final String SCHEDULER_MISFIRED = "calsync_scheduler_misfired_triggers";

	// Scheduling

	/** Counter of change probes (one PROPFIND on the calendar home per poll). */
	public static final String PROBES = "calsync_probes_total";

	/**
	 * Counter: polls that found every scheduled-sync slot busy and were put off a few
	 * seconds, without probing.
	 */
	public static final String POLLS_DEFERRED = "calsync_polls_deferred_total";

	/** Tag: unchanged, changed or failed. */
	public static final String TAG_OUTCOME = "outcome";

	// Webhooks

	/**
	 * Counter of inbound webhook deliveries, tag {@code outcome}: accepted, duplicate,
	 * bad_signature, stale, unknown_subscription, invalid. Every outcome is registered at
	 * startup so each series exists before its first delivery.
	 */
	public static final String WEBHOOK_DELIVERIES_IN = "calsync_webhook_deliveries_in_total";

	/**
	 * Counter of outbound notification attempts, tag {@code outcome}: delivered, failed,
	 * dead_lettered. Registered at startup like {@link #WEBHOOK_DELIVERIES_IN}.
	 */
	public static final String WEBHOOK_DELIVERIES_OUT = "calsync_webhook_deliveries_out_total";

	/** Gauge of outbound notifications not yet delivered nor dead-lettered. */
	public static final String WEBHOOK_OUTBOX_BACKLOG = "calsync_webhook_outbox_backlog";

	// Authentication

	/**
	 * Counter of logins refused for wrong credentials (wrong password, unknown user,
	 * unknown or revoked token), tag {@code channel}: basic, bearer, stomp.
	 */
	public static final String AUTH_FAILURES = "calsync_auth_failures_total";

	/**
	 * Counter of login attempts the login throttle refused without checking them, tag
	 * {@code channel}.
	 */
	public static final String AUTH_THROTTLED = "calsync_auth_throttled_total";

	/** Counter of password hash checks (bcrypt), what the login throttle saves. */
	public static final String AUTH_PASSWORD_CHECKS = "calsync_auth_password_checks_total";

	/** Tag: where a credential was presented (basic, bearer, stomp). */
	public static final String TAG_CHANNEL = "channel";

	private CalSyncMetrics() {
	}

}
