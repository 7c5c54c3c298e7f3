package io.github.biaannotations.archive.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the local archive knows of one accession, saved as JSON beside its PageTab versions so that it
 * survives restarts: its owner and one request per version. A version is persisted (readable as
 * {@code /submissions/{accNo}.json}, a source of files for the next version) once its request reaches PERSISTED.
 * Public fields only for Jackson; the class is package-private.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class SubmissionRecord {

	/** One version's submit: its request state and what its PageTab said. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	static final class Request {

		public String status;
		public List<String> errors = new ArrayList<>();
		public String title;
		public String collection;
		public String rootPath;
		/** Release date as an instant at the start of its day, UTC ("2026-07-01T00:00:00Z"). */
		public String rtime;
		public String ctime;
		public String mtime;
		public String doi;
		/** The account that made this submit (the owner, or a superuser or admin acting on it). */
		public String submitter;
		/** True when the accession was allocated by this submit (no accno was given). */
		public boolean newSubmission;
		/** The persisted version when this request was made (its files are a source), 0 for none. */
		public int previousVersion;

		boolean processing() {
			return RequestStatus.isProcessing(status);
		}

		boolean invalid() {
			return RequestStatus.INVALID.equals(status);
		}
	}

	public String accNo;
	public String owner;
	public String ctime;
	/** The highest version requested. */
	public int version;
	public Map<Integer, Request> requests = new LinkedHashMap<>();

	// Stores written before requests had their own title and dates kept them here (for the latest request).
	public String title;
	public String collection;
	public String rootPath;
	public String mtime;
	public String rtime;

	Request latest() {
		return requests.get(version);
	}

	/** The highest persisted version, 0 when none is. */
	int persistedVersion() {
		int v = 0;
		for (final Map.Entry<Integer, Request> e : requests.entrySet()) {
			if (RequestStatus.isPersisted(e.getValue().status) && e.getKey() > v) v = e.getKey();
		}
		return v;
	}

	/** The request of the persisted version, or null. */
	Request persisted() {
		return requests.get(persistedVersion());
	}

	/** Whether the persisted version is public: its release date has come ({@code releaseTime <= now}). */
	boolean released(final Instant now) {
		final Request p = persisted();
		return p != null && p.rtime != null && !Instant.parse(p.rtime).isAfter(now);
	}

	/** Fills the fields of requests saved by an older local archive from the record's own. */
	void upgrade() {
		for (final Request r : requests.values()) {
			if (r.title == null) r.title = title;
			if (r.collection == null) r.collection = collection;
			if (r.rootPath == null) r.rootPath = rootPath;
			if (r.rtime == null) r.rtime = rtime;
			if (r.mtime == null) r.mtime = mtime;
			if (r.ctime == null) r.ctime = ctime;
		}
	}
}
