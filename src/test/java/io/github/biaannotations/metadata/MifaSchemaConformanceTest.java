package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What we write validates against the archive's own MIFA JSON Schema ({@code bia_mifa_models.schema.json}),
 * read by Jackson and checked by networknt's validator. Two readings of the template form are applied first,
 * as the archive's own files need them too: a blank key means "absent", and {@code publications} is written as
 * a list (as in the archive's template and S-BIAD634) where the generated schema says map. And S-BIAD634's
 * timestamp offset {@code -00:00} ("offset unknown", allowed by RFC 3339 section 4.3) is refused by networknt's
 * date-time check, so it is read as {@code +00:00} here; the file itself keeps what the archive wrote.
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
	void the_check_fails_on_metadata_the_schema_refuses() throws IOException {
		final MifaMetadata m = MifaValidatorTest.valid();
		m.study().license("MIT");
		m.writeTemplates(tmp);
		assertFalse(problems("Study", tmp.resolve("Study.yaml")).isEmpty(), "a licence outside the enum is caught");
	}

	private void assertConforms() throws IOException {
		final Set<ValidationMessage> study = problems("Study", tmp.resolve("Study.yaml"));
		assertTrue(study.isEmpty(), study::toString);
		final Set<ValidationMessage> ann = problems(null, tmp.resolve("Annotations.yaml"));
		assertTrue(ann.isEmpty(), ann::toString);
		final Set<ValidationMessage> ver = problems("Version", tmp.resolve("Version.yaml"));
		assertTrue(ver.isEmpty(), ver::toString);
	}

	/** Problems of a file against one definition of the schema, or its root (the Annotations class) for null. */
	private static Set<ValidationMessage> problems(final String definition, final Path file) throws IOException {
		final ObjectMapper json = new ObjectMapper();
		final ObjectNode schema = (ObjectNode) json.readTree(MifaReference.mifa().resolve(
			"bia_mifa_models.schema.json").toFile());
		schema.remove("$id");
		final ObjectNode root;
		if (definition == null) root = schema;
		else {
			root = json.createObjectNode();
			root.put("$schema", schema.get("$schema").asText());
			root.set("$defs", schema.get("$defs"));
			root.put("$ref", "#/$defs/" + definition);
		}
		final JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
		final JsonNode doc = templateReading(new YAMLMapper().readTree(file.toFile()));
		assertEquals(false, doc.isEmpty(), "document has content");
		return validator.validate(doc);
	}

	private static JsonNode templateReading(final JsonNode doc) {
		final ObjectNode o = (ObjectNode) doc;
		for (final Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();)
			if (it.next().getValue().isNull()) it.remove();
		final JsonNode pubs = o.get("publications");
		if (pubs instanceof ArrayNode) {
			final ObjectNode map = o.objectNode();
			for (int i = 0; i < pubs.size(); i++)
				map.set("publication " + (i + 1), pubs.get(i));
			o.set("publications", map);
		}
		final JsonNode ts = o.get("timestamp");
		if (ts != null && ts.isTextual() && ts.asText().endsWith("-00:00")) o.put("timestamp", ts.asText()
			.replaceFirst("-00:00$", "+00:00"));
		return o;
	}
}
