package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.metadata.PageTabAttributes;

/** A package's {@code submission.json} as push reads and changes it before the submit. */
final class PushedPageTab {

	private static final ObjectMapper JSON = new ObjectMapper();

	private PushedPageTab() {}

	static ObjectNode read(final Path dir) throws ArchiveException {
		final Path file = dir.resolve("submission.json");
		if (!Files.isRegularFile(file)) throw new ArchiveException(ArchiveException.Kind.USAGE, "Not a package: " +
			dir + " has no submission.json", null);
		try {
			final JsonNode node = JSON.readTree(file.toFile());
			if (node == null || !node.isObject() || !node.path("section").isObject()) {
				throw new ArchiveException(ArchiveException.Kind.USAGE, file +
					" is not a PageTab submission (no root 'section')", null);
			}
			return (ObjectNode) node;
		}
		catch (final IOException e) {
			if (e instanceof ArchiveException) throw (ArchiveException) e;
			throw new ArchiveException(ArchiveException.Kind.USAGE, file + " is not valid JSON: " + e.getMessage(), e);
		}
	}

	static String title(final JsonNode pageTab) {
		final String t = PageTabAttributes.value(pageTab, "Title");
		return t != null ? t : PageTabAttributes.value(pageTab.path("section"), "Title");
	}

	static void setRootPath(final ObjectNode pageTab, final String folder) {
		final ArrayNode attrs = pageTab.has("attributes") && pageTab.get("attributes").isArray() ? (ArrayNode) pageTab
			.get("attributes") : pageTab.putArray("attributes");
		for (int i = attrs.size() - 1; i >= 0; i--) {
			if ("RootPath".equalsIgnoreCase(attrs.get(i).path("name").asText())) attrs.remove(i);
		}
		attrs.addObject().put("name", "RootPath").put("value", folder);
	}
}
