package io.github.biaannotations.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import ij.ImagePlus;

import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.model.AtomicDirectory;
import io.github.biaannotations.model.InputException;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.model.Warnings;
import io.github.biaannotations.submission.AnnotationFile;
import io.github.biaannotations.submission.Manifest;
import io.github.biaannotations.submission.OutputFolder;
import io.github.biaannotations.submission.PackageLayout;
import io.github.biaannotations.submission.PackageMetadata;
import io.github.biaannotations.submission.SubmissionFiles;

/**
 * Builds the package folder ({@link PackageLayout}): the annotation files of every image ({@link ImageExport}),
 * and with metadata the MIFA templates, the file lists and {@code submission.json} ({@link SubmissionFiles});
 * always {@code manifest.json}. Metadata is checked before anything is written; the folder appears only when
 * complete. The one entry point of an export for the command line, Fiji, scripts and batch.
 */
public final class PackageExport {

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
		if (request.images().isEmpty()) throw new InputException("nothing to export: no image given");
		final ExportOptions options = request.options();
		final Warnings warnings = new Warnings(this.warnings);
		final MifaMetadata metadata = PackageMetadata.checked(request.metadata(), options.draft(), options
			.releaseDate(), today, now, warnings);
		if (options.overwrite()) OutputFolder.checkReplaceable(request.out(), inputs(request));
		try (AtomicDirectory dir = new AtomicDirectory(request.out(), options.overwrite())) {
			final ExportSummary summary = new ExportSummary(dir.target(), warnings);
			final Map<String, String> renamed = new LinkedHashMap<>();
			final Set<String> bases = new LinkedHashSet<>();
			final List<AnnotationFile> files = exportImages(request, dir.path(), summary, renamed, bases);
			final List<String> images = new ArrayList<>();
			if (options.includeImage()) for (final String b : bases)
				images.add(PackageLayout.image(b));
			if (metadata != null) SubmissionFiles.write(metadata, SubmissionFiles.rows(files, now), images, dir.path(),
				today);
			for (final AnnotationFile f : files) {
				summary.addFile(f.path);
				if (f.content == AnnotationFile.Content.LABELS) summary.addedLabelImage();
			}
			for (final String i : images)
				summary.addFile(i);
			Manifest.of(dir.path(), PackageLayout.TOOL, now, renamed, progress).withReleaseDateChosen(metadata != null && metadata
				.releaseDate() != null).write(dir.path().resolve(PackageLayout.MANIFEST));
			if (metadata != null) {
				summary.addFile(PackageLayout.SUBMISSION);
				summary.addFile(PackageLayout.ANNOTATION_LIST);
				if (!images.isEmpty()) summary.addFile(PackageLayout.IMAGE_LIST);
				summary.addFile(PackageLayout.MIFA_DIR + "/");
			}
			summary.addFile(PackageLayout.MANIFEST);
			dir.commit();
			return summary;
		}
	}

	/**
	 * Writes only the files of the request's images into {@code request.out()} (replaced once whole): the
	 * annotation files, the image when included, and their file-level rows in {@code mifa/} in the archive's
	 * template form. No study metadata is checked or written, and there are no file lists, submission or
	 * manifest. Batch export keeps one such folder per image and assembles the package from them.
	 */
	public ExportSummary exportFiles(final ExportRequest request, final Instant now) throws IOException {
		if (request.images().isEmpty()) throw new InputException("nothing to export: no image given");
		try (AtomicDirectory dir = new AtomicDirectory(request.out(), request.options().overwrite())) {
			final ExportSummary summary = new ExportSummary(dir.target(), new Warnings(warnings));
			final List<AnnotationFile> files = exportImages(request, dir.path(), summary, new LinkedHashMap<>(),
				new LinkedHashSet<>());
			final MifaMetadata rowsOnly = new MifaMetadata();
			rowsOnly.annotations().files().addAll(SubmissionFiles.rows(files, now));
			rowsOnly.writeTemplates(dir.path().resolve(PackageLayout.MIFA_DIR));
			dir.commit();
			return summary;
		}
	}

	/** The files an export reads: images, ROI files, label image files. */
	private static List<Path> inputs(final ExportRequest request) {
		final List<Path> inputs = new ArrayList<>();
		for (final AnnotatedImage source : request.images()) {
			if (source.imageFile() != null) inputs.add(source.imageFile());
			inputs.addAll(source.roiFiles());
			inputs.addAll(source.labelFiles());
		}
		return inputs;
	}

	/** Every image's annotation files; records the names given ({@code bases}) and those changed ({@code renamed}). */
	private List<AnnotationFile> exportImages(final ExportRequest request, final Path packageDir,
		final ExportSummary summary, final Map<String, String> renamed, final Set<String> bases) throws IOException
	{
		final List<AnnotationFile> files = new ArrayList<>();
		int index = 0;
		for (final AnnotatedImage source : request.images()) {
			progress.update("Exporting " + source.sourceName(), index++, request.images().size());
			final ImagePlus imp = source.open();
			final String base = ImageContext.unique(ArchivePaths.safeName(source.baseName()), bases);
			if (!base.equals(source.baseName())) renamed.put(source.sourceName(), PackageLayout.ANNOTATIONS_DIR + "/" +
				base);
			files.addAll(new ImageExport(new ImageContext(source, imp, base, packageDir, request.options(), summary,
				summary.warningList(), progress)).write());
		}
		return files;
	}
}
