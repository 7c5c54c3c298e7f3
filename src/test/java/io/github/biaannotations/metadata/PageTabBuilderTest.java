package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/**
 * The PageTab we build has the shape and the names of the archive's real submissions in
 * {@code ../shared/reference/pagetab}: same section types, attribute names the archive uses in those
 * sections, affiliation references that resolve, and the values of the MIFA files it came from.
 */
class PageTabBuilderTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	/** Names archive-api.md documents for these sections that the two reference submissions happen not to use. */
	private static final Map<String, Set<String>> DOCUMENTED = new HashMap<>();
	static {
		DOCUMENTED.put("submission", new HashSet<>(Arrays.asList("RootPath")));
		DOCUMENTED.put("organisation", new HashSet<>(Arrays.asList("ROR")));
		// the two of S-BIAD1076's Version subsection, moved up: ro-crate-ingest refuses a Version section
		DOCUMENTED.put("annotation", new HashSet<>(Arrays.asList("Annotation Confidence Level", "Annotation version",
			"Version timestamp")));
		DOCUMENTED.put("publication", new HashSet<>(Arrays.asList("Pubmed ID")));
	}

	private static ObjectNode s_biad634() throws IOException {
		final MifaMetadata m = MifaMetadata.load(MifaReference.mifa());
		return new PageTabBuilder(m).annotationFileList("annotations.tsv").imageFileList("images.tsv", "Images",
			"Source images").rootPath("S-BIAD634-upload").build(TODAY);
	}

	@Test
	void attribute_names_are_those_the_archive_uses() throws IOException {
		final Map<String, Set<String>> known = new HashMap<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(MifaReference.pageTab(), "*.json")) {
			for (final Path p : ds)
				collectNames(new ObjectMapper().readTree(p.toFile()), known);
		}
		DOCUMENTED.forEach((k, v) -> known.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
		final Map<String, Set<String>> ours = new HashMap<>();
		collectNames(s_biad634(), ours);
		assertTrue(ours.keySet().containsAll(Arrays.asList("submission", "study", "author", "organisation",
			"publication", "annotation", "study component")), ours.keySet()::toString);
		for (final Map.Entry<String, Set<String>> e : ours.entrySet()) {
			assertTrue(known.containsKey(e.getKey()), "section type " + e.getKey() + " is used by the archive");
			final Set<String> unknown = new TreeSet<>(e.getValue());
			unknown.removeAll(known.get(e.getKey()));
			assertTrue(unknown.isEmpty(), "attributes of " + e.getKey() + " the archive does not use: " + unknown);
		}
	}

	/**
	 * Every section type is one the archive's ingest converts: ro-crate-ingest's strict mode refuses any other
	 * (its get_unprocessed_section_types list), and bia-ingest finds the annotation method under the type
	 * {@code Annotations} only (the consumers' conformance tests run both on exported packages).
	 */
	@Test
	void section_types_are_those_the_archive_ingest_converts() throws IOException {
		final Set<String> converted = new HashSet<>(Arrays.asList("organisation", "organization", "annotations",
			"biosample", "author", "study component", "associations", "imaging method", "image acquisition",
			"image analysis", "image correlation", "specimen", "protocol", "study", "organism", "funding",
			"publication"));
		final List<String> types = new ArrayList<>();
		final List<JsonNode> todo = new ArrayList<>(Collections.singletonList(s_biad634().get("section")));
		while (!todo.isEmpty()) {
			final JsonNode sec = todo.remove(0);
			types.add(sec.get("type").asText());
			todo.addAll(children(sec));
		}
		for (final String t : types)
			assertTrue(converted.contains(t.toLowerCase(java.util.Locale.ROOT)), "section type " + t + " of " + types);
		assertTrue(types.contains("Annotations"), types::toString);
		assertEquals("BioImages.v4", attr(s_biad634(), "Template"), "bia-ingest processes v4 and v5 in full");
	}

	@Test
	void affiliations_resolve_to_organisations_as_in_the_real_submissions() throws IOException {
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(MifaReference.pageTab(), "*.json")) {
			for (final Path p : ds)
				assertTrue(checkAffiliations(new ObjectMapper().readTree(p.toFile())) > 0, p + " has affiliations");
		}
		final ObjectNode ours = s_biad634();
		assertEquals(12, checkAffiliations(ours), "one affiliation per S-BIAD634 author");
		final List<JsonNode> orgs = sections(ours, "organisation");
		// S-BIAD634 names 7 distinct organisation + address pairs (EMBL-EBI without address)
		assertEquals(7, orgs.size());
		final ObjectNode broken = ours.deepCopy();
		((ObjectNode) sections(broken, "organisation").get(0)).put("accno", "elsewhere");
		assertThrows(AssertionError.class, () -> checkAffiliations(broken), "the check can fail");
	}

	@Test
	void values_come_from_the_mifa_files() throws IOException {
		final ObjectNode pt = s_biad634();
		assertFalse(pt.has("accno"), "a new submission has no accno");
		assertEquals("BioImages.v4", attr(pt, "Template"));
		assertEquals("2026-11-29", attr(pt, "ReleaseDate"));
		assertEquals("BioImages", attr(pt, "AttachTo"));
		assertEquals("S-BIAD634-upload", attr(pt, "RootPath"));
		final JsonNode study = pt.get("section");
		assertEquals("Study", study.get("type").asText());
		assertEquals("An annotated fluorescence image dataset for training nuclear segmentation methods",
			attr(study, "Title"));
		assertEquals(Arrays.asList("AI", "segmentation", "nucleus", "fluorescence"), attrs(study, "Keywords"));
		assertEquals("CC0", attr(study, "License"));
		assertEquals("URL", attribute(study, "License").get("valqual").get(0).get("name").asText());
		assertEquals(2, study.get("links").size(), "link_url and ai_models_trained");
		assertEquals("Original submission (not curated)", study.get("links").get(0).get("attributes").get(0)
			.get("value").asText());
		final JsonNode first = sections(pt, "author").get(0);
		assertEquals("Sabine Taschner-Mandl", attr(first, "Name"));
		assertEquals("conceptualization, data acquisition", attr(first, "Role"));
		assertEquals("0000-0002-1439-5301", attr(first, "ORCID"));
		final JsonNode ann = sections(pt, "annotation").get(0);
		assertEquals(Collections.singletonList("segmentation_mask"), attrs(ann, "Annotation Type"));
		assertEquals("annotations.tsv", attr(ann, "File List"));
		assertEquals("Segmentations masks of human cell nuclei curated by experts from a model prediction",
			attr(ann, "Annotation Overview"));
		assertEquals("1.1", attr(ann, "Annotation version"));
		assertFalse(ann.has("subsections"), "no Version subsection: ro-crate-ingest refuses it");
		assertEquals("images.tsv", attr(sections(pt, "study component").get(0), "File List"));
		assertEquals(1, sections(pt, "publication").size());
	}

	@Test
	void empty_fields_are_left_out_and_release_date_kept() {
		final MifaMetadata m = MifaValidatorTest.valid().releaseDate(LocalDate.of(2030, 1, 2));
		m.study().acknowledgements(" ");
		final ObjectNode pt = new PageTabBuilder(m).annotationFileList("annotations.tsv").build(TODAY);
		assertEquals("2030-01-02", attr(pt, "ReleaseDate"));
		assertEquals(null, attr(pt.get("section"), "Acknowledgements"));
		assertEquals("CC BY 4.0", attr(pt.get("section"), "License"));
		assertEquals(1, sections(pt, "organisation").size(), "three authors share one organisation");
		assertEquals("02catss52", attr(sections(pt, "organisation").get(0), "ROR"));
		assertTrue(sections(pt, "study component").isEmpty());
		final String json = PageTabBuilder.toJson(pt);
		assertFalse(json.contains("null"), json);
	}

	@Test
	void file_lists_in_tsv_and_json() {
		final List<FileLevelMetadata> rows = Arrays.asList(FileLevelMetadata.forFile("annotations/a/a.geojson",
			"images/a.tif", AnnotationType.POINT_ANNOTATIONS, Instant.parse("2026-11-01T10:00:00.123Z"),
			"x and y +0.5: ImageJ point\tcentres", null), FileLevelMetadata.forFile(
				"annotations/a/a_labels.ome.zarr", "images/a.tif", AnnotationType.SEGMENTATION_MASK, null, null, null));
		final String tsv = PageTabBuilder.fileListTsv(rows);
		final String[] lines = tsv.split("\n");
		assertEquals(3, lines.length);
		assertEquals("Files\tannotation_type\tSource image\ttransformations\tspatial_information\t" +
			"annotation_creation_time", lines[0]);
		assertEquals(Arrays.asList("annotations/a/a.geojson", "point_annotations", "images/a.tif",
			"x and y +0.5: ImageJ point centres", "", "2026-11-01T10:00:00Z"), Arrays.asList(lines[1].split("\t",
				-1)));
		assertEquals(6, lines[2].split("\t", -1).length);
		final ArrayNode json = PageTabBuilder.fileListJson(rows);
		assertEquals("annotations/a/a_labels.ome.zarr", json.get(1).get("path").asText());
		assertEquals("Source image", json.get(1).get("attributes").get(1).get("name").asText());
		assertEquals("segmentation_mask", json.get(1).get("attributes").get(0).get("value").asText());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageTabBuilder
			.fileListTsv(Collections.singletonList(FileLevelMetadata.forFile("../a.geojson", "i.tif",
				AnnotationType.OTHER, null, null, null))));
		assertTrue(e.getMessage().contains("'../a.geojson'"), e.getMessage());
	}

	// --- readers of PageTab trees, used on the real submissions and on ours alike ---

	/** Section type (matched as the archive's ingest does) to attribute names; "submission" for the root. */
	private static void collectNames(final JsonNode submission, final Map<String, Set<String>> names) {
		for (final JsonNode a : submission.get("attributes"))
			names.computeIfAbsent("submission", k -> new HashSet<>()).add(a.get("name").asText());
		collectSection(submission.get("section"), names);
	}

	private static void collectSection(final JsonNode s, final Map<String, Set<String>> names) {
		final Set<String> set = names.computeIfAbsent(PageTabBuilder.typeKey(s.get("type").asText()),
			k -> new HashSet<>());
		if (s.has("attributes")) for (final JsonNode a : s.get("attributes"))
			set.add(a.get("name").asText());
		for (final JsonNode sub : children(s))
			collectSection(sub, names);
	}

	private static List<JsonNode> children(final JsonNode s) {
		final List<JsonNode> out = new ArrayList<>();
		if (s.has("subsections")) for (final JsonNode sub : s.get("subsections")) {
			if (sub.isArray()) sub.forEach(out::add);
			else out.add(sub);
		}
		return out;
	}

	private static List<JsonNode> sections(final JsonNode submission, final String typeKey) {
		final List<JsonNode> out = new ArrayList<>();
		final List<JsonNode> todo = new ArrayList<>(Collections.singletonList(submission.get("section")));
		while (!todo.isEmpty()) {
			final JsonNode s = todo.remove(0);
			if (PageTabBuilder.typeKey(s.get("type").asText()).equals(typeKey)) out.add(s);
			todo.addAll(children(s));
		}
		return out;
	}

	/** Asserts every author affiliation is a reference to an organisation accno; returns how many there are. */
	private static int checkAffiliations(final JsonNode submission) {
		final Set<String> accnos = new HashSet<>();
		for (final JsonNode o : sections(submission, "organisation"))
			accnos.add(o.get("accno").asText());
		int n = 0;
		for (final JsonNode a : sections(submission, "author"))
			for (final JsonNode attr : a.get("attributes"))
				if (attr.get("name").asText().equalsIgnoreCase("affiliation")) {
					assertTrue(attr.path("reference").asBoolean(), "affiliation is a reference: " + attr);
					assertTrue(accnos.contains(attr.get("value").asText()), "affiliation " + attr.get("value") +
						" names an organisation of " + accnos);
					n++;
				}
		return n;
	}

	private static JsonNode attribute(final JsonNode section, final String name) {
		for (final Iterator<JsonNode> it = section.get("attributes").elements(); it.hasNext();) {
			final JsonNode a = it.next();
			if (a.get("name").asText().equals(name)) return a;
		}
		return null;
	}

	private static String attr(final JsonNode section, final String name) {
		final JsonNode a = attribute(section, name);
		return a == null ? null : a.get("value").asText();
	}

	private static List<String> attrs(final JsonNode section, final String name) {
		final List<String> out = new ArrayList<>();
		for (final JsonNode a : section.get("attributes"))
			if (a.get("name").asText().equals(name)) out.add(a.get("value").asText());
		return out;
	}
}
