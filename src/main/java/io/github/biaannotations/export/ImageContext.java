package io.github.biaannotations.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.imagej.ImagePlusRasters;
import io.github.biaannotations.imagej.ImageRois;
import io.github.biaannotations.imagej.LabelImages;
import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.model.Warnings;
import io.github.biaannotations.submission.PackageLayout;

/**
 * One image being exported: its inputs, opened once; where its files go; the options; and where the export
 * records what it wrote and warns. Every step of an image's export ({@link RoiExport}, {@link LabelExport},
 * {@link LabelOutlineExport}) takes this instead of a long list of parameters.
 * <p>
 * Where the ROIs come from is decided here once: the ROIs given (in memory, then from files); when neither ROIs
 * nor label images are given, the image's own overlay ({@link ImageRois#overlayOf}); otherwise none. A label
 * image made from ROIs is made from the same ROIs, read once.
 */
final class ImageContext {

	final AnnotatedImage input;
	/** The image, opened (virtually, for TIFFs: pixels are read when asked for). */
	final ImagePlus image;
	/** The archive-safe base name of the image's files, unique in the package. */
	final String base;
	/** The image as the package's file lists name it: its file name, or its OME-Zarr in the package. */
	final String sourceImage;
	final Path packageDir;
	final ExportOptions options;
	final ExportSummary summary;
	/** The export's one list of warnings, which the summary counts. */
	final Warnings warnings;
	final Progress progress;
	private List<LabelInput> labelImages;
	/** The ROIs read while their files were written, kept when a label image is made from them. */
	private final List<Roi> roisRead;

	ImageContext(final AnnotatedImage input, final ImagePlus image, final String base, final Path packageDir,
		final ExportOptions options, final ExportSummary summary, final Warnings warnings, final Progress progress)
	{
		this.input = input;
		this.image = image;
		this.base = base;
		this.sourceImage = options.includeImage() ? PackageLayout.image(base) : input.sourceName();
		this.packageDir = packageDir;
		this.options = options;
		this.summary = summary;
		this.warnings = warnings;
		this.progress = progress;
		this.roisRead = options.labelsFromRois() != null ? new ArrayList<>() : null;
	}

	/** The image's name as messages give it: its file name or title. */
	String name() {
		return input.sourceName();
	}

	/** Whether the image has ROIs to write: given, or its overlay when nothing else is given. */
	boolean hasRois() {
		return input.hasRois() || !input.hasLabels();
	}

	/** Whether the ROIs are the image's own overlay: neither ROIs nor label images were given. */
	boolean roisFromOverlay() {
		return !input.hasRois() && !input.hasLabels();
	}

	/** The overlay's ROIs, when they are the image's ROIs. */
	List<Roi> overlay() {
		return ImageRois.overlayOf(image);
	}

	/** Where each ROI read is kept for a label image made from them; null when none is asked for. */
	List<Roi> roisRead() {
		return roisRead;
	}

	/** A label image given, with its name in the package and its rasters, one per channel. */
	static final class LabelInput {

		/** Its file name, title or given name without extension, made safe for the archive and unique here. */
		final String name;
		/** One label image per channel of the one given ({@code <name>_c1} ... when several). */
		final List<LabelImage> channels;

		LabelInput(final String name, final List<LabelImage> channels) {
			this.name = name;
			this.channels = channels;
		}
	}

	/**
	 * The label images: those given open, then as files (opened), then as rasters, each made a model label
	 * image once for every step that reads it (the OME-Zarr, the outlines in every format), with the one name
	 * all its files have. A raster without calibration takes the image's.
	 */
	List<LabelInput> labelImages() throws IOException {
		if (labelImages == null) {
			final List<ImagePlus> opened = new ArrayList<>(input.labelImages());
			for (final Path p : input.labelFiles())
				opened.add(ImageFiles.open(p));
			final Set<String> names = new HashSet<>();
			final List<LabelInput> list = new ArrayList<>();
			for (final ImagePlus l : opened) {
				final String name = unique(ArchivePaths.safeName(ImageFiles.baseName(Paths.get(l.getTitle()))), names);
				list.add(new LabelInput(name, LabelImages.fromImagePlus(l, name, Map.of())));
			}
			for (final LabelImage l : input.labelRasters()) {
				final String name = unique(ArchivePaths.safeName(l.name()), names);
				list.add(new LabelInput(name, List.of(new LabelImage(name, l.raster(), l.calibration() != null ? l
					.calibration() : ImagePlusRasters.calibrationOf(image), l.info(), l.lutColours()))));
			}
			labelImages = Collections.unmodifiableList(list);
		}
		return labelImages;
	}

	/** {@code name}, or {@code name_2}, {@code name_3} ... when taken; the name returned is added to {@code used}. */
	static String unique(final String name, final Set<String> used) {
		String n = name;
		for (int i = 2; !used.add(n); i++)
			n = name + "_" + i;
		return n;
	}

	/** A file of the package ({@link PackageLayout} path), its folder created. */
	Path file(final String packagePath) throws IOException {
		final Path f = packageDir.resolve(packagePath);
		Files.createDirectories(f.getParent());
		return f;
	}

	/** An annotation file of this image: {@code annotations/<base>/<fileName>}. */
	String annotationFile(final String fileName) {
		return PackageLayout.annotationFile(base, fileName);
	}

	void warn(final String message) {
		warnings.accept(message);
	}
}
