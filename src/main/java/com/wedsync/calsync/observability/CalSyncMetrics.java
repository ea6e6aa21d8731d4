package com.wedsync.calsync.observability;

/**
 * Every metric name the service publishes, in one place so dashboards and alert rules
 * have a single source. Names start with {@code calsync_} (DESIGN.md section 8).
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

	// Dead letters

	/** Gauge of dead letters waiting for an operator (status OPEN), all integrations. */
	public static final String DEAD_LETTERS_OPEN = "calsync_dead_letters_open";

	/**
	 * Counter of items parked as new dead letters; another attempt of one is not counted.
	 */
	public static final String DEAD_LETTERS_CREATED = "calsync_dead_letters_created_total";

	/**
	 * Tag: the job step that parked the item ({@code fetchRemote}, {@code reconcile-…}).
	 */
	public static final String TAG_STEP = "step";

	// Scheduling

	/** Counter of change probes (one PROPFIND on the calendar home per poll). */
	public static final String PROBES = "calsync_probes_total";

	/** Tag: unchanged, changed or failed. */
	public static final String TAG_OUTCOME = "outcome";

	private CalSyncMetrics() {
	}

}
