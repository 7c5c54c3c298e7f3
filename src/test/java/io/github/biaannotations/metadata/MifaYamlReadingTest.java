package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tolerant reading, clear errors and safe writing of the MIFA YAML files, with data built in the test. */
class MifaYamlReadingTest {

	@TempDir
	Path tmp;

	private Path write(final String name, final String... lines) throws IOException {
		final Path p = tmp.resolve(name);
		Files.write(p, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
		return p;
	}

	@Test
	void scalars_for_lists_and_both_orcid_forms_are_accepted() throws IOException {
		write("Study.yaml", "title: T", "keywords: nuclei", "authors:", "  - author_first_name: Ada",
			"    author_last_name: Lovelace", "    orcid_id: https://orcid.org/0000-0002-1825-0097",
			"    role: annotator", "    organisation:", "      organisation_name: Lab", "license: CC BY 4.0",
			"link_url: https://example.org", "link_description: Home page");
		final StudyMetadata s = MifaMetadata.load(tmp).study();
		assertEquals(Collections.singletonList("nuclei"), s.keywords());
		final Author a = s.authors().get(0);
		assertEquals("0000-0002-1825-0097", a.orcidId());
		assertEquals(Collections.singletonList("annotator"), a.roles());
		assertEquals("Lab", a.organisations().get(0).name(), "one organisation given without a list");
		assertEquals("CC_BY", s.license(), "PageTab spelling of the licence read as the MIFA one");
		assertEquals(Collections.singletonList("Home page"), s.linkDescriptions());
	}

	@Test
	void writer_writes_lists_bare_orcids_and_quotes_values_that_are_not_text() throws IOException {
		final MifaMetadata m = new MifaMetadata();
		m.study().title("2024").keywords().add("true");
		m.study().authors().add(new Author("Ada", "Lovelace").orcidId("https://orcid.org/0000-0002-1825-0097"));
		m.study().authors().get(0).roles().add("annotator");
		m.version(new VersionMetadata().version("1.10").timestamp("2023-03-07T14:37:00Z"));
		m.writeTemplates(tmp);
		final YAMLMapper yaml = new YAMLMapper();
		final JsonNode study = yaml.readTree(tmp.resolve("Study.yaml").toFile());
		assertTrue(study.get("title").isTextual(), "a number-like title stays text");
		assertTrue(study.get("keywords").get(0).isTextual());
		assertEquals("0000-0002-1825-0097", study.get("authors").get(0).get("orcid_id").asText());
		assertTrue(study.get("authors").get(0).get("role").isArray());
		final JsonNode version = yaml.readTree(tmp.resolve("Version.yaml").toFile());
		assertEquals("1.10", version.get("version").textValue(), "1.10 is not turned into the number 1.1");
		assertEquals("2023-03-07T14:37:00Z", version.get("timestamp").textValue());
	}

	@Test
	void unknown_keys_are_kept() throws IOException {
		write("Annotations.yaml", "annotation_overview: o", "annotation_method: m", "lab_notes:", "  - a",
			"  - b", "file_metadata:", "  - annotation_id: a.tif", "    annotation_type: segmentation_mask",
			"    source_image_id: s.tif", "    channel: 2");
		final MifaMetadata m = MifaMetadata.load(tmp.resolve("Annotations.yaml"));
		assertEquals(Arrays.asList("a", "b"), m.annotations().extras().get("lab_notes"));
		m.writeTemplates(tmp.resolve("out"));
		final JsonNode back = new YAMLMapper().readTree(tmp.resolve("out/Annotations.yaml").toFile());
		assertEquals("b", back.get("lab_notes").get(1).asText());
		assertEquals("2", back.get("file_metadata").get(0).get("channel").asText());
	}

	@Test
	void multi_line_text_survives() throws IOException {
		final MifaMetadata m = new MifaMetadata();
		m.study().description("First line.\n\n  Indented: second # not a comment\n");
		m.writeTemplates(tmp);
		assertEquals(m.study().description(), MifaMetadata.load(tmp).study().description());
	}

	@Test
	void combined_form_carries_release_date_and_collection() throws IOException {
		final MifaMetadata m = MifaMetadata.load(MifaReference.mifa());
		m.releaseDate(LocalDate.of(2031, 5, 6));
		final Path f = tmp.resolve("profile.yaml");
		Files.write(f, m.toCombinedYaml().getBytes(StandardCharsets.UTF_8));
		final MifaMetadata back = MifaMetadata.load(f);
		assertEquals(LocalDate.of(2031, 5, 6), back.releaseDate());
		assertEquals("BioImages", back.collection());
		assertEquals(m.studyYaml(), back.studyYaml());
		assertEquals(m.annotationsYaml(), back.annotationsYaml());
		assertEquals(m.versionYaml(), back.versionYaml());
	}

	@Test
	void broken_yaml_is_reported_with_file_and_line() throws IOException {
		final Path f = write("Study.yaml", "title: T", "keywords:", "  - a", " - b: [");
		final MetadataException e = assertThrows(MetadataException.class, () -> MifaMetadata.load(f));
		assertEquals(f, e.file().orElse(null));
		assertTrue(e.line() >= 3, "line " + e.line());
		assertTrue(e.getMessage().contains("Study.yaml:" + e.line()), e.getMessage());
	}

	@Test
	void templates_get_the_permissions_of_any_file_the_user_writes() throws IOException {
		final Path dir = tmp.resolve("mifa");
		io.github.biaannotations.demo.DemoMetadata.create().writeTemplates(dir);
		final Path plain = Files.createFile(tmp.resolve("plain.txt"));
		for (final String f : new String[] { MifaMetadata.STUDY_FILE, MifaMetadata.ANNOTATIONS_FILE,
			MifaMetadata.VERSION_FILE })
			assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve(f)), f);
		try (java.util.stream.Stream<Path> s = Files.list(dir)) {
			assertEquals(3, s.count(), "no partial file left");
		}
	}

	@Test
	void an_alias_inside_the_entry_it_names_is_refused_with_file_and_field() throws IOException {
		// found by a user walkthrough: it made the reader recurse until the stack overflowed
		final Path f = write("Version.yaml", "a: &a [*a]");
		final MetadataException e = assertThrows(MetadataException.class, () -> MifaMetadata.load(f));
		assertEquals(f, e.file().orElse(null));
		assertTrue(e.getMessage().contains("Version.yaml:1") && e.getMessage().contains("alias in a loop"), e
			.getMessage());
	}

	@Test
	void a_list_where_text_is_expected_names_the_field() throws IOException {
		final Path f = write("Study.yaml", "title:", "  - one", "  - two");
		final MetadataException e = assertThrows(MetadataException.class, () -> MifaMetadata.load(f));
		assertEquals("title", e.field().orElse(null));
		assertEquals(2, e.line());
		assertTrue(e.getMessage().contains("expected one text value"), e.getMessage());
	}

	@Test
	void a_text_where_entries_are_expected_names_the_field() throws IOException {
		final Path f = write("Study.yaml", "authors:", "  - author_first_name: A", "    organisation: Lab");
		final MetadataException e = assertThrows(MetadataException.class, () -> MifaMetadata.load(f));
		assertEquals("authors[0].organisation", e.field().orElse(null));
	}

	@Test
	void a_field_given_twice_is_refused() throws IOException {
		final Path f = write("Study.yaml", "title: T", "authors:", "  - author_first_name: A",
			"    author_first_name: B");
		final MetadataException e = assertThrows(MetadataException.class, () -> MifaMetadata.load(f));
		assertEquals("authors[0].author_first_name", e.field().orElse(null));
		assertEquals(4, e.line());
	}

	@Test
	void text_that_is_not_utf8_is_refused_with_the_file_named() throws IOException {
		final Path f = tmp.resolve("Study.yaml");
		Files.write(f, "title: Zellkerne f\u00fcr".getBytes(StandardCharsets.ISO_8859_1));
		final MetadataException e = assertThrows(MetadataException.class, () -> MifaMetadata.load(f));
		assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
		assertEquals(f, e.file().orElse(null));
	}

	@Test
	void a_single_file_is_recognised_by_its_fields() throws IOException {
		final Path lab = write("lab.yaml", "authors:", "  - author_first_name: Ada", "    author_last_name: L",
			"license: CC0");
		assertEquals("Ada", MifaMetadata.load(lab).study().authors().get(0).firstName());
		final Path ann = write("mine.yaml", "annotation_overview: o", "authors:", "  - author_first_name: Ada");
		assertEquals("o", MifaMetadata.load(ann).annotations().overview());
		final Path ver = write("v.yaml", "version: 2", "timestamp: 2024-01-01T00:00:00Z");
		assertEquals("2", MifaMetadata.load(ver).version().version());
		final Path other = write("other.yaml", "colour: blue");
		assertThrows(MetadataException.class, () -> MifaMetadata.load(other));
	}

	@Test
	void a_folder_without_templates_is_refused_clearly() {
		final MetadataException e = assertThrows(MetadataException.class, () -> MifaMetadata.load(tmp));
		assertTrue(e.getMessage().contains("Study.yaml"), e.getMessage());
		assertThrows(MetadataException.class, () -> MifaMetadata.load(tmp.resolve("missing")));
	}

	@Test
	void writing_replaces_files_whole_and_leaves_no_temporary_files() throws IOException {
		final MifaMetadata m = MifaMetadata.load(MifaReference.mifa());
		m.writeTemplates(tmp);
		new MifaMetadata().writeTemplates(tmp);
		try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
			assertEquals(3, s.count(), "only the three files");
		}
		final Map<?, ?> study = new YAMLMapper().readValue(tmp.resolve("Study.yaml").toFile(), Map.class);
		assertEquals("", study.get("title"), "an empty field is written as the schema's empty text, not null");
		assertEquals(List.of(), study.get("keywords"), "and an empty list as []");
		assertTrue(study.containsKey("funding_statement"), "every key of the template is written");
		assertEquals(null, MifaMetadata.load(tmp).study().title(), "and read back as empty");
	}
}
