package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What we write validates against the archive's own MIFA JSON Schema ({@code bia_mifa_models.schema.json}) as
 * written, read by Jackson and checked by networknt's validator: empty fields as {@code ''}, {@code []} or
 * {@code {}}, publications as a map keyed by DOI, annotation types per file row only. The archive's own files do
 * not (blank keys, publications as a list, scalars for lists): the check is shown to refuse those forms. The
 * archive's consumer itself (bia-mifa-models' JSON Schema under Python's jsonschema) runs on exported packages in
 * {@code conformance.ArchiveIngestConsumersTest}.
 */
class MifaSchemaConformanceTest {

	@TempDir
	Path tmp;

	@Test
	void written_s_biad634_conforms() throws IOException {
		MifaMetadata.load(MifaReference.mifa()).writeTemplates(tmp);
		assertConforms();
	}

	@Test
	void written_metadata_built_in_code_conforms() throws IOException {
		final MifaMetadata m = MifaValidatorTest.valid();
		m.study().publications().add(new Publication().title("A paper").authors("A. Author").doi("10.1/x"));
		m.study().grants().add(new Grant("G-1", "A funder"));
		m.writeTemplates(tmp);
		assertConforms();
	}

	@Test
	void written_metadata_with_every_optional_field_empty_conforms() throws IOException {
		final MifaMetadata m = MifaValidatorTest.valid();
		m.study().linkUrls().clear();
		m.annotations().confidenceLevel(null).criteria(null).coverage(null);
		m.version().changes(null).previousVersion(null);
		m.annotations().types().add("class_labels");
		m.writeTemplates(tmp);
		assertConforms();
		assertFalse(Files.readString(tmp.resolve("Annotations.yaml")).startsWith("annotation_type"), "no set-level type");
	}

	@Test
	void the_check_fails_on_metadata_the_schema_refuses() throws IOException {
		final MifaMetadata m = MifaValidatorTest.valid();
		m.study().license("MIT");
		m.writeTemplates(tmp);
		assertFalse(problems("Study", tmp.resolve("Study.yaml")).isEmpty(), "a licence outside the enum is caught");
		Files.writeString(tmp.resolve("Version.yaml"), "version: '1'\ntimestamp: '2026-11-29T09:00:00Z'\nchanges:\n");
		assertFalse(problems("Version", tmp.resolve("Version.yaml")).isEmpty(), "a blank (null) value is refused");
		Files.writeString(tmp.resolve("Annotations.yaml"), "annotation_overview: o\nannotation_method: m\n" +
			"annotation_type:\n  - other\n");
		assertFalse(problems("Annotations", tmp.resolve("Annotations.yaml")).isEmpty(), "a set-level type is refused");
		Files.writeString(tmp.resolve("Study.yaml"), Files.readString(tmp.resolve("Study.yaml")).replace("license: MIT",
			"license: CC0").replaceFirst("publications: \\{\\}", "publications:\n  - publication_title: t\n" +
				"    publication_authors: a\n    publication_doi: 10.1/x"));
		assertTrue(Files.readString(tmp.resolve("Study.yaml")).contains("  - publication_title: t"));
		assertFalse(problems("Study", tmp.resolve("Study.yaml")).isEmpty(), "publications as the template's list are refused");
	}

	@Test
	void the_archive_s_own_files_fail_as_written_which_the_check_sees() throws IOException {
		assertFalse(problems("Study", MifaReference.mifa().resolve("Study_S-BIAD634.yaml")).isEmpty());
		assertFalse(problems("Version", MifaReference.mifa().resolve("Version_template.yaml")).isEmpty());
	}

	private void assertConforms() throws IOException {
		final Set<ValidationMessage> study = problems("Study", tmp.resolve("Study.yaml"));
		assertTrue(study.isEmpty(), study::toString);
		final Set<ValidationMessage> ann = problems("Annotations", tmp.resolve("Annotations.yaml"));
		assertTrue(ann.isEmpty(), ann::toString);
		final Set<ValidationMessage> ver = problems("Version", tmp.resolve("Version.yaml"));
		assertTrue(ver.isEmpty(), ver::toString);
	}

	/** Problems of a file, read as it is, against one definition of the schema. */
	private static Set<ValidationMessage> problems(final String definition, final Path file) throws IOException {
		final ObjectMapper json = new ObjectMapper();
		final ObjectNode schema = (ObjectNode) json.readTree(MifaReference.mifa().resolve(
			"bia_mifa_models.schema.json").toFile());
		schema.remove("$id");
		final ObjectNode root = json.createObjectNode();
		root.put("$schema", schema.get("$schema").asText());
		root.set("$defs", schema.get("$defs"));
		root.put("$ref", "#/$defs/" + definition);
		final JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
		final JsonNode doc = new YAMLMapper().readTree(file.toFile());
		assertEquals(false, doc.isEmpty(), "document has content");
		// S-BIAD634's timestamp offset -00:00 ("offset unknown", RFC 3339 section 4.3) is refused by networknt's
		// date-time check (Python's jsonschema checks no format by default): read as +00:00 here, the file keeps it
		final JsonNode ts = doc.get("timestamp");
		if (ts != null && ts.isTextual() && ts.asText().endsWith("-00:00")) ((ObjectNode) doc).put("timestamp", ts
			.asText().replaceFirst("-00:00$", "+00:00"));
		return validator.validate(doc);
	}
}
