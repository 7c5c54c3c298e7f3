package io.github.biaannotations.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An entry of the user's submission list ({@code GET /submissions}): what the real archive gives there and no more
 * (archive-server-facts.md, 6). It carries no version: that comes from the submit's answer or the request status.
 */
public final class SubmissionSummary {

	public final String accNo;
	public final String title;
	/** Last modification, as the archive writes it (ISO 8601), or null. */
	public final String mtime;
	/** Release time, as the archive writes it (ISO 8601), or null. */
	public final String rtime;
	/** PROCESSING, INVALID or PROCESSED (the archive's words; others are passed on as they come). */
	public final String status;
	/** The archive's errors of an INVALID request. */
	public final List<String> errors;
	/** Whether no version of it was stored yet (a first version still processing, or invalid). */
	public final boolean newSubmission;

	public SubmissionSummary(final String accNo, final String title, final String mtime, final String rtime,
		final String status, final List<String> errors, final boolean newSubmission)
	{
		this.accNo = accNo;
		this.title = title;
		this.mtime = mtime;
		this.rtime = rtime;
		this.status = status;
		this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
		this.newSubmission = newSubmission;
	}
}
