package io.github.biaannotations.submission;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.convert.ExportSummary;
import io.github.biaannotations.convert.ExportedFile;
import io.github.biaannotations.convert.ImageSource;
import io.github.biaannotations.convert.LabelCocoExport;
import io.github.biaannotations.convert.RoiExport;
import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.imagej.LabelsToAnnotations;
import io.github.biaannotations.metadata.AnnotationType;
import io.github.biaannotations.metadata.AnnotationTypeRule;
import io.github.biaannotations.metadata.FileLevelMetadata;
import io.github.biaannotations.metadata.InvalidMetadataException;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.PageTabBuilder;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.metadata.ValidationProblem;
import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.model.AtomicDirectory;
import io.github.biaannotations.model.Progress;

/**
 * Builds the package folder (design.md): the annotation files of every image, and with metadata the MIFA
 * templates under {@code mifa/}, the file list {@code annotations.tsv} and {@code submission.json} (PageTab);
 * always {@code manifest.json}. Metadata is checked before anything is written; the folder appears only when
 * complete.
 */
public final class PackageExport {

	public static final String TOOL = "bia-annotations";
	public static final String SUBMISSION = "submission.json";
	public static final String ANNOTATION_LIST = "annotations.tsv";
	public static final String IMAGE_LIST = "images.tsv";
	public static final String MIFA_DIR = "mifa";
	/** Written into the package by push (what was uploaded and submitted where); not part of the package. */
	public static final String PUSH_RECORD = ".bia-push.json";

	private final Consumer<String> warnings;
	private final Progress progress;

	public PackageExport(final Consumer<String> warnings, final Progress progress) {
		this.warnings = warnings;
		this.progress = progress;
	}

	public ExportSummary export(final ExportRequest request) throws IOException {
		return export(request, ReleaseDates.today(), Instant.now());
	}

	/** As {@link #export(ExportRequest)} with the clock given (tests). */
	public ExportSummary export(final ExportRequest request, final LocalDate today, final Instant now) throws IOException {
		if (request.images().isEmpty()) throw new IllegalArgumentException("nothing to export: no image given");
		final MifaMetadata metadata = checkedMetadata(request, today, now);
		if (request.options().overwrite()) OutputFolder.checkReplaceable(request.out(), inputs(request));
		try (AtomicDirectory dir = new AtomicDirectory(request.out(), request.options().overwrite())) {
			final ExportSummary summary = new ExportSummary(dir.target());
			final Map<String, String> renamed = new LinkedHashMap<>();
			final Set<String> bases = new java.util.LinkedHashSet<>();
			final List<ExportedFile> files = exportImages(request, dir.path(), summary, renamed, bases);
			final List<String> images = new ArrayList<>();
			if (request.options().includeImage())
				for (final String b : bases)
					images.add(LabelPackaging.imagePath(b));
			if (metadata != null) writeSubmission(metadata, files, images, dir.path(), today, now);
			for (final ExportedFile f : files) {
				summary.addFile(f.path);
				if (f.content == ExportedFile.Content.LABELS) summary.addedLabelImage();
			}
			for (final String i : images)
				summary.addFile(i);
			Manifest.of(dir.path(), TOOL, now, renamed).withReleaseDateChosen(metadata != null && metadata.releaseDate() != null)
				.write(dir.path().resolve(Manifest.FILE_NAME));
			if (metadata != null) {
				summary.addFile(SUBMISSION);
				summary.addFile(ANNOTATION_LIST);
				if (!images.isEmpty()) summary.addFile(IMAGE_LIST);
				summary.addFile(MIFA_DIR + "/");
			}
			summary.addFile(Manifest.FILE_NAME);
			dir.commit();
			return summary;
		}
	}

	/**
	 * Writes only the annotation files of the request's images into {@code request.out()} (replaced once whole),
	 * with their file-level rows in {@code mifa/} in the archive's template form: no study metadata is checked
	 * or written, and there are no file lists, submission or manifest. Batch export keeps one such folder per
	 * image and assembles the package from them.
	 */
	public ExportSummary exportFiles(final ExportRequest request, final Instant now) throws IOException {
		if (request.images().isEmpty()) throw new IllegalArgumentException("nothing to export: no image given");
		try (AtomicDirectory dir = new AtomicDirectory(request.out(), request.options().overwrite())) {
			final ExportSummary summary = new ExportSummary(dir.target());
			final List<ExportedFile> files = exportImages(request, dir.path(), summary, new LinkedHashMap<>(),
				new java.util.LinkedHashSet<>());
			final MifaMetadata rowsOnly = new MifaMetadata();
			rowsOnly.annotations().files().addAll(rows(files, now));
			rowsOnly.writeTemplates(dir.path().resolve(MIFA_DIR));
			dir.commit();
			return summary;
		}
	}

	/** The files an export reads: images, ROI files, label image files. */
	private static List<Path> inputs(final ExportRequest request) {
		final List<Path> inputs = new ArrayList<>();
		for (final ImageSource source : request.images()) {
			if (source.imageFile() != null) inputs.add(source.imageFile());
			inputs.addAll(source.roiFiles());
			inputs.addAll(source.labelFiles());
		}
		return inputs;
	}

	/** Every image's annotation files; records the names given ({@code bases}) and those changed ({@code renamed}). */
	private List<ExportedFile> exportImages(final ExportRequest request, final Path packageDir,
		final ExportSummary summary, final Map<String, String> renamed, final Set<String> bases) throws IOException
	{
		final List<ExportedFile> files = new ArrayList<>();
		for (final ImageSource source : request.images()) {
			progress.update("Exporting " + source.sourceName(), files.size(), -1);
			final ImagePlus imp = source.open();
			final String base = LabelPackaging.unique(ArchivePaths.safeName(source.baseName()), bases);
			if (!base.equals(source.baseName())) renamed.put(source.sourceName(), "annotations/" + base);
			files.addAll(exportImage(source, imp, base, packageDir, request, summary));
		}
		return files;
	}

	/** The metadata to write, validated (unless draft) before anything is written; null for none. */
	private MifaMetadata checkedMetadata(final ExportRequest r, final LocalDate today, final Instant now)
		throws InvalidMetadataException
	{
		return checkedMetadata(r.metadata(), r.options().draft(), r.options().releaseDate(), today, now, warnings);
	}

	/**
	 * The study metadata an export writes: a copy of {@code given} with the release date and export defaults,
	 * checked before anything is written (annotation types left empty count as filled: the export derives them
	 * from the files). Problems are warnings for a draft; for a package to submit, errors throw.
	 *
	 * @return null when there is no metadata and no draft is asked for (annotation files only)
	 * @throws InvalidMetadataException listing every error, unless {@code draft}
	 */
	public static MifaMetadata checkedMetadata(final MifaMetadata given, final boolean draft, final LocalDate releaseDate,
		final LocalDate today, final Instant now, final Consumer<String> warnings) throws InvalidMetadataException
	{
		if (given == null && !draft) return null;
		final MifaMetadata m = given == null ? new MifaMetadata() : given.copy();
		if (releaseDate != null) m.releaseDate(releaseDate);
		m.withExportDefaults(now);
		final MifaMetadata probe = m.copy();
		if (probe.annotations().types().isEmpty()) probe.annotations().types().add(AnnotationType.OTHER.value());
		final List<ValidationProblem> problems = draft ? probe.validate(today) : probe.requireValid(today);
		// the archive counts today in UTC, and a study released today is public as soon as it is processed
		if (m.releaseDate() == null) warnings.accept("no release date given: it is today, " + today + " (UTC), which " +
			"makes the study public as soon as the archive has processed it, and its author can then no longer delete " +
			"it; push asks before submitting it. Give a release date (--release-date YYYY-MM-DD) for a later release");
		for (final ValidationProblem p : problems)
			// a warning line says "warning:" already: the problem is given by its place, without its severity
			if (draft || !p.isError()) warnings.accept("metadata: " + p.part() + " " + p.fieldMessage() + (p.isError()
				? " (needed before submitting)" : ""));
		return m;
	}



	private List<ExportedFile> exportImage(final ImageSource source, final ImagePlus imp, final String base,
		final Path packageDir, final ExportRequest request, final ExportSummary summary) throws IOException
	{
		final List<ExportedFile> files = new ArrayList<>();
		final ExportOptions options = request.options();
		final String sourceImage = options.includeImage() ? LabelPackaging.imagePath(base) : source.sourceName();
		final boolean hasLabels = !source.labelFiles().isEmpty() || !source.labelImages().isEmpty();
		// the ROIs read once, for their annotation files and for a label image made from them
		final List<Roi> rois = options.labelsFromRois() != null ? new ArrayList<>() : null;
		final boolean withRois = !source.rois().isEmpty() || !source.roiFiles().isEmpty() || !hasLabels;
		if (withRois)
			files.addAll(new RoiExport(warnings, progress).write(source, imp, base, sourceImage, packageDir,
				options.formats(), summary, rois));
		else if (options.formats().contains(ExportFormat.POINTS_CSV)) {
			summary.warned();
			warnings.accept(source.sourceName() + ": points CSV not written: only label images given, and they hold no points");
		}
		// opened once, for the label OME-Zarr, their outlines and their COCO
		final List<ImagePlus> labels = LabelPackaging.labelImages(source);
		if (hasLabels || options.labelsFromRois() != null || options.includeImage())
			files.addAll(new LabelPackaging(warnings).write(source, labels, rois, imp, base, sourceImage, packageDir,
				options));
		if (hasLabels && options.roisFromLabels()) {
			for (final ImagePlus l : labels)
				files.addAll(labelOutlines(l, base, sourceImage, packageDir, summary));
		}
		if (hasLabels && options.formats().contains(ExportFormat.COCO)) {
			for (final ImagePlus l : labels) {
				final String name = LabelPackaging.labelName(l);
				// a label image named as the image gets _labels: the ROIs' COCO is <base>.coco.json
				files.addAll(new LabelCocoExport(warnings).write(l, name.equals(base) ? name + "_labels" : name,
					source.sourceName(), base, sourceImage, packageDir, summary));
			}
		}
		return files;
	}

	/** One GeoJSON of label outlines per channel of {@code labels} ({@code _c1_outlines} ... when several). */
	private static List<ExportedFile> labelOutlines(final ImagePlus labels, final String base, final String sourceImage,
		final Path packageDir, final ExportSummary summary) throws IOException
	{
		final String path = "annotations/" + base + "/" + LabelPackaging.labelName(labels) + "_outlines.geojson";
		Files.createDirectories(packageDir.resolve(path).getParent());
		final List<ExportedFile> files = new ArrayList<>();
		for (int c = 1; c <= labels.getNChannels(); c++) {
			final String p = labels.getNChannels() > 1 ? path.replace("_outlines", "_c" + c + "_outlines") : path;
			final long n;
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packageDir.resolve(p)));
				GeoJsonWriter w = new GeoJsonWriter(out))
			{
				n = LabelsToAnnotations.write(labels, c, w);
			}
			for (long i = 0; i < n; i++)
				summary.added(io.github.biaannotations.model.Annotation.Kind.AREA);
			// found reviewing the export: a multi-channel label image listed one file that was never written
			files.add(new ExportedFile(p, sourceImage, ExportedFile.Content.SHAPES, 0, 0, Math.max(n, 1), false, null));
		}
		return files;
	}

	/** mifa/, annotations.tsv and submission.json from the metadata and one file-level row per file. */
	private static void writeSubmission(final MifaMetadata m, final List<ExportedFile> files, final List<String> images,
		final Path dir, final LocalDate today, final Instant now) throws IOException
	{
		writeSubmission(m, rows(files, now), images, dir, today);
	}

	/** One file-level row per exported file. */
	private static List<FileLevelMetadata> rows(final List<ExportedFile> files, final Instant now) {
		final List<FileLevelMetadata> rows = new ArrayList<>();
		for (final ExportedFile f : files)
			rows.add(FileLevelMetadata.forFile(f.path, f.sourceImage, types(f), now,
				f.centreShifted ? FileLevelMetadata.IMAGEJ_CENTRE_SHIFT : null,
				f.calibration == null ? null : "Coordinates in pixels; pixel size " + f.calibration));
		return rows;
	}

	/**
	 * Writes the submission files of a package: {@code mifa/} (with the file-level rows), {@code annotations.tsv},
	 * {@code images.tsv} when images are included, {@code submission.json}. MIFA gives annotation types per file
	 * only: a type declared for the whole set that says how the annotations were made (class labels, tracks,
	 * weak annotations ...) is added to every row; a type of content (segmentation mask, points, boxes, shapes)
	 * is each row's own, from what its file holds. The PageTab's {@code Annotation Type} lists the rows' types.
	 */
	public static void writeSubmission(final MifaMetadata m, final List<FileLevelMetadata> rows, final List<String> images,
		final Path dir, final LocalDate today) throws IOException
	{
		final List<String> declared = new ArrayList<>(m.annotations().types());
		m.annotations().files().clear();
		m.annotations().types().clear();
		for (final FileLevelMetadata r : rows) {
			for (final String t : declared)
				if (t != null && !t.isBlank() && !AnnotationType.parse(t).map(AnnotationTypeRule::isFromContent)
					.orElse(false) && !r.types().contains(t.trim())) r.types().add(t.trim());
			m.annotations().files().add(r);
		}
		m.annotations().types().addAll(m.annotations().effectiveTypes());
		m.writeTemplates(dir.resolve(MIFA_DIR));
		Files.write(dir.resolve(ANNOTATION_LIST), PageTabBuilder.fileListTsv(rows).getBytes(StandardCharsets.UTF_8));
		final PageTabBuilder pageTab = new PageTabBuilder(m).annotationFileList(ANNOTATION_LIST);
		if (!images.isEmpty()) {
			final StringBuilder tsv = new StringBuilder("Files\tdescription\n");
			for (final String i : images)
				tsv.append(i).append("\tsource image as OME-Zarr\n");
			Files.write(dir.resolve(IMAGE_LIST), tsv.toString().getBytes(StandardCharsets.UTF_8));
			pageTab.imageFileList(IMAGE_LIST, "Source images", "The annotated images as OME-Zarr. Their annotation " +
				"files, label images included, are in the annotation file list, each naming its image in " +
				PageTabBuilder.SOURCE_IMAGE + ".");
		}
		Files.write(dir.resolve(SUBMISSION), PageTabBuilder.toJson(pageTab.build(today)).getBytes(StandardCharsets.UTF_8));
	}

	static List<AnnotationType> types(final ExportedFile f) {
		switch (f.content) {
			case LABELS:
				return List.of(AnnotationTypeRule.forLabelImage());
			case POINTS:
				return List.of(AnnotationType.POINT_ANNOTATIONS);
			default:
				if (f.points + f.rectangles + f.otherShapes == 0) return List.of(AnnotationType.GEOMETRICAL_ANNOTATIONS);
				return AnnotationTypeRule.typesForRois((int) Math.min(f.points, Integer.MAX_VALUE),
					(int) Math.min(f.rectangles, Integer.MAX_VALUE), (int) Math.min(f.otherShapes, Integer.MAX_VALUE));
		}
	}
}
