package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Each rule, one at a time, on otherwise valid metadata built in code. */
class MifaValidatorTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	static MifaMetadata valid() {
		final MifaMetadata m = new MifaMetadata();
		final StudyMetadata s = m.study();
		s.title("Nuclei of HeLa cells").description("Outlines of nuclei for training segmentation models.")
			.license(License.CC_BY).fundingStatement("No specific funding.");
		s.keywords().add("nucleus");
		s.linkUrls().add("https://example.org/code");
		for (int i = 0; i < 3; i++) {
			final Author a = new Author("First" + i, "Last" + i).email("a" + i + "@example.org")
				.orcidId("0000-0002-1825-0097");
			a.organisations().add(new Organisation("Lab", "Street 1", "02catss52"));
			a.roles().add("annotator");
			s.authors().add(a);
		}
		final AnnotationMetadata an = m.annotations();
		an.overview("Nuclei outlined by hand.").method("Drawn in Fiji with the freehand tool.");
		an.files().add(FileLevelMetadata.forFile("annotations/img/img.geojson", "images/img.tif",
			AnnotationType.GEOMETRICAL_ANNOTATIONS, Instant.parse("2026-11-01T10:00:00Z"), null, null));
		m.version(VersionMetadata.initial(Instant.parse("2026-11-29T09:00:00Z")));
		return m;
	}

	private static List<String> errors(final MifaMetadata m) {
		return m.validate(TODAY).stream().filter(ValidationProblem::isError).map(ValidationProblem::fieldMessage)
			.collect(Collectors.toList());
	}

	private static String onlyError(final MifaMetadata m) {
		final List<String> e = errors(m);
		assertEquals(1, e.size(), () -> "expected one error, got " + e);
		return e.get(0);
	}

	@Test
	void valid_metadata_has_no_problems() {
		assertEquals(0, valid().validate(TODAY).size(), () -> valid().validate(TODAY).toString());
	}

	@Test
	void orcid_with_wrong_check_digit_names_the_author() {
		final MifaMetadata m = valid();
		m.study().authors().get(2).orcidId("0000-0002-1825-0098");
		final String e = onlyError(m);
		assertTrue(e.startsWith("authors[2].orcid_id: '0000-0002-1825-0098' of First2 Last2 has a wrong check " +
			"digit"), e);
		assertTrue(e.contains("orcid.org"), "says how to fix it: " + e);
	}

	@Test
	void orcid_not_an_id_at_all() {
		final MifaMetadata m = valid();
		m.study().authors().get(1).orcidId("1234");
		assertTrue(onlyError(m).startsWith("authors[1].orcid_id: '1234' of First1 Last1 is not an ORCID iD"));
	}

	@Test
	void each_required_field_is_named() {
		final MifaMetadata m = valid();
		m.study().title(" ").description(null).fundingStatement(null).license((String) null).keywords().clear();
		m.annotations().overview(null).method("");
		m.study().authors().get(0).lastName(null);
		final List<String> fields = m.validate(TODAY).stream().filter(ValidationProblem::isError)
			.map(ValidationProblem::field).collect(Collectors.toList());
		assertEquals(java.util.Arrays.asList("title", "description", "keywords", "license", "funding_statement",
			"authors[0].author_last_name", "annotation_overview", "annotation_method"), fields);
	}

	@Test
	void licence_other_than_cc0_or_cc_by_is_refused() {
		final MifaMetadata m = valid();
		m.study().license("MIT");
		final String e = onlyError(m);
		assertTrue(e.startsWith("license: 'MIT' is not accepted"), e);
		assertTrue(e.contains("CC0") && e.contains("CC BY 4.0"), e);
	}

	@Test
	void unknown_annotation_type_lists_the_accepted_ones() {
		final MifaMetadata m = valid();
		m.annotations().files().get(0).types().set(0, "polygons");
		final String e = onlyError(m);
		assertTrue(e.startsWith("file_metadata[0].annotation_type[0]: 'polygons' is not an annotation type"), e);
		assertTrue(e.contains("geometrical_annotations"), e);
	}

	@Test
	void annotation_types_are_required_per_file_row_as_in_the_schema() {
		final MifaMetadata m = valid();
		m.annotations().files().get(0).types().clear();
		assertTrue(onlyError(m).startsWith("file_metadata[0].annotation_type: missing"), onlyError(m));
		m.annotations().types().add("point_annotations");
		assertTrue(onlyError(m).startsWith("file_metadata[0].annotation_type: missing"),
			"a type for the whole set does not stand in for a row's: the schema has them per row only");
		m.annotations().files().clear();
		assertEquals(0, errors(m).size(), "without rows (metadata before export) no type is needed: export derives them");
		m.annotations().types().set(0, "polygons");
		assertTrue(onlyError(m).startsWith("annotation_type[0]: 'polygons' is not an annotation type"), onlyError(m));
	}

	@Test
	void a_publication_without_doi_is_a_warning() {
		final MifaMetadata m = valid();
		m.study().publications().add(new Publication().title("A paper").authors("A. Author"));
		assertEquals(0, errors(m).size());
		assertTrue(m.validate(TODAY).stream().anyMatch(p -> p.fieldMessage().startsWith(
			"publications[0].publication_doi: no DOI")), () -> m.validate(TODAY).toString());
	}

	@Test
	void email_and_ror_syntax() {
		final MifaMetadata m = valid();
		m.study().authors().get(0).email("someone at lab");
		m.study().authors().get(1).organisations().get(0).rorId("ror 1234");
		final List<String> e = errors(m);
		assertEquals(2, e.size(), e::toString);
		assertTrue(e.get(0).startsWith("authors[0].email: 'someone at lab' of First0 Last0 is not an e-mail"));
		assertTrue(e.get(1).startsWith("authors[1].organisation[0].ror_id: 'ror 1234' is not a ROR id"));
	}

	@Test
	void release_date_today_or_later() {
		final MifaMetadata m = valid();
		m.releaseDate(TODAY);
		assertEquals(0, errors(m).size());
		m.releaseDate(TODAY.minusDays(1));
		assertEquals("release_date: 2026-11-28 is in the past and the archive refuses it; choose today " +
			"(2026-11-29) or later", onlyError(m));
	}

	@Test
	void file_rows_need_source_image_and_a_readable_time() {
		final MifaMetadata m = valid();
		m.annotations().files().get(0).sourceImageId(null).creationTime("yesterday");
		final List<String> e = errors(m);
		assertEquals(2, e.size(), e::toString);
		assertTrue(e.get(0).startsWith("file_metadata[0].source_image_id: missing: give the path of the image " +
			"that annotations/img/img.geojson annotates"), e.get(0));
		assertTrue(e.get(1).startsWith("file_metadata[0].annotation_creation_time: 'yesterday' is not a date"));
	}

	@Test
	void annotation_paths_the_archive_refuses() {
		final MifaMetadata m = valid();
		m.annotations().files().get(0).annotationId("../outside/a.geojson");
		assertTrue(onlyError(m).startsWith("file_metadata[0].annotation_id: '../outside/a.geojson' is a path the " +
			"archive refuses"));
		m.annotations().files().get(0).annotationId("annotations/é.geojson");
		assertEquals(1, errors(m).size());
	}

	@Test
	void version_needs_number_and_timestamp() {
		final MifaMetadata m = valid();
		m.version(new VersionMetadata().version("2"));
		assertTrue(onlyError(m).startsWith("timestamp: missing"));
	}

	@Test
	void require_valid_lists_the_errors_and_passes_warnings() throws Exception {
		final MifaMetadata m = valid();
		m.study().linkUrls().clear();
		assertEquals(1, m.requireValid(TODAY).size(), "the warning comes back");
		m.study().title(null);
		m.annotations().method(null);
		final InvalidMetadataException e = org.junit.jupiter.api.Assertions.assertThrows(
			InvalidMetadataException.class, () -> m.requireValid(TODAY));
		assertTrue(e.getMessage().startsWith("the metadata is not complete (2 errors"), e.getMessage());
		assertTrue(e.getMessage().contains("\n  Study title: missing"), e.getMessage());
		assertTrue(e.getMessage().contains("\n  Annotations annotation_method: missing"), e.getMessage());
		assertEquals(3, e.problems().size());
	}

	@Test
	void export_defaults_add_a_first_version_only_when_none() {
		final MifaMetadata m = valid().version(null).withExportDefaults(Instant.parse("2026-11-29T10:11:12.5Z"));
		assertEquals("1", m.version().version());
		assertEquals("2026-11-29T10:11:12Z", m.version().timestamp());
		m.version().version("3");
		assertEquals("3", m.withExportDefaults(Instant.now()).version().version());
	}

	@Test
	void missing_link_is_only_a_warning() {
		final MifaMetadata m = valid();
		m.study().linkUrls().clear();
		final List<ValidationProblem> p = m.validate(TODAY);
		assertEquals(1, p.size());
		assertEquals(ValidationProblem.Severity.WARNING, p.get(0).severity());
		assertEquals("link_url", p.get(0).field());
	}
}
