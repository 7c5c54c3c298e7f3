package io.github.biaannotations.archive.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the local archive knows of one accession, saved as JSON beside its PageTab versions so that it
 * survives restarts. Public fields only for Jackson; the class is package-private.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class SubmissionRecord {

	/** Request state of one version (one submit). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	static final class Request {

		public String status;
		public List<String> errors = new ArrayList<>();

		boolean terminal() {
			return RequestStatus.isTerminal(status);
		}
	}

	public String accNo;
	public String owner;
	public String title;
	public String collection;
	public String rootPath;
	public String ctime;
	public String mtime;
	public String rtime;
	public int version;
	public Map<Integer, Request> requests = new LinkedHashMap<>();

	Request latest() {
		return requests.get(version);
	}

	/** PROCESSING, INVALID or PROCESSED, as {@code GET /submissions/{accNo}} reports it. */
	String submissionStatus() {
		final Request r = latest();
		if (r == null || !r.terminal()) return "PROCESSING";
		return RequestStatus.INVALID.equals(r.status) ? "INVALID" : "PROCESSED";
	}

	/** Whether any version was processed, i.e. the accession exists beyond a failed first try. */
	boolean everProcessed() {
		for (final Request r : requests.values()) {
			if (r.terminal() && !RequestStatus.INVALID.equals(r.status)) return true;
		}
		return false;
	}
}
