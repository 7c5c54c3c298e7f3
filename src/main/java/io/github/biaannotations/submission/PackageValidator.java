package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.PageTabAttributes;
import io.github.biaannotations.metadata.PageTabBuilder;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.metadata.ValidationProblem;
import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.model.Errors;

/**
 * Checks a package folder before it is pushed, as the archive would and more: the PageTab's structure and
 * required attributes, the MIFA metadata, every file list entry present and following the path rule, every file
 * matching its manifest checksum, GeoJSON that parses into valid geometries, OME-Zarr groups with their
 * metadata. Returns every problem found rather than stopping at the first.
 */
public final class PackageValidator {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path dir;
	private final LocalDate today;
	private LocalDate releaseDate;
	private final List<PackageProblem> problems = new ArrayList<>();
	private NgffSchemaCheck schemas;
	private boolean checksums = true;

	public PackageValidator(final Path dir, final LocalDate today) {
		this.dir = dir;
		this.today = today;
	}

	/**
	 * Also checks every OME-Zarr against the official OME-NGFF JSON schemas in {@code schemasDir}
	 * ({@code 0.4/schemas}, {@code 0.5/schemas}); without it the OME-Zarr checks are structural only.
	 */
	public PackageValidator ngffSchemas(final Path schemasDir) {
		schemas = schemasDir == null ? null : new NgffSchemaCheck(schemasDir);
		return this;
	}

	public static List<PackageProblem> validate(final Path dir) throws IOException {
		return new PackageValidator(dir, ReleaseDates.today()).run();
	}

	/**
	 * What push checks first: a package with errors (changed after export, a draft with missing metadata,
	 * a listed file missing, a symbolic link...) is refused before anything is sent.
	 *
	 * @throws IllegalArgumentException naming the folder and the first errors
	 */
	public static void requireSubmittable(final Path dir, final LocalDate today) throws IOException {
		requireSubmittable(dir, today, null);
	}

	/**
	 * As {@link #requireSubmittable(Path, LocalDate)}, with the release date that push sends instead of the
	 * package's own ({@code push --release-date}); null for the package's.
	 */
	public static void requireSubmittable(final Path dir, final LocalDate today, final LocalDate releaseDate)
		throws IOException
	{
		requireSubmittable(dir, today, releaseDate, true);
	}

	/**
	 * As {@link #requireSubmittable(Path, LocalDate, LocalDate)}; without {@code checksums}, files are checked
	 * against the manifest's sizes only, for a caller that checks each file's sha256 as it reads it anyway (push,
	 * which then reads every file once).
	 */
	public static void requireSubmittable(final Path dir, final LocalDate today, final LocalDate releaseDate,
		final boolean checksums) throws IOException
	{
		final List<String> errors = new ArrayList<>();
		final PackageValidator validator = new PackageValidator(dir, today);
		validator.releaseDate = releaseDate;
		validator.checksums = checksums;
		for (final PackageProblem p : validator.run())
			if (p.isError()) errors.add(p.where() + ": " + p.message());
		if (errors.isEmpty()) return;
		final int shown = Math.min(errors.size(), 5);
		throw new IllegalArgumentException(dir + ": not pushed, the package has " + errors.size() + (errors.size() == 1
			? " error: " : " errors: ") + String.join("; ", errors.subList(0, shown)) + (errors.size() > shown
				? "; ... (validate lists them all)" : "") + ". Fix it, or export again");
	}

	public List<PackageProblem> run() throws IOException {
		if (!Files.isDirectory(dir)) {
			problems.add(PackageProblem.error(dir.toString(), Files.exists(dir) ? "not a folder" : "no such folder"));
			return problems;
		}
		final Set<String> files = listFiles();
		checkPaths(files);
		checkManifest(files);
		final List<String> listed = checkSubmission(files);
		checkMifa();
		checkGeoJson(files);
		checkZarr();
		checkSourceImages(listed, files);
		return problems;
	}

	private void error(final String where, final String message) {
		problems.add(PackageProblem.error(where, message));
	}

	private void warning(final String where, final String message) {
		problems.add(PackageProblem.warning(where, message));
	}

	/** The package's files; a symbolic link is an error, as push sends files only (and never what they point to). */
	private Set<String> listFiles() throws IOException {
		final Set<String> files = new java.util.TreeSet<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final String rel = Manifest.relative(dir, p);
				if (Files.isSymbolicLink(p)) error(rel, "a symbolic link: push sends files only; put the file itself here");
				// the push record is written by push, after export, and never uploaded
				else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !rel.equals(PackageLayout.PUSH_RECORD))
					files.add(rel);
			}
		}
		return files;
	}

	private void checkPaths(final Set<String> files) {
		for (final String f : files)
			if (!ArchivePaths.isValid(f))
				error(f, "the archive refuses this path (\"The given file path contains invalid characters\"): use letters, digits, spaces and !-_*'(). / only");
	}

	private void checkManifest(final Set<String> files) throws IOException {
		final Path file = dir.resolve(Manifest.FILE_NAME);
		if (!Files.exists(file)) {
			error(Manifest.FILE_NAME, "missing: re-export the package");
			return;
		}
		final Manifest m;
		try {
			m = Manifest.read(file);
		} catch (final IOException e) {
			error(Manifest.FILE_NAME, Errors.oneLine(e));
			return;
		}
		final Set<String> inManifest = new HashSet<>();
		for (final Manifest.Entry e : m.files()) {
			inManifest.add(e.path);
			final Path p = inside(e.path);
			if (p == null || !Files.isRegularFile(p)) {
				error(e.path, "listed in the manifest but missing from the package");
				continue;
			}
			if (Files.size(p) != e.size) error(e.path, "size " + Files.size(p) + " differs from the manifest's " + e.size);
			else if (checksums && !Manifest.sha256(p).equals(e.sha256)) error(e.path, "sha256 differs from the manifest: the file changed after export");
		}
		for (final String f : files)
			if (!f.equals(Manifest.FILE_NAME) && !inManifest.contains(f)) warning(f, "not in the manifest (added after export?)");
	}

	/** Checks submission.json and its file lists; returns the source images listed. */
	private List<String> checkSubmission(final Set<String> files) throws IOException {
		final List<String> sources = new ArrayList<>();
		final Path file = dir.resolve(PackageLayout.SUBMISSION);
		if (!Files.exists(file)) {
			// validate answers whether the folder can be submitted (exit 0), as push would need
			error(PackageLayout.SUBMISSION, "missing: this folder holds annotation files only; export with --metadata to make it a submission package");
			return sources;
		}
		final JsonNode root;
		try {
			root = JSON.readTree(file.toFile());
		} catch (final IOException e) {
			error(PackageLayout.SUBMISSION, "not valid JSON: " + Errors.oneLine(e));
			return sources;
		}
		final JsonNode section = root.path("section");
		if (blank(PageTabAttributes.value(root, "Title")) && blank(PageTabAttributes.value(section, "Title")))
			error(PackageLayout.SUBMISSION, "no Title");
		checkReleaseDate(PageTabAttributes.value(root, "ReleaseDate"));
		final String attachTo = PageTabAttributes.value(root, "AttachTo");
		if (!"BioImages".equals(attachTo))
			error(PackageLayout.SUBMISSION, "AttachTo is '" + attachTo + "', expected BioImages");
		if (!"study".equalsIgnoreCase(section.path("type").asText()))
			error(PackageLayout.SUBMISSION, "the root section's type is '" + section.path("type").asText() + "', expected Study");
		final List<String> lists = new ArrayList<>();
		collectFileLists(section, lists);
		if (lists.isEmpty()) error(PackageLayout.SUBMISSION, "no section has a File List");
		final Map<String, String> listed = new LinkedHashMap<>();
		for (final String list : lists)
			checkFileList(list, files, sources, listed);
		checkCircularReferences(listed);
		return sources;
	}

	/**
	 * The archive refuses a submission that lists a folder and also a path inside it ("The following circular
	 * references were found: Directory '...' contains: '...'"), across all its file lists.
	 *
	 * @param listed every listed path, to the file list that lists it
	 */
	private void checkCircularReferences(final Map<String, String> listed) {
		for (final Map.Entry<String, String> e : listed.entrySet()) {
			final String path = e.getKey();
			for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
				final String parent = path.substring(0, slash);
				if (listed.containsKey(parent) && isFolder(parent)) {
					error(e.getValue(), "'" + path + "' is inside the folder '" + parent + "', which " + listed.get(parent) +
						" lists whole: the archive refuses a folder listed together with a path inside it (a circular " +
						"reference); list the folder or what is in it, not both (re-export with this version)");
					break;
				}
			}
		}
	}

	/** The release date against the archive's today (UTC): a date before it is refused there. */
	private void checkReleaseDate(final String value) {
		if (releaseDate != null) {
			if (releaseDate.isBefore(today))
				error(PackageLayout.SUBMISSION, "the release date given to push, " + releaseDate + ", is in the past (today is " + today + " in UTC, as the archive counts it)");
			return;
		}
		if (blank(value)) {
			error(PackageLayout.SUBMISSION, "ReleaseDate is required (YYYY-MM-DD)");
			return;
		}
		try {
			if (LocalDate.parse(value).isBefore(today))
				error(PackageLayout.SUBMISSION, "ReleaseDate " + value + " is in the past (today is " + today + " in UTC, as the archive counts it); the archive refuses it: push with --release-date, or re-export with --release-date");
		} catch (final DateTimeParseException e) {
			error(PackageLayout.SUBMISSION, "ReleaseDate '" + value + "' is not YYYY-MM-DD");
		}
	}

	private static void collectFileLists(final JsonNode section, final List<String> into) {
		into.addAll(PageTabAttributes.values(section, "File List"));
		for (final JsonNode sub : section.path("subsections")) {
			if (sub.isArray()) for (final JsonNode s : sub) collectFileLists(s, into);
			else collectFileLists(sub, into);
		}
	}

	private void checkFileList(final String list, final Set<String> files, final List<String> sources,
		final Map<String, String> listed) throws IOException
	{
		final Path p = inside(list);
		if (p == null || !Files.isRegularFile(p)) {
			error(list, "File List named in submission.json is missing");
			return;
		}
		if (!list.toLowerCase(Locale.ROOT).endsWith(".tsv")) {
			warning(list, "only TSV file lists are checked");
			return;
		}
		final List<String> lines;
		try {
			lines = Files.readAllLines(p, StandardCharsets.UTF_8);
		}
		catch (final CharacterCodingException e) {
			// found by PageTabFuzzTest: the bare exception did not say which file
			error(list, "not UTF-8 text: the archive reads file lists as UTF-8");
			return;
		}
		if (lines.isEmpty() || !lines.get(0).split("\t", -1)[0].equals("Files")) {
			error(list, "the first header cell must be exactly 'Files'");
			return;
		}
		final List<String> header = List.of(lines.get(0).split("\t", -1));
		final int source = sourceImageColumn(list, header);
		if (lines.size() < 2) error(list, "empty file list: the archive refuses it");
		for (int i = 1; i < lines.size(); i++) {
			final String[] cells = lines.get(i).split("\t", -1);
			final String path = cells[0];
			if (!ArchivePaths.isValid(path)) error(list + " line " + (i + 1), "path '" + path + "' has characters the archive refuses");
			else if (!files.contains(path) && !isFolder(path)) error(list + " line " + (i + 1), "'" + path + "' is not in the package");
			listed.putIfAbsent(path, list);
			if (source >= 0) {
				if (source >= cells.length || blank(cells[source])) error(list + " line " + (i + 1), header.get(source) + " is empty");
				else sources.add(cells[source]);
			}
		}
	}

	/**
	 * The column naming each file's source image, or -1. The archive's ingest reads it under the name
	 * {@link PageTabBuilder#SOURCE_IMAGE}; the RO-Crate ingest does not know {@code source_image}, which packages
	 * of earlier versions wrote: that gets a warning.
	 */
	private int sourceImageColumn(final String list, final List<String> header) {
		for (int c = 1; c < header.size(); c++) {
			final String h = header.get(c).trim().toLowerCase(Locale.ROOT);
			if (h.equals("source image")) return c;
			if (h.equals("source_image")) {
				warning(list, "column '" + header.get(c) + "': the archive's RO-Crate ingest does not read it as the " +
					"source image, so it loses each annotation's link to its image; it reads '" + PageTabBuilder.SOURCE_IMAGE +
					"' (re-export with this version)");
				return c;
			}
		}
		return -1;
	}

	private boolean isFolder(final String path) {
		final Path p = inside(path);
		return p != null && Files.isDirectory(p);
	}

	/**
	 * The file {@code relative} names in the package, or null when it names none there: it leaves the folder
	 * or holds characters no file name can (a NUL; found by PageTabFuzzTest).
	 */
	private Path inside(final String relative) {
		try {
			final Path p = dir.resolve(relative).normalize();
			return p.startsWith(dir.normalize()) ? p : null;
		}
		catch (final InvalidPathException e) {
			return null;
		}
	}

	private void checkMifa() {
		final Path mifa = dir.resolve(PackageLayout.MIFA_DIR);
		if (!Files.isDirectory(mifa)) {
			if (Files.exists(dir.resolve(PackageLayout.SUBMISSION))) error(PackageLayout.MIFA_DIR, "missing: the MIFA templates belong in the package");
			return;
		}
		try {
			final MifaMetadata m = MifaMetadata.load(mifa);
			for (final ValidationProblem p : m.validate(today))
				problems.add(new PackageProblem(p.isError() ? PackageProblem.Severity.ERROR : PackageProblem.Severity.WARNING,
					PackageLayout.MIFA_DIR + "/" + p.part() + ".yaml " + p.field(), p.message()));
		} catch (final IOException | RuntimeException e) {
			error(PackageLayout.MIFA_DIR, Errors.oneLine(e));
		}
	}

	private void checkGeoJson(final Set<String> files) {
		for (final String f : files)
			if (f.toLowerCase(Locale.ROOT).endsWith(".geojson")) for (final String problem : GeoJsonCheck.check(dir
				.resolve(f), f))
				error(f, problem);
	}

	private void checkZarr() throws IOException {
		final List<Path> zarrs;
		try (Stream<Path> s = Files.walk(dir)) {
			zarrs = s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().endsWith(PackageLayout.OME_ZARR)).collect(Collectors.toList());
		}
		for (final Path z : zarrs) {
			final String rel = Manifest.relative(dir, z);
			try {
				for (final String problem : OmeZarrCheck.check(z))
					error(rel, problem);
				if (schemas != null) for (final String problem : schemas.check(z))
					error(rel, problem);
			}
			catch (final IOException e) {
				// a damaged OME-Zarr is one problem of the package: the other checks still run
				error(rel, Errors.oneLine(e));
			}
		}
	}

	private void checkSourceImages(final List<String> sources, final Set<String> files) {
		final Set<String> missing = new java.util.TreeSet<>();
		for (final String s : sources)
			if (!files.contains(s) && !isFolder(s)) missing.add(s);
		if (!missing.isEmpty())
			warning(PackageLayout.ANNOTATION_LIST, "annotations-only package: the source images " + missing +
				" are not in it; they must already be in the archive (or export with --include-image)");
	}

	private static boolean blank(final String s) {
		return s == null || s.isBlank();
	}
}
