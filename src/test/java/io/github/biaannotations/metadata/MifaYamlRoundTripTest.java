package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's real S-BIAD634 MIFA files are read and written back without losing anything: compared as YAML
 * trees read by Jackson (not by our reader), after the normalisation formats.md asks for (lists for every
 * multivalued field, bare ORCID iDs) and the forms the archive's JSON Schema asks for: an empty field ({@code ''},
 * {@code []}, {@code {}}) is the blank one, and {@code publications} as a map keyed by DOI holds the entries of
 * the template's list.
 */
class MifaYamlRoundTripTest {

	/** Fields the MIFA schema declares multivalued: a scalar there is normalised to a one-element list. */
	private static final Set<String> MULTIVALUED = new HashSet<>(Arrays.asList("keywords", "role",
		"annotation_type", "link_url", "link_description", "ai_models_trained"));

	private static final YAMLMapper YAML = new YAMLMapper();

	@TempDir
	Path tmp;

	@Test
	void s_biad634_round_trips_losslessly() throws IOException {
		final Path ref = MifaReference.mifa();
		final MifaMetadata m = MifaMetadata.load(ref);
		m.writeTemplates(tmp);
		compare(ref.resolve("Study_S-BIAD634.yaml"), tmp.resolve("Study.yaml"));
		compare(ref.resolve("Annotations_S-BIAD634.yaml"), tmp.resolve("Annotations.yaml"));
		compare(ref.resolve("Version_S-BIAD634.yaml"), tmp.resolve("Version.yaml"));
	}

	@Test
	void writing_what_was_read_is_stable() throws IOException {
		final MifaMetadata m = MifaMetadata.load(MifaReference.mifa());
		m.writeTemplates(tmp);
		final MifaMetadata again = MifaMetadata.load(tmp);
		assertEquals(m.studyYaml(), again.studyYaml());
		assertEquals(m.annotationsYaml(), again.annotationsYaml());
		assertEquals(m.versionYaml(), again.versionYaml());
	}

	@Test
	void s_biad634_values_are_read_as_written() throws IOException {
		final MifaMetadata m = MifaMetadata.load(MifaReference.mifa());
		assertEquals(12, m.study().authors().size());
		final Author klaus = m.study().authors().get(3);
		assertEquals("Beiske", klaus.lastName());
		assertEquals(Arrays.asList("data annotation"), klaus.roles(), "scalar role read as a list");
		assertEquals("0000-0002-1439-5301", m.study().authors().get(0).orcidId());
		assertEquals(Arrays.asList("https://github.com/perlfloccri/NuclearSegmentationPipeline"),
			m.study().aiModelsTrained());
		assertEquals("CC0", m.study().license());
		assertEquals(79, m.annotations().files().size());
		assertEquals(Arrays.asList("segmentation_mask"), m.annotations().effectiveTypes());
		assertEquals("1.1", m.version().version(), "the quoted version stays text");
		assertTrue(m.validate(java.time.LocalDate.of(2020, 1, 1)).stream().noneMatch(ValidationProblem::isError),
			() -> "S-BIAD634 must validate: " + m.validate(java.time.LocalDate.of(2020, 1, 1)));
	}

	@Test
	void the_blank_templates_read_as_empty_metadata() throws IOException {
		final Path ref = MifaReference.mifa();
		final MifaMetadata s = MifaMetadata.load(ref.resolve("Study_template.yaml"));
		final MifaMetadata a = MifaMetadata.load(ref.resolve("Annotations_template.yaml"));
		assertTrue(s.study().authors().isEmpty());
		assertTrue(s.study().keywords().isEmpty());
		assertTrue(s.study().grants().isEmpty());
		assertTrue(a.annotations().files().isEmpty());
		assertTrue(a.annotations().authors().isEmpty());
		assertEquals(null, s.study().title());
	}

	/** Our own writer's output must be read by an independent reader as the normalised original. */
	private static void compare(final Path original, final Path written) throws IOException {
		final JsonNode expected = normalise(YAML.readTree(original.toFile()), null);
		final JsonNode actual = dropNulls(YAML.readTree(written.toFile()));
		assertEquals(expected, actual, "round trip of " + original.getFileName());
		assertFalse(expected.isEmpty(), "compared something");
	}

	private static JsonNode normalise(final JsonNode n, final String key) {
		if (n.isObject()) {
			final ObjectNode o = JsonNodeFactory.instance.objectNode();
			for (final Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
				final Map.Entry<String, JsonNode> e = it.next();
				final JsonNode v = "publications".equals(e.getKey()) && e.getValue().isObject() ? values(e.getValue())
					: e.getValue();
				if (v.isNull() || v.isContainerNode() && v.isEmpty() || v.isTextual() && v.asText().isEmpty()) continue;
				o.set(e.getKey(), normalise(v, e.getKey()));
			}
			return o;
		}
		if (n.isArray()) {
			final ArrayNode a = JsonNodeFactory.instance.arrayNode();
			for (final JsonNode i : n)
				a.add(normalise(i, null));
			return a;
		}
		final JsonNode text = JsonNodeFactory.instance.textNode("orcid_id".equals(key) ? n.asText().replaceFirst(
			"^https?://orcid.org/", "") : n.asText());
		if (MULTIVALUED.contains(key)) return JsonNodeFactory.instance.arrayNode().add(text);
		return text;
	}

	/** The entries of the map form of a list, in order. */
	private static JsonNode values(final JsonNode map) {
		final ArrayNode a = JsonNodeFactory.instance.arrayNode();
		map.elements().forEachRemaining(a::add);
		return a;
	}

	private static JsonNode dropNulls(final JsonNode n) {
		return normalise(n, "");
	}
}
