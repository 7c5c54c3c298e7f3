package io.github.biaannotations.archive.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.metadata.PageTabAttributes;

/**
 * Reads what the real server reads of a PageTab submission before and while it processes it: {@code ReleaseDate}
 * present and a date, every {@code File List} found in the user's folder (else a 500, as the real server's
 * deserialisation fails), parseable and non-empty, and every listed path checked against the archive's path rule
 * and looked up in the submission's {@link FileSources}. What happens to a path that breaks the rule or is not
 * found depends on the server's asyncMode, so it is reported apart ({@link Result#fileErrors()}).
 */
final class PageTabChecker {

	/** The archive's file path rule (archive-server-facts.md §4). */
	static final Pattern PATH_RULE = Pattern.compile("^(?!\\./)(?!.*/$)(?!.*\\.\\./)[0-9A-Za-z!\\-_*'(). /]+$");

	private static final String HELP = "For more information check https://www.ebi.ac.uk/bioimage-archive/help-file-list";

	/** What a check found. */
	static final class Result {

		/** Problems the real server answers the submit with 400 "Submission validation errors" in any mode. */
		final List<String> problems = new ArrayList<>();
		/** Listed paths not found in any source, by file list ("" for the section's own files). */
		final Map<String, Set<String>> missing = new LinkedHashMap<>();
		/** One message per listed path that breaks the path rule. */
		final List<String> invalidPaths = new ArrayList<>();
		/** Every listed path that was found, and where. */
		final Map<String, Path> files = new LinkedHashMap<>();
		/** Why a file list cannot be read at all (the real server's 500), or null. */
		String fileListFailure;
		String title;
		String collection;
		String releaseDate;
		String rootPath;
		/** The root DOI attribute's value ("" when it has none), or null without the attribute. */
		String doi;
		FileSources sources;

		/** The paths listed but found in no source. */
		Set<String> missingPaths() {
			final Set<String> all = new LinkedHashSet<>();
			for (final Set<String> s : missing.values())
				all.addAll(s);
			return all;
		}

		/**
		 * What is wrong with the listed files, in the real server's words: paths that break the path rule, and
		 * one "could not be found" message per file list with missing files.
		 */
		List<String> fileErrors() {
			final List<String> out = new ArrayList<>(invalidPaths);
			for (final Map.Entry<String, Set<String>> e : missing.entrySet()) {
				out.add(notFound(e.getValue(), e.getKey().isEmpty() ? null : e.getKey(), sources));
			}
			return out;
		}
	}

	private final ObjectMapper json;

	PageTabChecker(final ObjectMapper json) {
		this.json = json;
	}

	/**
	 * Checks {@code pageTab} against the files of {@code area} and, for a new version, of its persisted version.
	 *
	 * @param previousFiles the folder of the persisted version's files, or null
	 * @throws ApiError when {@code RootPath} leaves the user folder (403, or 500 when absolute)
	 */
	Result check(final JsonNode pageTab, final UserArea area, final Path previousFiles) throws ApiError,
		IOException
	{
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
		r.doi = doi(pageTab);
		checkReleaseDate(r);
		r.sources = FileSources.of(area, r.rootPath, previousFiles);
		checkSection(pageTab.path("section"), r);
		return r;
	}

	/** The value of the root attribute named exactly {@code DOI}, as the real server finds it. */
	private static String doi(final JsonNode pageTab) {
		for (final JsonNode a : pageTab.path("attributes")) {
			if ("DOI".equals(a.path("name").asText())) return a.path("value").asText("");
		}
		return null;
	}

	private static void checkReleaseDate(final Result r) {
		if (r.releaseDate == null || r.releaseDate.trim().isEmpty()) {
			r.problems.add("Release date is required");
			return;
		}
		try {
			LocalDate.parse(r.releaseDate.trim());
		}
		catch (final DateTimeParseException e) {
			r.problems.add("Release date '" + r.releaseDate + "' is not a date in the format YYYY-MM-DD");
		}
	}

	private void checkSection(final JsonNode section, final Result r) throws IOException {
		for (final JsonNode file : elements(section.path("files"))) {
			final String p = file.path("path").asText(null);
			if (p == null) r.problems.add("A file of the submission has no path");
			else checkPath(p, r, "");
		}
		for (final String list : PageTabAttributes.values(section, "File List")) {
			if (!list.isEmpty()) checkFileList(list, r);
		}
		for (final JsonNode sub : elements(section.path("subsections"))) {
			checkSection(sub, r);
		}
	}

	private void checkFileList(final String name, final Result r) throws IOException {
		if (!PATH_RULE.matcher(name).matches()) {
			if (r.fileListFailure == null) r.fileListFailure = invalidPath(name, null);
			return;
		}
		final Path file = r.sources.findFileList(name);
		if (file == null) {
			if (r.fileListFailure == null) r.fileListFailure = notFound(List.of(name), null, r.sources);
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
			r.problems.add("Problem processing file list '" + name + "': A file list should contain at least one file");
			return;
		}
		for (final String p : paths) {
			checkPath(p, r, name);
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

	private static void checkPath(final String p, final Result r, final String list) {
		if (!PATH_RULE.matcher(p).matches()) {
			r.invalidPaths.add(invalidPath(p, list.isEmpty() ? null : list));
			return;
		}
		final Path f = r.sources.find(p);
		if (f == null) r.missing.computeIfAbsent(list, k -> new LinkedHashSet<>()).add(p);
		else r.files.put(p, f);
	}

	/** The real server's message for a path that breaks the path rule ({@code InvalidPathException}). */
	static String invalidPath(final String path, final String list) {
		return "The given file path contains invalid characters: " + path + "\n" + (list == null ? ""
			: "Referenced in file list: " + list + "\n") + HELP;
	}

	/** The real server's message for files found in no source ({@code FilesProcessingException}). */
	static String notFound(final Iterable<String> paths, final String list, final FileSources sources) {
		final StringBuilder sb = new StringBuilder("The following files could not be found:\n");
		for (final String p : paths) {
			sb.append("  - ").append(p).append('\n');
		}
		if (list != null) sb.append("Referenced in file list: ").append(list).append('\n');
		return sb.append("List of available sources:\n").append(sources.description()).toString();
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
