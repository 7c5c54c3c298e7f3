package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Structural checks of an OME-Zarr group as OME-NGFF 0.4 and 0.5 require it: group metadata present, a
 * {@code multiscales} entry with axes and datasets whose arrays exist, {@code image-label} colours with unique
 * label values, and the {@code labels} list naming existing groups. (The tests check our output against the
 * official JSON schemas, which are not shipped with the tool.)
 */
final class OmeZarrCheck {

	private static final ObjectMapper JSON = new ObjectMapper();

	private OmeZarrCheck() {}

	static List<String> check(final Path group) throws IOException {
		final List<String> problems = new ArrayList<>();
		final JsonNode attrs = attributes(group, problems);
		if (attrs == null) return problems;
		final JsonNode multiscales = attrs.get("multiscales");
		if (multiscales == null || !multiscales.isArray() || multiscales.size() == 0) {
			problems.add("no multiscales metadata");
			return problems;
		}
		final JsonNode ms = multiscales.get(0);
		final JsonNode axes = ms.get("axes");
		if (axes == null || !axes.isArray() || axes.size() < 2 || axes.size() > 5) problems.add("multiscales axes: expected 2 to 5 axes");
		final JsonNode datasets = ms.get("datasets");
		if (datasets == null || !datasets.isArray() || datasets.size() == 0) problems.add("multiscales has no datasets");
		else for (final JsonNode d : datasets) {
			final String path = d.path("path").asText("");
			if (path.isEmpty() || !isArray(group.resolve(path))) problems.add("dataset '" + path + "' is not an array in the group");
			if (!d.path("coordinateTransformations").isArray()) problems.add("dataset '" + path + "' has no coordinateTransformations");
		}
		final JsonNode label = attrs.get("image-label");
		if (label != null) {
			final java.util.Set<Long> seen = new java.util.HashSet<>();
			for (final JsonNode c : label.path("colors"))
				if (!seen.add(c.path("label-value").asLong())) problems.add("image-label colors: label-value " + c.path("label-value") + " twice");
		}
		if (Files.isDirectory(group.resolve("labels"))) {
			final JsonNode labels = attributes(group.resolve("labels"), problems);
			if (labels != null) for (final JsonNode n : labels.path("labels"))
				if (!Files.isDirectory(group.resolve("labels").resolve(n.asText()))) problems.add("labels lists '" + n.asText() + "', which is missing");
		}
		return problems;
	}

	/** OME attributes of a group: Zarr v3 {@code zarr.json} attributes.ome, or Zarr v2 {@code .zattrs}. */
	private static JsonNode attributes(final Path group, final List<String> problems) throws IOException {
		final Path v3 = group.resolve("zarr.json"), v2 = group.resolve(".zattrs");
		if (Files.exists(v3)) {
			final JsonNode n = JSON.readTree(v3.toFile());
			if (!"group".equals(n.path("node_type").asText())) problems.add("zarr.json is not a group");
			final JsonNode ome = n.path("attributes").get("ome");
			if (ome == null) problems.add("zarr.json has no attributes.ome");
			return ome;
		}
		if (Files.exists(v2)) return JSON.readTree(v2.toFile());
		problems.add("neither zarr.json (Zarr v3) nor .zattrs (Zarr v2): not an OME-Zarr group");
		return null;
	}

	private static boolean isArray(final Path p) {
		return Files.exists(p.resolve("zarr.json")) || Files.exists(p.resolve(".zarray"));
	}
}
