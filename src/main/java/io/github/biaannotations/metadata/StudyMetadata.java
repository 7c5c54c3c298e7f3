package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Study-level MIFA metadata, the content of the archive's {@code Study.yaml}. Mutable; {@link #copy()} gives an
 * independent copy (the dialog edits a copy so that Cancel changes nothing).
 */
public final class StudyMetadata {

	private String title;
	private String description;
	private final List<String> keywords = new ArrayList<>();
	private final List<Author> authors = new ArrayList<>();
	private String license;
	private final List<String> aiModelsTrained = new ArrayList<>();
	private String fundingStatement;
	private final List<Grant> grants = new ArrayList<>();
	private String acknowledgements;
	private final List<Publication> publications = new ArrayList<>();
	private final List<String> linkUrls = new ArrayList<>();
	private final List<String> linkDescriptions = new ArrayList<>();
	private final Map<String, Object> extras = new LinkedHashMap<>();

	/** {@code title}, required: shown in the archive's search results. */
	public String title() { return title; }
	public StudyMetadata title(final String v) { title = v; return this; }
	/** {@code description}, required: must say what the data is for biologically. */
	public String description() { return description; }
	public StudyMetadata description(final String v) { description = v; return this; }
	/** {@code keywords}, at least one. Live list. */
	public List<String> keywords() { return keywords; }
	/** {@code authors}, at least one. Live list. */
	public List<Author> authors() { return authors; }
	/** {@code license} as written in the YAML: {@code CC0} or {@code CC_BY} (see {@link License}). */
	public String license() { return license; }
	public StudyMetadata license(final String v) { license = v; return this; }
	public StudyMetadata license(final License v) { license = v == null ? null : v.mifa(); return this; }
	/** {@code ai_models_trained}: links to models trained with the data. Live list. */
	public List<String> aiModelsTrained() { return aiModelsTrained; }
	/** {@code funding_statement}, required. */
	public String fundingStatement() { return fundingStatement; }
	public StudyMetadata fundingStatement(final String v) { fundingStatement = v; return this; }
	/** {@code grants}. Live list. */
	public List<Grant> grants() { return grants; }
	/** {@code acknowledgements}. */
	public String acknowledgements() { return acknowledgements; }
	public StudyMetadata acknowledgements(final String v) { acknowledgements = v; return this; }
	/** {@code publications}. Live list. */
	public List<Publication> publications() { return publications; }
	/** {@code link_url}: related links; {@link #linkDescriptions()} holds their descriptions by position. */
	public List<String> linkUrls() { return linkUrls; }
	/** {@code link_description}, one per {@link #linkUrls()} entry. Live list. */
	public List<String> linkDescriptions() { return linkDescriptions; }
	/** Keys of the YAML this model does not know, kept so that writing the file back loses nothing. */
	public Map<String, Object> extras() { return extras; }

	public StudyMetadata copy() {
		final StudyMetadata s = new StudyMetadata().title(title).description(description).license(license)
			.fundingStatement(fundingStatement).acknowledgements(acknowledgements);
		s.keywords.addAll(keywords);
		for (final Author a : authors)
			s.authors.add(a.copy());
		s.aiModelsTrained.addAll(aiModelsTrained);
		for (final Grant g : grants)
			s.grants.add(g.copy());
		for (final Publication p : publications)
			s.publications.add(p.copy());
		s.linkUrls.addAll(linkUrls);
		s.linkDescriptions.addAll(linkDescriptions);
		s.extras.putAll(Values.deepCopy(extras));
		return s;
	}
}
