package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Structural checks of an OME-Zarr group as OME-NGFF 0.4 and 0.5 require it: group metadata present, a
 * {@code multiscales} entry with axes and datasets whose arrays exist, {@code image-label} colours with unique
 * label values and properties of the same values (as ome-zarr-models requires), and the {@code labels} list
 * naming existing label groups, each checked in turn. (The tests check our output against the official JSON
 * schemas, which are not shipped with the tool.)
 */
public final class OmeZarrCheck {

	private static final ObjectMapper JSON = new ObjectMapper();

	private OmeZarrCheck() {}

	/** The problems of the OME-Zarr group at {@code group}, one line each; empty when it is sound. */
	public static List<String> check(final Path group) throws IOException {
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
			final Set<Long> seen = new TreeSet<>();
			for (final JsonNode c : label.path("colors"))
				if (!seen.add(c.path("label-value").asLong())) problems.add("image-label colors: label-value " + c.path("label-value") + " twice");
			// ome-zarr-models refuses colors and properties that do not list the same label values
			if (label.has("colors") && label.has("properties")) {
				final Set<Long> described = new TreeSet<>();
				for (final JsonNode p : label.path("properties"))
					described.add(p.path("label-value").asLong());
				if (!described.equals(seen)) problems.add("image-label: colors list label values " +
					seen + " but properties list " + described + "; they must list the same");
			}
		}
		if (Files.isDirectory(group.resolve("labels"))) {
			final JsonNode labels = attributes(group.resolve("labels"), problems);
			if (labels != null) for (final JsonNode n : labels.path("labels")) {
				final String name = n.asText();
				if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\") || name.contains(
					"\0")) {
					problems.add("labels lists '" + name + "', which is not a folder name of the labels group");
					continue;
				}
				final Path labelGroup = group.resolve("labels").resolve(name);
				if (!Files.isDirectory(labelGroup)) problems.add("labels lists '" + name + "', which is missing");
				else for (final String p : check(labelGroup))
					problems.add("labels/" + name + ": " + p);
			}
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
