package io.github.biaannotations.archive;

/** The archive's answer to an async submit: the accession and the version of this submit. */
public final class SubmitReceipt {

	public final String accNo;
	public final int version;

	public SubmitReceipt(final String accNo, final int version) {
		this.accNo = accNo;
		this.version = version;
	}
}
