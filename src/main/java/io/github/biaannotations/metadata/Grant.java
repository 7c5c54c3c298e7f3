package io.github.biaannotations.metadata;

/** A grant that funded the study (MIFA {@code GrantReference}: {@code grant_id} and {@code funder}). */
public final class Grant {

	private String grantId;
	private String funder;

	public Grant() {}

	public Grant(final String grantId, final String funder) {
		this.grantId = grantId;
		this.funder = funder;
	}

	public String grantId() { return grantId; }
	public Grant grantId(final String v) { grantId = v; return this; }
	public String funder() { return funder; }
	public Grant funder(final String v) { funder = v; return this; }

	public Grant copy() {
		return new Grant(grantId, funder);
	}
}
