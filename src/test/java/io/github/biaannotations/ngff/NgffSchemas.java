package io.github.biaannotations.ngff;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

/**
 * Validates written group attributes against the OME-NGFF JSON schemas in
 * {@code ../shared/reference/ngff/<version>/schemas}, with their {@code https://ngff.openmicroscopy.org}
 * ids mapped to those local files. Skips the calling test when the reference folder is absent.
 */
public final class NgffSchemas {

	public static final Path REFERENCE = Paths.get("..", "shared", "reference");

	private NgffSchemas() {}

	/** Asserts that {@code attributes} is valid against {@code <schema>.schema} of the version. */
	public static void assertValid(final NgffVersion version, final String schema, final JsonNode attributes) {
		final Set<ValidationMessage> errors = validate(version, schema, attributes);
		assertTrue(errors.isEmpty(), schema + " " + version.text() + ": " + errors + "\n" + attributes
			.toPrettyString());
	}

	/** The validation errors of {@code attributes} against a schema (empty when valid). */
	public static Set<ValidationMessage> validate(final NgffVersion version, final String schema,
		final JsonNode attributes)
	{
		final Path dir = REFERENCE.resolve("ngff").resolve(version.text()).resolve("schemas");
		Required.that(Files.isDirectory(dir), dir.toAbsolutePath().normalize() + " is absent (no ../shared/reference beside this checkout)");
		final String prefix = "https://ngff.openmicroscopy.org/" + version.text() + "/schemas/";
		final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
			b -> b.schemaMappers(m -> m.mapPrefix(prefix, dir.toAbsolutePath().toUri().toString())));
		final JsonSchema s = factory.getSchema(SchemaLocation.of(prefix + schema + ".schema"));
		return s.validate(attributes);
	}
}
