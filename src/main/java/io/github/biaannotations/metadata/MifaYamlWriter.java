package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes the model in the archive's MIFA YAML template form: the template's keys in the template's order
 * (nested entries only with their filled fields), lists for every multivalued field, bare ORCID iDs, and extras
 * after the known keys. Values that YAML would read as something other than text (numbers, dates, booleans) are
 * quoted. The files ({@link #study}, {@link #annotations}, {@link #version}) follow the archive's JSON Schema
 * (bia-mifa-models): a top-level key left empty is written {@code ''}, {@code []} or {@code {}} as its type
 * says (a blank YAML value is null, which the schema refuses), {@code publications} is a map keyed by DOI, and
 * annotation types are given per file row only. The trees stay in template form (blank for empty), for the
 * blank templates and the combined document.
 */
final class MifaYamlWriter {

	private MifaYamlWriter() {}

	/** Top-level keys whose schema type is a list; {@code publications} is a map; every other key is text. */
	private static final java.util.Set<String> LIST_KEYS = new java.util.HashSet<>(java.util.Arrays.asList("keywords",
		"authors", "ai_models_trained", "grants", "link_url", "link_description", "file_metadata"));

	static String study(final StudyMetadata s) {
		final Map<String, Object> m = studyTree(s);
		m.put("license", License.parse(s.license()).map(License::mifa).orElse(s.license()));
		m.put("publications", publicationsByDoi(s.publications()));
		return dump(schemaEmpties(m, StudyMetadata.class));
	}

	/** The YAML tree (maps, lists, strings) of the study template. */
	static Map<String, Object> studyTree(final StudyMetadata s) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("title", s.title());
		m.put("description", s.description());
		m.put("keywords", list(s.keywords()));
		m.put("authors", authors(s.authors()));
		m.put("license", s.license());
		m.put("ai_models_trained", list(s.aiModelsTrained()));
		m.put("funding_statement", s.fundingStatement());
		final List<Object> grants = new ArrayList<>();
		for (final Grant g : s.grants()) {
			final Map<String, Object> gm = new LinkedHashMap<>();
			putIf(gm, "grant_id", g.grantId());
			putIf(gm, "funder", g.funder());
			grants.add(gm);
		}
		m.put("grants", list(grants));
		m.put("acknowledgements", s.acknowledgements());
		final List<Object> pubs = new ArrayList<>();
		for (final Publication p : s.publications())
			pubs.add(fields(p));
		m.put("publications", list(pubs));
		m.put("link_url", list(s.linkUrls()));
		m.put("link_description", list(s.linkDescriptions()));
		m.putAll(s.extras());
		return m;
	}

	/** {@code Annotations.yaml}: the schema has annotation types per file row only, so the set's are not written. */
	static String annotations(final AnnotationMetadata a) {
		return dump(schemaEmpties(annotationsTree(a, false), AnnotationMetadata.class));
	}

	/**
	 * The YAML tree (maps, lists, strings) of the annotations template.
	 *
	 * @param setTypes also the types declared for the whole set ({@code annotation_type} at the top), which the
	 *          archive's schema does not have but the combined document keeps
	 */
	static Map<String, Object> annotationsTree(final AnnotationMetadata a, final boolean setTypes) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("annotation_overview", a.overview());
		if (setTypes && !a.types().isEmpty()) m.put("annotation_type", new ArrayList<>(a.types()));
		m.put("authors", authors(a.authors()));
		m.put("annotation_method", a.method());
		m.put("annotation_confidence_level", a.confidenceLevel());
		m.put("annotation_criteria", a.criteria());
		m.put("annotation_coverage", a.coverage());
		final List<Object> rows = new ArrayList<>();
		for (final FileLevelMetadata f : a.files()) {
			final Map<String, Object> fm = new LinkedHashMap<>();
			putIf(fm, "annotation_id", f.annotationId());
			if (!f.types().isEmpty()) fm.put("annotation_type", new ArrayList<>(f.types()));
			putIf(fm, "source_image_id", f.sourceImageId());
			putIf(fm, "transformations", f.transformations());
			putIf(fm, "spatial_information", f.spatialInformation());
			putIf(fm, "annotation_creation_time", f.creationTime());
			fm.putAll(f.extras());
			rows.add(fm);
		}
		m.put("file_metadata", list(rows));
		m.putAll(a.extras());
		return m;
	}

	static String version(final VersionMetadata v) {
		return dump(schemaEmpties(versionTree(v), VersionMetadata.class));
	}

	/** The YAML tree (maps, lists, strings) of the version template. */
	static Map<String, Object> versionTree(final VersionMetadata v) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", v.version());
		m.put("timestamp", v.timestamp());
		m.put("changes", v.changes());
		m.put("previous_version", v.previousVersion());
		m.putAll(v.extras());
		return m;
	}

	static List<Object> authors(final List<Author> authors) {
		final List<Object> out = new ArrayList<>();
		for (final Author a : authors) {
			final Map<String, Object> am = new LinkedHashMap<>();
			putIf(am, "author_first_name", a.firstName());
			putIf(am, "author_last_name", a.lastName());
			putIf(am, "email", a.email());
			putIf(am, "orcid_id", Identifiers.normaliseOrcid(a.orcidId()));
			final List<Object> orgs = new ArrayList<>();
			for (final Organisation o : a.organisations()) {
				final Map<String, Object> om = new LinkedHashMap<>();
				putIf(om, "organisation_name", o.name());
				putIf(om, "address", o.address());
				putIf(om, "ror_id", o.rorId());
				om.putAll(o.extras());
				orgs.add(om);
			}
			if (!orgs.isEmpty()) am.put("organisation", orgs);
			if (!a.roles().isEmpty()) am.put("role", new ArrayList<>(a.roles()));
			am.putAll(a.extras());
			out.add(am);
		}
		return list(out);
	}

	/** A publication's fields under the template's keys (empty ones left out). */
	private static Map<String, Object> fields(final Publication p) {
		final Map<String, Object> pm = new LinkedHashMap<>();
		putIf(pm, "publication_title", p.title());
		putIf(pm, "publication_authors", p.authors());
		putIf(pm, "publication_doi", p.doi());
		putIf(pm, "publication_year", p.year());
		putIf(pm, "pubmed_id", p.pubmedId());
		return pm;
	}

	/**
	 * The publications as the schema has them: a map from each one's DOI (its LinkML identifier) to its fields,
	 * DOI included; one without a DOI is keyed by its title (or "publication N"), made unique.
	 */
	private static Map<String, Object> publicationsByDoi(final List<Publication> publications) {
		final Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < publications.size(); i++) {
			final Publication p = publications.get(i);
			final Map<String, Object> pm = fields(p);
			final String key = !Values.isBlank(p.doi()) ? p.doi().trim() : !Values.isBlank(p.title()) ? p.title()
				.trim() : "publication " + (i + 1);
			String unique = key;
			for (int n = 2; map.containsKey(unique); n++)
				unique = key + " (" + n + ")";
			map.put(unique, pm);
		}
		return map;
	}

	/** {@code tree} with each known top-level key that is empty written as the schema's empty value of its type. */
	private static Map<String, Object> schemaEmpties(final Map<String, Object> tree, final Class<?> part) {
		for (final Map.Entry<String, Object> e : tree.entrySet()) {
			if (e.getValue() != null || !isKnownKey(e.getKey(), part)) continue;
			if (e.getKey().equals("publications")) e.setValue(new LinkedHashMap<>());
			else if (LIST_KEYS.contains(e.getKey())) e.setValue(new ArrayList<>());
			else e.setValue("");
		}
		return tree;
	}

	/** True for the keys of the template; extras (keys the model does not know) are written as they were read. */
	private static boolean isKnownKey(final String key, final Class<?> part) {
		final Map<String, Object> keys = part == StudyMetadata.class ? studyTree(new StudyMetadata()) : part ==
			AnnotationMetadata.class ? annotationsTree(new AnnotationMetadata(), false) : versionTree(
				new VersionMetadata());
		return keys.containsKey(key);
	}

	/** Null for an empty list, so that the key is written blank as in the template. */
	private static <T> List<Object> list(final List<T> values) {
		return values.isEmpty() ? null : new ArrayList<>(values);
	}

	private static void putIf(final Map<String, Object> m, final String key, final String value) {
		if (value != null) m.put(key, value);
	}

	/** YAML text of a tree of maps, lists and strings. */
	static String dump(final Object tree) {
		final DumperOptions o = new DumperOptions();
		o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		o.setIndent(2);
		o.setIndicatorIndent(2);
		o.setIndentWithIndicator(true);
		o.setWidth(110);
		o.setAllowUnicode(true);
		return new Yaml(new TemplateRepresenter(o), o).dump(tree);
	}

	/** Writes nulls blank (as the archive's templates do) and multi-line text as literal blocks. */
	private static final class TemplateRepresenter extends Representer {

		TemplateRepresenter(final DumperOptions o) {
			super(o);
			this.nullRepresenter = data -> representScalar(Tag.NULL, "");
			this.representers.put(String.class, data -> {
				final String s = (String) data;
				final boolean multiLine = s.indexOf('\n') >= 0;
				return representScalar(Tag.STR, s, multiLine ? DumperOptions.ScalarStyle.LITERAL
					: DumperOptions.ScalarStyle.PLAIN);
			});
		}
	}
}
