package io.github.biaannotations.metadata;

/** A publication associated with the study (MIFA {@code Publications}). */
public final class Publication {

	private String title;
	private String authors;
	private String doi;
	private String year;
	private String pubmedId;

	/** {@code publication_title}, required. */
	public String title() { return title; }
	public Publication title(final String v) { title = v; return this; }
	/** {@code publication_authors}, one string, required. */
	public String authors() { return authors; }
	public Publication authors(final String v) { authors = v; return this; }
	/** {@code publication_doi}. */
	public String doi() { return doi; }
	public Publication doi(final String v) { doi = v; return this; }
	/** {@code publication_year}, kept as text. */
	public String year() { return year; }
	public Publication year(final String v) { year = v; return this; }
	/** {@code pubmed_id}. */
	public String pubmedId() { return pubmedId; }
	public Publication pubmedId(final String v) { pubmedId = v; return this; }

	public Publication copy() {
		return new Publication().title(title).authors(authors).doi(doi).year(year).pubmedId(pubmedId);
	}
}
