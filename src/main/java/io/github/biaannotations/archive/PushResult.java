package io.github.biaannotations.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of a push: the accession, the final request status and the archive's errors when INVALID. */
public final class PushResult {

	private final String accNo;
	private final int version;
	private final String status;
	private final List<String> errors;
	private final int filesUploaded;
	private final int filesSkipped;
	private final long bytesUploaded;
	private final boolean submittedBefore;
	private final boolean stillProcessing;

	PushResult(final String accNo, final int version, final String status, final List<String> errors,
		final int filesUploaded, final int filesSkipped, final long bytesUploaded, final boolean submittedBefore,
		final boolean stillProcessing)
	{
		this.stillProcessing = stillProcessing;
		this.accNo = accNo;
		this.version = version;
		this.status = status;
		this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
		this.filesUploaded = filesUploaded;
		this.filesSkipped = filesSkipped;
		this.bytesUploaded = bytesUploaded;
		this.submittedBefore = submittedBefore;
	}

	/** The accession, e.g. {@code S-BIAD1752}. */
	public String accNo() {
		return accNo;
	}

	/** The version of the request; 0 when it is not known (an update whose submit answer was lost). */
	public int version() {
		return version;
	}

	/**
	 * The request status the push ended with: POST_PROCESSED when the archive is done, PROCESSED when it has stored
	 * the submission and is still post-processing it ({@link #stillProcessing}), INVALID when it refused it.
	 */
	public String status() {
		return status;
	}

	/** Whether the archive processed (stored) the submission. */
	public boolean processed() {
		return "PROCESSED".equals(status) || "POST_PROCESSED".equals(status);
	}

	/**
	 * Whether the archive has stored the submission but is still post-processing it: it takes no new version of
	 * it until that is done.
	 */
	public boolean stillProcessing() {
		return stillProcessing;
	}

	/** The archive's errors when the request is INVALID. */
	public List<String> errors() {
		return errors;
	}

	public int filesUploaded() {
		return filesUploaded;
	}

	/** Files not sent because the archive already had them whole. */
	public int filesSkipped() {
		return filesSkipped;
	}

	public long bytesUploaded() {
		return bytesUploaded;
	}

	/** True when an earlier push had already submitted this package and this one only followed it up. */
	public boolean submittedBefore() {
		return submittedBefore;
	}
}
