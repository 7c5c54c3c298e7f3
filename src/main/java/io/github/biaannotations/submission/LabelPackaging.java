package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;

import io.github.biaannotations.convert.ExportedFile;
import io.github.biaannotations.convert.ImageSource;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.imagej.LabelImages;
import io.github.biaannotations.imagej.OmeZarrImages;
import io.github.biaannotations.imagej.RoiLabels;
import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.model.Rgb;
import io.github.biaannotations.ngff.ExportedLabels;
import io.github.biaannotations.ngff.Hyperstack;
import io.github.biaannotations.ngff.LabelImage;
import io.github.biaannotations.ngff.LabelInfo;
import io.github.biaannotations.ngff.OmeZarrExporter;
import io.github.biaannotations.ngff.SourceImage;

/**
 * The OME-Zarr part of a package for one image: its label images (given, or made from its ROIs) as
 * {@code annotations/<image>/<labels>.ome.zarr}, and when the image is included, the image as
 * {@code images/<image>.ome.zarr}, which each label image names as its {@code image-label} source.
 */
final class LabelPackaging {

	static final String IMAGES_DIR = "images/";
	/** From a label image's folder ({@code annotations/<image>/<name>.ome.zarr}) up to the package folder. */
	private static final String IMAGE_FROM_LABELS = "../../../";

	private final Consumer<String> warnings;

	LabelPackaging(final Consumer<String> warnings) {
		this.warnings = warnings;
	}

	/** Where the image goes in the package when it is included. */
	static String imagePath(final String base) {
		return IMAGES_DIR + base + ".ome.zarr";
	}

	/** Where a label image of the image goes in the package, whether or not the image is included. */
	static String labelPath(final String base, final String name) {
		return "annotations/" + base + "/" + name + ".ome.zarr";
	}

	/**
	 * @param labelImages the source's label images, opened ({@link #labelImages})
	 * @param rois the ROIs read for the annotation files (null or empty: the image overlay is used)
	 * @param sourceImage the image as the file list names it
	 * @return the label files written (the image itself is not an annotation file)
	 */
	List<ExportedFile> write(final ImageSource source, final List<ImagePlus> labelImages, final List<Roi> rois,
		final ImagePlus imp, final String base, final String sourceImage, final Path packageDir,
		final ExportOptions options) throws IOException
	{
		final List<LabelImage> labels = new ArrayList<>();
		final Set<String> names = new HashSet<>();
		for (final ImagePlus l : labelImages)
			labels.addAll(LabelImages.fromImagePlus(l, unique(labelName(l), names), Map.of()));
		RoiLabels fromRois = null;
		if (options.labelsFromRois() != null) {
			fromRois = new RoiLabels(roisOrOverlay(rois, source, imp), imp, options.labelsFromRois(), warnings);
			final String name = unique(names.contains(base + "_labels") ? base + "_roi_labels" : base + "_labels", names);
			final ImagePlus drawn = fromRois.image(name);
			drawn.setCalibration(imp.getCalibration()); // the ROIs' pixels are the image's: same scale and units
			labels.addAll(LabelImages.fromImagePlus(drawn, name, info(fromRois)));
		}
		for (final LabelImage l : labels)
			checkSameSize(l, imp, sourceImage);
		final OmeZarrExporter exporter = new OmeZarrExporter(options.zarrOptions());
		final List<ExportedFile> files = new ArrayList<>();
		// With the image included, its label images still go beside the other annotation files, each its own
		// OME-Zarr naming the image as its image-label source: the archive refuses a listed folder (the image)
		// together with a listed path inside it, and pairs an annotation with its image by the file lists.
		SourceImage included = null;
		if (options.includeImage()) {
			included = OmeZarrImages.fromImagePlus(imp, base);
			Files.createDirectories(packageDir.resolve(IMAGES_DIR));
			exporter.exportImage(included, List.of(), packageDir.resolve(imagePath(base)));
		}
		for (final LabelImage l : labels) {
			final String path = labelPath(base, l.name());
			Files.createDirectories(packageDir.resolve(path).getParent());
			warnIfEmpty(included == null ? exporter.exportLabels(l, packageDir.resolve(path), null) : exporter
				.exportLabels(l, packageDir.resolve(path), IMAGE_FROM_LABELS + imagePath(base), included));
			files.add(labelFile(path, sourceImage));
		}
		if (fromRois != null && fromRois.overlapPixels() > 0)
			warnings.accept(source.sourceName() + ": " + fromRois.overlapPixels() + " pixels are covered by more than one ROI; " +
				"in the label image the later ROI wins");
		return files;
	}

	private static ExportedFile labelFile(final String path, final String sourceImage) {
		return new ExportedFile(path, sourceImage, ExportedFile.Content.LABELS, 0, 0, 0, false, null);
	}

	/** A label image's name in the package: its file or title without extension, made safe for the archive. */
	static String labelName(final ImagePlus labels) {
		return ArchivePaths.safeName(ImageFiles.baseName(Paths.get(labels.getTitle())));
	}

	/** {@code name}, or {@code name_2}, {@code name_3} ... when taken; the name returned is added to {@code used}. */
	static String unique(final String name, final Set<String> used) {
		String n = name;
		for (int i = 2; !used.add(n); i++)
			n = name + "_" + i;
		return n;
	}

	/** The source's label images: those given open, then those given as files, opened. */
	static List<ImagePlus> labelImages(final ImageSource source) throws IOException {
		final List<ImagePlus> list = new ArrayList<>(source.labelImages());
		for (final Path p : source.labelFiles())
			list.add(ImageFiles.open(p));
		return list;
	}

	/** A label image without a single label (all background) is most likely the wrong file or channel: say so. */
	private void warnIfEmpty(final ExportedLabels e) {
		if (e.statistics().keySet().stream().noneMatch(v -> v != 0)) warnings.accept("label image \"" + e.name() +
			"\" has no labels: every voxel is 0 (background); is it the right file or channel?");
	}

	/**
	 * A label image annotates its image pixel for pixel: refuse one whose t, z, y or x size differs (a label
	 * image of another image, or of a crop), whether or not the image itself goes into the package.
	 */
	private static void checkSameSize(final LabelImage l, final ImagePlus imp, final String image) {
		final Hyperstack d = l.data();
		if (d.sizeT() != imp.getNFrames() || d.sizeZ() != imp.getNSlices() || d.sizeY() != imp.getHeight() || d
			.sizeX() != imp.getWidth()) throw new IllegalArgumentException("label image \"" + l.name() + "\" is t=" +
				d.sizeT() + " z=" + d.sizeZ() + " y=" + d.sizeY() + " x=" + d.sizeX() + " but image \"" + image +
				"\" is t=" + imp.getNFrames() + " z=" + imp.getNSlices() + " y=" + imp.getHeight() + " x=" + imp
					.getWidth() + ": they must match in t, z, y and x");
	}

	/** The ROIs the annotation files were made from (in memory, then from files), else the overlay's. */
	private static List<Roi> roisOrOverlay(final List<Roi> read, final ImageSource source, final ImagePlus imp) {
		final List<Roi> rois = new ArrayList<>(read == null ? List.of() : read);
		if (rois.isEmpty()) {
			final Overlay overlay = imp.getOverlay();
			if (overlay != null) for (int i = 0; i < overlay.size(); i++)
				rois.add(overlay.get(i));
		}
		if (rois.isEmpty()) throw new IllegalArgumentException(source.sourceName() + ": no ROIs to make a label image from");
		return rois;
	}

	private static Map<Long, LabelInfo> info(final RoiLabels labels) {
		final Map<Long, LabelInfo> info = new LinkedHashMap<>();
		for (final RoiLabels.Label l : labels.labels().values())
			info.put((long) l.value, new LabelInfo(l.name, l.className, l.colour == null ? null : Rgb.ofArgb(l.colour.getRGB())));
		return info;
	}
}
