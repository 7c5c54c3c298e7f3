package io.github.biaannotations.archive.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.metadata.PageTabAttributes;

/**
 * Checks a PageTab JSON submission the way the real server does before it accepts it: {@code ReleaseDate}
 * present and not in the past, every {@code File List} present in the user area, parseable and non-empty,
 * every file path matching the archive's path rule. Whether the listed files exist is reported separately
 * ({@link Result#missing()}), because the real server finds that out while processing the request and
 * marks it INVALID rather than refusing it.
 */
final class PageTabChecker {

	/** The archive's file path rule (archive-api.md). */
	static final Pattern PATH_RULE = Pattern.compile("^(?!\\./)(?!.*/$)(?!.*\\.\\./)[0-9A-Za-z!\\-_*'(). /]+$");

	/** What a check found. */
	static final class Result {

		final List<String> problems = new ArrayList<>();
		final Set<String> missing = new LinkedHashSet<>();
		final List<String> files = new ArrayList<>();
		String title;
		String collection;
		String releaseDate;
		String rootPath;

		/** Paths (relative to the root path) listed but absent from the user area. */
		Set<String> missing() {
			return missing;
		}
	}

	private final ObjectMapper json;

	PageTabChecker(final ObjectMapper json) {
		this.json = json;
	}

	/**
	 * Checks {@code pageTab} against the files of {@code area}.
	 *
	 * @throws ApiError 403 when {@code RootPath} leaves the user folder
	 */
	Result check(final JsonNode pageTab, final UserArea area) throws ApiError, IOException {
		final Result r = new Result();
		if (!pageTab.isObject() || !pageTab.path("section").isObject()) {
			r.problems.add("The submission has no root section");
			return r;
		}
		r.releaseDate = PageTabAttributes.value(pageTab, "ReleaseDate");
		r.collection = PageTabAttributes.value(pageTab, "AttachTo");
		r.rootPath = PageTabAttributes.value(pageTab, "RootPath");
		r.title = PageTabAttributes.value(pageTab, "Title");
		if (r.title == null) r.title = PageTabAttributes.value(pageTab.path("section"), "Title");
		checkReleaseDate(r);
		final Path root = area.resolve(r.rootPath == null ? "" : r.rootPath);
		checkSection(pageTab.path("section"), root, area, r);
		return r;
	}

	private static void checkReleaseDate(final Result r) {
		if (r.releaseDate == null || r.releaseDate.trim().isEmpty()) {
			r.problems.add("Release date is required");
			return;
		}
		try {
			final LocalDate date = LocalDate.parse(r.releaseDate.trim());
			if (date.isBefore(LocalDate.now(ZoneOffset.UTC))) r.problems.add("Release date '" + r.releaseDate +
				"' is in the past: only future or current dates are allowed");
		}
		catch (final DateTimeParseException e) {
			r.problems.add("Release date '" + r.releaseDate + "' is not a date in the format YYYY-MM-DD");
		}
	}

	private void checkSection(final JsonNode section, final Path root, final UserArea area, final Result r)
		throws IOException
	{
		for (final JsonNode file : elements(section.path("files"))) {
			checkFile(file, root, r, null);
		}
		for (final String list : PageTabAttributes.values(section, "File List")) {
			if (!list.isEmpty()) checkFileList(list, root, area, r);
		}
		for (final JsonNode sub : elements(section.path("subsections"))) {
			checkSection(sub, root, area, r);
		}
	}

	private void checkFileList(final String name, final Path root, final UserArea area, final Result r)
		throws IOException
	{
		if (!PATH_RULE.matcher(name).matches()) {
			r.problems.add("The given file path contains invalid characters: " + name);
			return;
		}
		final Path file = root.resolve(name).normalize();
		if (!file.startsWith(area.root()) || UserArea.throughLink(area.root(), file) || !Files.isRegularFile(file)) {
			r.problems.add("The file list '" + name + "' could not be found in the user area");
			return;
		}
		final String lower = name.toLowerCase();
		final List<String> paths;
		if (lower.endsWith(".json")) paths = jsonFileList(file, name, r);
		else if (lower.endsWith(".tsv")) paths = tsvFileList(file, name, r);
		else {
			r.problems.add("Unsupported file list format '" + name + "': use .json or .tsv");
			return;
		}
		if (paths == null) return;
		if (paths.isEmpty()) {
			r.problems.add("The file list '" + name + "' is empty");
			return;
		}
		for (final String p : paths) {
			checkPath(p, root, r, name);
		}
	}

	private List<String> jsonFileList(final Path file, final String name, final Result r) {
		final JsonNode list;
		try {
			list = json.readTree(file.toFile());
		}
		catch (final IOException e) {
			r.problems.add("The file list '" + name + "' is not valid JSON: " + e.getMessage());
			return null;
		}
		if (list == null || !list.isArray()) {
			r.problems.add("The file list '" + name + "' must be a JSON array of files");
			return null;
		}
		final List<String> paths = new ArrayList<>();
		for (final JsonNode f : elements(list)) {
			final String p = f.path("path").asText(null);
			if (p == null) r.problems.add("An entry of the file list '" + name + "' has no path");
			else paths.add(p);
		}
		return paths;
	}

	private static List<String> tsvFileList(final Path file, final String name, final Result r) throws IOException {
		final List<String> paths = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line = in.readLine();
			while (line != null && line.trim().isEmpty()) line = in.readLine();
			if (line == null) return paths;
			final String first = line.split("\t", -1)[0];
			if (!"Files".equals(first)) {
				r.problems.add("The file list '" + name + "' must start with the header 'Files', found '" + first +
					"'");
				return null;
			}
			int row = 1;
			while ((line = in.readLine()) != null) {
				row++;
				if (line.trim().isEmpty()) continue;
				final String p = line.split("\t", -1)[0];
				if (p.isEmpty()) r.problems.add("Row " + row + " of the file list '" + name + "' has no path");
				else paths.add(p);
			}
		}
		catch (final CharacterCodingException e) {
			r.problems.add("The file list '" + name + "' is not UTF-8 text");
			return null;
		}
		return paths;
	}

	private static void checkFile(final JsonNode file, final Path root, final Result r, final String list) {
		final String p = file.path("path").asText(null);
		if (p == null) {
			r.problems.add("A file of the submission has no path");
			return;
		}
		checkPath(p, root, r, list);
	}

	private static void checkPath(final String p, final Path root, final Result r, final String list) {
		if (!PATH_RULE.matcher(p).matches()) {
			r.problems.add("The given file path contains invalid characters: " + p +
				(list == null ? "" : " (in file list '" + list + "')"));
			return;
		}
		final Path f = root.resolve(p).normalize();
		if (dotSegment(p) || !f.startsWith(root) || UserArea.throughLink(root, f) || !Files.exists(f)) r.missing.add(p);
		else r.files.add(p);
	}

	/**
	 * Whether a path has a "." or ".." segment ("x/..", "."): the path rule lets them through, but they name no
	 * file of the submission (a folder above, or the whole root), so they are not found.
	 */
	private static boolean dotSegment(final String p) {
		for (final String segment : p.split("/"))
			if (segment.equals(".") || segment.equals("..")) return true;
		return false;
	}

	/** The elements of a PageTab member that holds objects or tables (arrays of objects). */
	static List<JsonNode> elements(final JsonNode node) {
		final List<JsonNode> out = new ArrayList<>();
		if (node == null || !node.isArray()) return out;
		for (final JsonNode e : node) {
			if (e.isArray()) {
				for (final JsonNode inner : e) {
					out.add(inner);
				}
			}
			else if (e.isObject()) out.add(e);
		}
		return out;
	}
}
