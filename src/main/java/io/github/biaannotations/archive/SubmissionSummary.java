package io.github.biaannotations.archive;

/** An entry of the user's submission search ({@code GET /submissions}). */
public final class SubmissionSummary {

	public final String accNo;
	public final String title;
	public final int version;
	/** Creation time as the archive writes it (ISO 8601), or null. */
	public final String ctime;
	/** PROCESSING, INVALID or PROCESSED. */
	public final String status;

	public SubmissionSummary(final String accNo, final String title, final int version, final String ctime,
		final String status)
	{
		this.accNo = accNo;
		this.title = title;
		this.version = version;
		this.ctime = ctime;
		this.status = status;
	}
}
