package io.github.biaannotations.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.imagej.IntensityImages;
import io.github.biaannotations.imagej.RoiLabels;
import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.IntensityImage;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.ngff.ExportedLabels;
import io.github.biaannotations.ngff.OmeZarrExporter;
import io.github.biaannotations.submission.AnnotationFile;
import io.github.biaannotations.submission.PackageLayout;

/**
 * The OME-Zarr part of a package for one image: its label images (given, or made from its ROIs) as
 * {@code annotations/<image>/<labels>.ome.zarr}, and when the image is included, the image as
 * {@code images/<image>.ome.zarr}, which each label image names as its {@code image-label} source.
 */
final class LabelExport {

	private final ImageContext image;

	LabelExport(final ImageContext image) {
		this.image = image;
	}

	/** @return the label files written (the image itself is not an annotation file) */
	List<AnnotationFile> write() throws IOException {
		final ImagePlus imp = image.image;
		final String base = image.base;
		final List<LabelImage> labels = new ArrayList<>();
		final Set<String> names = new HashSet<>();
		for (final ImageContext.LabelInput l : image.labelImages()) {
			names.add(l.name);
			labels.addAll(l.channels);
		}
		RoiLabels fromRois = null;
		if (image.options.labelsFromRois() != null) {
			fromRois = new RoiLabels(rois(), imp, image.options.labelsFromRois(), image.warnings);
			final String name = ImageContext.unique(names.contains(base + "_labels") ? base + "_roi_labels" : base +
				"_labels", names);
			labels.add(fromRois.image(name, imp)); // the ROIs' pixels are the image's: same scale and units
		}
		for (final LabelImage l : labels)
			checkSameSize(l);
		// the longest step: the writer tells every plane written, of every label image and of the image
		final OmeZarrExporter exporter = new OmeZarrExporter(image.options.zarrOptions().withProgress(image.progress));
		final List<AnnotationFile> files = new ArrayList<>();
		// With the image included, its label images still go beside the other annotation files, each its own
		// OME-Zarr naming the image as its image-label source: the archive refuses a listed folder (the image)
		// together with a listed path inside it, and pairs an annotation with its image by the file lists.
		IntensityImage included = null;
		if (image.options.includeImage()) {
			included = IntensityImages.fromImagePlus(imp, base);
			exporter.exportImage(included, List.of(), image.file(PackageLayout.image(base)));
		}
		for (final LabelImage l : labels) {
			final String path = PackageLayout.labelImage(base, l.name());
			warnIfEmpty(included == null ? exporter.exportLabels(l, image.file(path), null) : exporter.exportLabels(l,
				image.file(path), PackageLayout.imageFromLabelImage(base), included));
			files.add(AnnotationFile.labels(path, image.sourceImage));
		}
		if (fromRois != null && fromRois.overlapPixels() > 0) image.warnings.accept(image.name() + ": " + fromRois
			.overlapPixels() + " pixels are covered by more than one ROI; in the label image the later ROI wins");
		return files;
	}

	/** The ROIs the annotation files were made from: a label image from ROIs is made from the same ROIs. */
	private List<Roi> rois() {
		final List<Roi> rois = image.roisRead();
		if (rois.isEmpty()) throw new ImageException(image.name() + ": no ROIs to make a label image from" +
			(image.input.hasRois() ? "" : ": give them (the image's overlay counts only when no label image is given)"), image.name(), image.input.imageFile());
		return rois;
	}

	/** A label image without a single label (all background) is most likely the wrong file or channel: say so. */
	private void warnIfEmpty(final ExportedLabels e) {
		if (e.statistics().keySet().stream().noneMatch(v -> v != 0)) image.warnings.accept("label image \"" + e
			.name() + "\" has no labels: every voxel is 0 (background); is it the right file or channel?");
	}

	/**
	 * A label image annotates its image pixel for pixel: refuse one whose t, z, y or x size differs (a label
	 * image of another image, or of a crop), whether or not the image itself goes into the package.
	 */
	private void checkSameSize(final LabelImage l) {
		final ImagePlus imp = image.image;
		if (l.sizeT() != imp.getNFrames() || l.sizeZ() != imp.getNSlices() || l.sizeY() != imp.getHeight() || l
			.sizeX() != imp.getWidth()) throw new ImageException("label image \"" + l.name() + "\" is t=" +
				l.sizeT() + " z=" + l.sizeZ() + " y=" + l.sizeY() + " x=" + l.sizeX() + " but image \"" + image
					.sourceImage + "\" is t=" + imp.getNFrames() + " z=" + imp.getNSlices() + " y=" + imp.getHeight() +
				" x=" + imp.getWidth() + ": they must match in t, z, y and x", l.name(), null);
	}
}
