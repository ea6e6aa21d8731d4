package com.wedsync.calsync.sync.pull;

/**
 * How the changes of one calendar were found and how many were staged.
 *
 * @param fallbackReason why sync-collection was not used, or {@code null}
 */
public record DetectionResult(Method method, int changed, int deleted, String fallbackReason) {

	public enum Method {

		/** The ctag and token were those committed: nothing to ask. */
		UNCHANGED,
		/** RFC 6578 sync-collection from the stored token. */
		SYNC_COLLECTION,
		/** A full ETag listing, diffed against the links. */
		ETAG_LISTING,
		/** Stopped by the mass-delete guard: nothing staged. */
		GUARDED

	}

	static DetectionResult guarded(int deleted) {
		return new DetectionResult(Method.GUARDED, 0, deleted, "the mass-delete guard stopped the calendar");
	}

	static DetectionResult unchanged() {
		return new DetectionResult(Method.UNCHANGED, 0, 0, null);
	}

}
