package io.github.biaannotations.archive.server;

import java.util.List;

/**
 * The states of a submission request, as {@code GET /submissions/requests/{accNo}/{version}/status} reports them,
 * in the order the real server's stages set them (archive-server-facts.md §5, {@code RequestStatus.kt}).
 */
final class RequestStatus {

	static final String REQUESTED = "REQUESTED";
	static final String FILES_VALIDATED = "FILES_VALIDATED";
	static final String INDEXED = "INDEXED";
	static final String LOADED = "LOADED";
	static final String INDEXED_CLEANED = "INDEXED_CLEANED";
	static final String VALIDATED = "VALIDATED";
	static final String CLEANED = "CLEANED";
	static final String FILES_COPIED = "FILES_COPIED";
	static final String CHECK_RELEASED = "CHECK_RELEASED";
	static final String PERSISTED = "PERSISTED";
	static final String PROCESSED = "PROCESSED";
	static final String POST_PROCESSED = "POST_PROCESSED";
	static final String INVALID = "INVALID";

	/** The statuses from which the submission's version is stored (it can be read back). */
	private static final List<String> PERSISTED_STATUSES = List.of(PERSISTED, PROCESSED, POST_PROCESSED);

	private RequestStatus() {}

	/**
	 * Whether a request in this status is still processing: the real server refuses a new version of the
	 * accession until it is POST_PROCESSED or INVALID. PROCESSED is not the end.
	 */
	static boolean isProcessing(final String status) {
		return !POST_PROCESSED.equals(status) && !INVALID.equals(status);
	}

	/** Whether the version of a request in this status has been persisted. */
	static boolean isPersisted(final String status) {
		return PERSISTED_STATUSES.contains(status);
	}
}
