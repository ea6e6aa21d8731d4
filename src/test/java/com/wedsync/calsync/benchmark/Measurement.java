package com.wedsync.calsync.benchmark;

/**
 * What one scenario cost one tool. Negative values mean "not measured" (for example the
 * rows of vdirsyncer, which writes files).
 *
 * @param scenario what ran
 * @param tool calsync or vdirsyncer
 * @param wallMillis wall time
 * @param requests HTTP requests to the CalDAV server
 * @param bytes bytes on the wire, both directions
 * @param heapMb peak Java heap during the scenario
 * @param rssMb peak resident set size of the process
 * @param rows rows inserted, updated or deleted in PostgreSQL
 */
record Measurement(String scenario, String tool, long wallMillis, long requests, long bytes, long heapMb, long rssMb,
		long rows) {

}
