package io.github.biaannotations.fiji.commands;

/** What a push achieved: the accession the archive assigned and a description of where things landed. */
public final class PushResult {

	private final String accession;
	private final String details;

	public PushResult(final String accession, final String details) {
		this.accession = accession;
		this.details = details;
	}

	/** The accession, e.g. {@code S-BIAD1752}. */
	public String accession() { return accession; }
	/** For people: the submission's status and the user folder the files were uploaded to. */
	public String details() { return details; }

	@Override
	public String toString() {
		return accession + (details == null || details.isEmpty() ? "" : ": " + details);
	}
}
