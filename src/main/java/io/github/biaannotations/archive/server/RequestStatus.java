package io.github.biaannotations.archive.server;

/** The states of a submission request, as {@code GET /submissions/requests/{accNo}/{version}/status} reports them. */
final class RequestStatus {

	static final String REQUESTED = "REQUESTED";
	static final String FILES_VALIDATED = "FILES_VALIDATED";
	static final String VALIDATED = "VALIDATED";
	static final String FILES_COPIED = "FILES_COPIED";
	static final String PERSISTED = "PERSISTED";
	static final String PROCESSED = "PROCESSED";
	static final String INVALID = "INVALID";

	private RequestStatus() {}

	static boolean isTerminal(final String status) {
		return PROCESSED.equals(status) || "POST_PROCESSED".equals(status) || INVALID.equals(status);
	}
}
