package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.github.biaannotations.ngff.NgffMetadata;

/**
 * Validates OME-Zarr group metadata against the official OME-NGFF JSON schemas, read from a folder the user
 * gives (a copy of the spec's schemas: {@code <dir>/<version>/schemas/strict_image.schema} ...), with their
 * {@code https://ngff.openmicroscopy.org/<version>/schemas/} ids mapped to those files. Image groups are checked
 * with {@code strict_image}, label images with {@code strict_label}, and the label images under {@code labels/}.
 */
final class NgffSchemaCheck {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path root;
	private final Map<String, JsonSchema> schemas = new HashMap<>();

	NgffSchemaCheck(final Path root) {
		this.root = root;
	}

	List<String> check(final Path group) throws IOException {
		final List<String> problems = new ArrayList<>();
		checkGroup(group, "", problems);
		final Path labels = group.resolve("labels");
		if (Files.isDirectory(labels)) {
			try (var s = Files.list(labels)) {
				for (final Path l : (Iterable<Path>) s.filter(Files::isDirectory).sorted()::iterator)
					checkGroup(l, "labels/" + l.getFileName() + ": ", problems);
			}
		}
		return problems;
	}

	private void checkGroup(final Path group, final String where, final List<String> problems) throws IOException {
		final JsonNode attributes;
		final String version;
		if (Files.exists(group.resolve("zarr.json"))) {
			attributes = JSON.readTree(group.resolve("zarr.json").toFile()).path("attributes");
			version = attributes.path("ome").path("version").asText("0.5");
		} else if (Files.exists(group.resolve(".zattrs"))) {
			attributes = JSON.readTree(group.resolve(".zattrs").toFile());
			version = attributes.path("multiscales").path(0).path("version").asText("0.4");
		} else {
			return; // OmeZarrCheck reports groups without metadata
		}
		final JsonNode members = NgffMetadata.members(attributes);
		if (!members.has("multiscales")) return;
		final String name = members.has("image-label") ? "strict_label" : "strict_image";
		for (final ValidationMessage m : schema(version, name).validate(attributes))
			problems.add(where + name + " " + version + ": " + m.getMessage());
	}

	private JsonSchema schema(final String version, final String name) throws IOException {
		final String key = version + "/" + name;
		final JsonSchema cached = schemas.get(key);
		if (cached != null) return cached;
		final Path dir = root.resolve(version).resolve("schemas");
		if (!Files.isRegularFile(dir.resolve(name + ".schema")))
			throw new IOException(root + ": no " + version + "/schemas/" + name + ".schema here; give the folder that holds " +
				"the OME-NGFF schemas by version (0.4/schemas, 0.5/schemas)");
		final String prefix = "https://ngff.openmicroscopy.org/" + version + "/schemas/";
		final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
			b -> b.schemaMappers(m -> m.mapPrefix(prefix, dir.toAbsolutePath().toUri().toString())));
		final JsonSchema s = factory.getSchema(SchemaLocation.of(prefix + name + ".schema"));
		schemas.put(key, s);
		return s;
	}
}
