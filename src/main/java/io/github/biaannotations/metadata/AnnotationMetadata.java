package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Annotation-level MIFA metadata, the content of the archive's {@code Annotations.yaml}: how the annotations
 * were made, by whom, and one {@link FileLevelMetadata} row per annotation file. Mutable; see {@link #copy()}.
 */
public final class AnnotationMetadata {

	private String overview;
	private final List<String> types = new ArrayList<>();
	private final List<Author> authors = new ArrayList<>();
	private String method;
	private String confidenceLevel;
	private String criteria;
	private String coverage;
	private final List<FileLevelMetadata> files = new ArrayList<>();
	private final Map<String, Object> extras = new LinkedHashMap<>();

	/** {@code annotation_overview}, required: a short summary of what was annotated and how. */
	public String overview() { return overview; }
	public AnnotationMetadata overview(final String v) { overview = v; return this; }
	/**
	 * The annotation types declared for the whole set ({@code annotation_type} at the top of
	 * {@code Annotations.yaml}; the archive's files often leave it to the file rows). Live list of values as
	 * written; see {@link #effectiveTypes()}.
	 */
	public List<String> types() { return types; }
	/** {@code authors} of the annotations. Live list. */
	public List<Author> authors() { return authors; }
	/** {@code annotation_method}, required. */
	public String method() { return method; }
	public AnnotationMetadata method(final String v) { method = v; return this; }
	/** {@code annotation_confidence_level}. */
	public String confidenceLevel() { return confidenceLevel; }
	public AnnotationMetadata confidenceLevel(final String v) { confidenceLevel = v; return this; }
	/** {@code annotation_criteria}. */
	public String criteria() { return criteria; }
	public AnnotationMetadata criteria(final String v) { criteria = v; return this; }
	/** {@code annotation_coverage}. */
	public String coverage() { return coverage; }
	public AnnotationMetadata coverage(final String v) { coverage = v; return this; }
	/** {@code file_metadata}: one row per annotation file. Live list. */
	public List<FileLevelMetadata> files() { return files; }
	/** Keys of the YAML this model does not know, kept so that writing the file back loses nothing. */
	public Map<String, Object> extras() { return extras; }

	/**
	 * The declared types followed by any other type the file rows use, without repeats: what PageTab's
	 * {@code Annotation Type} attributes list.
	 */
	public List<String> effectiveTypes() {
		final Set<String> all = new LinkedHashSet<>();
		for (final String t : types)
			if (!Values.isBlank(t)) all.add(t.trim());
		for (final FileLevelMetadata f : files)
			for (final String t : f.types())
				if (!Values.isBlank(t)) all.add(t.trim());
		return new ArrayList<>(all);
	}

	public AnnotationMetadata copy() {
		final AnnotationMetadata a = new AnnotationMetadata().overview(overview).method(method)
			.confidenceLevel(confidenceLevel).criteria(criteria).coverage(coverage);
		a.types.addAll(types);
		for (final Author au : authors)
			a.authors.add(au.copy());
		for (final FileLevelMetadata f : files)
			a.files.add(f.copy());
		a.extras.putAll(Values.deepCopy(extras));
		return a;
	}
}
