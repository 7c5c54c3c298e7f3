package io.github.biaannotations.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.github.biaannotations.model.AtomicFiles;

/**
 * All the metadata of a submission: MIFA study, annotation and version metadata, plus what the archive needs
 * beyond MIFA (release date, collection). The entry point for reading the archive's YAML templates
 * ({@link #load}), writing them ({@link #writeTemplates}) and checking them ({@link #validate}); PageTab is
 * built from it by {@link PageTabBuilder}.
 */
public final class MifaMetadata {

	public static final String STUDY_FILE = "Study.yaml";
	public static final String ANNOTATIONS_FILE = "Annotations.yaml";
	public static final String VERSION_FILE = "Version.yaml";
	/** The BioImage Archive's collection, PageTab's {@code AttachTo}. */
	public static final String DEFAULT_COLLECTION = "BioImages";

	/** Keys only Study.yaml has, for recognising a study file by its content. */
	private static final java.util.Set<String> STUDY_KEYS = new java.util.HashSet<>(java.util.Arrays.asList("title",
		"description", "keywords", "license", "funding_statement", "grants", "acknowledgements", "publications",
		"link_url", "link_description", "ai_models_trained"));

	private StudyMetadata study = new StudyMetadata();
	private AnnotationMetadata annotations = new AnnotationMetadata();
	private VersionMetadata version;
	private LocalDate releaseDate;
	private String collection = DEFAULT_COLLECTION;

	public StudyMetadata study() { return study; }
	public MifaMetadata study(final StudyMetadata v) { study = v == null ? new StudyMetadata() : v; return this; }
	public AnnotationMetadata annotations() { return annotations; }
	public MifaMetadata annotations(final AnnotationMetadata v) {
		annotations = v == null ? new AnnotationMetadata() : v;
		return this;
	}
	/** The dataset version, or null when none was given (the export then writes a first version). */
	public VersionMetadata version() { return version; }
	public MifaMetadata version(final VersionMetadata v) { version = v; return this; }
	/** The release date, or null for "today" (see {@link #releaseDateOr}). */
	public LocalDate releaseDate() { return releaseDate; }
	public MifaMetadata releaseDate(final LocalDate v) { releaseDate = v; return this; }
	/** The release date, or {@code today} when none was set. */
	public LocalDate releaseDateOr(final LocalDate today) { return releaseDate == null ? today : releaseDate; }
	/** The archive collection to attach to, {@value #DEFAULT_COLLECTION} by default. */
	public String collection() { return collection; }
	public MifaMetadata collection(final String v) { collection = v; return this; }

	public MifaMetadata copy() {
		return new MifaMetadata().study(study.copy()).annotations(annotations.copy())
			.version(version == null ? null : version.copy()).releaseDate(releaseDate).collection(collection);
	}

	/** All problems, errors and warnings, with today's date as the archive counts it (UTC) for the release date rule. */
	public List<ValidationProblem> validate() {
		return validate(ReleaseDates.today());
	}

	/** All problems, errors and warnings; see {@link MifaValidator}. */
	public List<ValidationProblem> validate(final LocalDate today) {
		return MifaValidator.validate(this, today);
	}

	/**
	 * Validates and throws when there are errors: what an export that is not a draft calls.
	 *
	 * @return the warnings (and nothing else) when there are no errors
	 * @throws InvalidMetadataException listing every error with its field and fix
	 */
	public List<ValidationProblem> requireValid(final LocalDate today) throws InvalidMetadataException {
		final List<ValidationProblem> problems = validate(today);
		if (problems.stream().anyMatch(ValidationProblem::isError)) throw new InvalidMetadataException(problems);
		return problems;
	}

	/**
	 * Fills what an export needs and the user may leave out: a first version stamped {@code now} when no
	 * version was given, and no other change.
	 */
	public MifaMetadata withExportDefaults(final java.time.Instant now) {
		if (version == null) version = VersionMetadata.initial(now);
		return this;
	}

	/**
	 * Reads metadata in the archive's template form.
	 * <ul>
	 * <li>A folder: {@code Study.yaml}, {@code Annotations.yaml} and {@code Version.yaml} in it (any may be
	 * missing, not all); a single {@code Study*.yaml} etc. is taken when the exact name is absent, so the
	 * archive's {@code Study_S-BIAD634.yaml} works.</li>
	 * <li>A file: one of those three (recognised by name, else by its fields), or a combined file with
	 * top-level {@code study}, {@code annotations}, {@code version}, {@code release_date}, {@code collection}
	 * (the form of {@link #toCombinedYaml()}, used for lab profiles).</li>
	 * </ul>
	 *
	 * @throws MetadataException naming the file, line and field when the content cannot be read
	 */
	public static MifaMetadata load(final Path dirOrFile) throws IOException {
		final MifaMetadata m = new MifaMetadata();
		if (Files.isDirectory(dirOrFile)) {
			final Path s = find(dirOrFile, "Study"), a = find(dirOrFile, "Annotations"), v = find(dirOrFile, "Version");
			if (s == null && a == null && v == null) throw new MetadataException(dirOrFile, null, 0, "no " +
				STUDY_FILE + ", " + ANNOTATIONS_FILE + " or " + VERSION_FILE + " here; fill the archive's MIFA " +
				"templates (bia-annotations can write blank ones) and put them in this folder");
			if (s != null) m.study(MifaYamlReader.study(MifaYamlReader.parse(s), s));
			if (a != null) m.annotations(MifaYamlReader.annotations(MifaYamlReader.parse(a), a));
			if (v != null) m.version(nonBlank(MifaYamlReader.version(MifaYamlReader.parse(v), v)));
			return m;
		}
		if (!Files.isRegularFile(dirOrFile)) throw new MetadataException(dirOrFile, null, 0,
			"no such file or folder; give the folder holding Study.yaml, Annotations.yaml and Version.yaml");
		loadFile(m, MifaYamlReader.parse(dirOrFile), dirOrFile);
		return m;
	}

	/** Reads the combined form written by {@link #toCombinedYaml()}. */
	public static MifaMetadata fromCombinedYaml(final String yaml, final Path nameForMessages)
		throws MetadataException
	{
		final MifaMetadata m = new MifaMetadata();
		final MappingNode root = MifaYamlReader.parse(yaml, nameForMessages);
		if (root != null) loadCombined(m, root, nameForMessages);
		return m;
	}

	/** Reads study metadata from {@code Study.yaml} text (e.g. a lab profile kept in preferences). */
	public static StudyMetadata parseStudy(final String yaml, final Path nameForMessages) throws MetadataException {
		return MifaYamlReader.study(MifaYamlReader.parse(yaml, nameForMessages), nameForMessages);
	}

	private static void loadFile(final MifaMetadata m, final MappingNode root, final Path file)
		throws MetadataException
	{
		if (root == null) return;
		final List<String> keys = MifaYamlReader.keys(root);
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final boolean annotationKeys = keys.stream().anyMatch(k -> k.startsWith("annotation_") || k.equals(
			"file_metadata"));
		final boolean studyKeys = keys.stream().anyMatch(STUDY_KEYS::contains);
		if (keys.contains("study") || keys.contains("annotations") || keys.contains("release_date"))
			loadCombined(m, root, file);
		else if (name.startsWith("study") || !name.startsWith("annotations") && !name.startsWith("version") &&
			studyKeys && !annotationKeys) m.study(MifaYamlReader.study(root, file));
		else if (name.startsWith("annotations") || annotationKeys) m.annotations(MifaYamlReader.annotations(root,
			file));
		else if (name.startsWith("version") || keys.contains("timestamp")) m.version(nonBlank(MifaYamlReader.version(
			root, file)));
		else throw new MetadataException(file, null, 0, "cannot tell which MIFA template this is; name it " +
			STUDY_FILE + ", " + ANNOTATIONS_FILE + " or " + VERSION_FILE);
	}

	private static void loadCombined(final MifaMetadata m, final MappingNode root, final Path file)
		throws MetadataException
	{
		for (final String key : MifaYamlReader.keys(root)) {
			final Node n = MifaYamlReader.get(root, key);
			if (MifaYamlReader.isNull(n)) continue;
			switch (key) {
				case "study": m.study(MifaYamlReader.study(mapping(n, file, key), file)); break;
				case "annotations": m.annotations(MifaYamlReader.annotations(mapping(n, file, key), file)); break;
				case "version": m.version(MifaYamlReader.version(mapping(n, file, key), file)); break;
				case "collection": m.collection(String.valueOf(MifaYamlReader.plain(n))); break;
				case "release_date": {
					final String text = String.valueOf(MifaYamlReader.plain(n)).trim();
					try {
						m.releaseDate(LocalDate.parse(text));
					}
					catch (final DateTimeParseException e) {
						throw new MetadataException(file, key, n.getStartMark().getLine() + 1, "'" + text +
							"' is not a date; write it as YYYY-MM-DD, e.g. 2030-01-31", e);
					}
					break;
				}
				default: throw new MetadataException(file, key, n.getStartMark().getLine() + 1, "unknown section; " +
					"expected study, annotations, version, release_date or collection");
			}
		}
	}

	/** A blank Version.yaml (the template as it comes) means no version was given. */
	private static VersionMetadata nonBlank(final VersionMetadata v) {
		return v.version() == null && v.timestamp() == null && v.changes() == null && v.previousVersion() == null &&
			v.extras().isEmpty() ? null : v;
	}

	private static MappingNode mapping(final Node n, final Path file, final String key) throws MetadataException {
		if (n instanceof MappingNode) return (MappingNode) n;
		throw new MetadataException(file, key, n.getStartMark().getLine() + 1, "expected nested fields");
	}

	private static Path find(final Path dir, final String stem) throws IOException {
		final Path exact = dir.resolve(stem + ".yaml");
		if (Files.isRegularFile(exact)) return exact;
		final List<Path> found = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
			for (final Path p : ds) {
				final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
				if (n.startsWith(stem.toLowerCase(Locale.ROOT)) && (n.endsWith(".yaml") || n.endsWith(".yml")) &&
					!n.contains("template") && Files.isRegularFile(p)) found.add(p);
			}
		}
		if (found.size() > 1) throw new MetadataException(dir, null, 0, "several " + stem + " files (" + found +
			"); keep one, named " + stem + ".yaml");
		return found.isEmpty() ? null : found.get(0);
	}

	/** {@code Study.yaml} content in the archive's template form. */
	public String studyYaml() {
		return MifaYamlWriter.study(study);
	}

	/** {@code Annotations.yaml} content in the archive's template form. */
	public String annotationsYaml() {
		return MifaYamlWriter.annotations(annotations);
	}

	/** {@code Version.yaml} content; blank fields when no version was given. */
	public String versionYaml() {
		return MifaYamlWriter.version(version == null ? new VersionMetadata() : version);
	}

	/**
	 * Writes blank {@code Study.yaml}, {@code Annotations.yaml} and {@code Version.yaml} to fill in by hand, with
	 * one blank author, organisation, grant, publication and file row showing their fields (blank entries are
	 * ignored when read back).
	 *
	 * @throws MetadataException when one of the files exists already: a filled template is never overwritten
	 */
	public static void writeBlankTemplates(final Path dir) throws IOException {
		for (final String f : new String[] { STUDY_FILE, ANNOTATIONS_FILE, VERSION_FILE })
			if (Files.exists(dir.resolve(f))) throw new MetadataException(dir.resolve(f), null, 0,
				"exists already; templates are written only where there are none, so nothing filled in is lost");
		final Map<Path, String> files = new LinkedHashMap<>();
		files.put(dir.resolve(STUDY_FILE), MifaBlankTemplates.study());
		files.put(dir.resolve(ANNOTATIONS_FILE), MifaBlankTemplates.annotations());
		files.put(dir.resolve(VERSION_FILE), MifaBlankTemplates.version());
		writeAll(files);
	}

	/**
	 * Writes {@code Study.yaml}, {@code Annotations.yaml} and {@code Version.yaml} into {@code dir} (created if
	 * needed), replacing files of those names. Each file is written beside its target and renamed into place
	 * once all three are complete, so a failure leaves the previous files untouched.
	 */
	public void writeTemplates(final Path dir) throws IOException {
		final Map<Path, String> files = new LinkedHashMap<>();
		files.put(dir.resolve(STUDY_FILE), studyYaml());
		files.put(dir.resolve(ANNOTATIONS_FILE), annotationsYaml());
		files.put(dir.resolve(VERSION_FILE), versionYaml());
		writeAll(files);
	}

	/** Writes every file before moving any into place, so that the templates change together. */
	private static void writeAll(final Map<Path, String> files) throws IOException {
		final Map<Path, Path> temps = new LinkedHashMap<>();
		try {
			for (final Map.Entry<Path, String> e : files.entrySet()) {
				final Path tmp = AtomicFiles.partial(e.getKey());
				temps.put(e.getKey(), tmp);
				Files.write(tmp, e.getValue().getBytes(StandardCharsets.UTF_8));
			}
			for (final Map.Entry<Path, Path> e : temps.entrySet())
				AtomicFiles.moveReplacing(e.getValue(), e.getKey());
		}
		finally {
			for (final Path tmp : temps.values())
				Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Everything in one YAML document: {@code study}, {@code annotations}, {@code version} (each in template
	 * form), {@code release_date} and {@code collection}. Read back with {@link #fromCombinedYaml}.
	 */
	public String toCombinedYaml() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("study", MifaYamlWriter.studyTree(study));
		m.put("annotations", MifaYamlWriter.annotationsTree(annotations, true));
		if (version != null) m.put("version", MifaYamlWriter.versionTree(version));
		if (releaseDate != null) m.put("release_date", releaseDate.toString());
		m.put("collection", collection);
		return MifaYamlWriter.dump(m);
	}
}
