package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blank templates to fill in by hand, shaped like the archive's own: every key present, one blank entry in
 * each list so that the fields of an author, organisation, grant, publication and file row are visible. Blank
 * entries are dropped again on reading, so an untouched template reads as empty metadata.
 */
final class MifaBlankTemplates {

	private MifaBlankTemplates() {}

	static String study() {
		final Map<String, Object> m = MifaYamlWriter.studyTree(new StudyMetadata());
		m.put("keywords", Arrays.asList(null, null));
		m.put("authors", Collections.singletonList(author()));
		m.put("grants", Collections.singletonList(blank("grant_id", "funder")));
		m.put("publications", Collections.singletonList(blank("publication_title", "publication_authors",
			"publication_doi", "publication_year", "pubmed_id")));
		m.put("link_url", Collections.singletonList(null));
		m.put("link_description", Collections.singletonList(null));
		return MifaYamlWriter.dump(m);
	}

	static String annotations() {
		final Map<String, Object> m = MifaYamlWriter.annotationsTree(new AnnotationMetadata(), false);
		m.put("authors", Collections.singletonList(author()));
		final Map<String, Object> row = blank("annotation_id", "annotation_type", "source_image_id",
			"transformations", "spatial_information", "annotation_creation_time");
		row.put("annotation_type", Collections.singletonList(null));
		m.put("file_metadata", Collections.singletonList(row));
		return MifaYamlWriter.dump(m);
	}

	static String version() {
		return MifaYamlWriter.version(new VersionMetadata());
	}

	private static Map<String, Object> author() {
		final Map<String, Object> a = blank("author_first_name", "author_last_name", "email", "orcid_id",
			"organisation", "role");
		a.put("organisation", Collections.singletonList(blank("organisation_name", "address", "ror_id")));
		final List<Object> roles = new ArrayList<>();
		roles.add(null);
		a.put("role", roles);
		return a;
	}

	private static Map<String, Object> blank(final String... keys) {
		final Map<String, Object> m = new LinkedHashMap<>();
		for (final String k : keys)
			m.put(k, null);
		return m;
	}
}
