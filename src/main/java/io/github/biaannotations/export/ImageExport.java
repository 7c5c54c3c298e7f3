package io.github.biaannotations.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.imagej.LabelsToAnnotations;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * The annotation files of one image, in order: its ROIs in every format asked for ({@link RoiExport}), its
 * label images and the image itself as OME-Zarr ({@link LabelExport}), the label images' outlines as GeoJSON
 * and their COCO ({@link LabelCocoExport}).
 */
final class ImageExport {

	private final ImageContext image;

	ImageExport(final ImageContext image) {
		this.image = image;
	}

	/** @return the annotation files written, in file-list order */
	List<AnnotationFile> write() throws IOException {
		final ExportOptions options = image.options;
		final List<AnnotationFile> files = new ArrayList<>();
		final boolean hasLabels = image.input.hasLabels();
		if (image.hasRois()) files.addAll(new RoiExport(image).write());
		else if (options.formats().contains(ExportFormat.POINTS_CSV)) image.warn(image.name() +
			": points CSV not written: only label images given, and they hold no points");
		if (hasLabels || options.labelsFromRois() != null || options.includeImage())
			files.addAll(new LabelExport(image).write());
		if (hasLabels && options.roisFromLabels()) {
			for (final ImagePlus l : image.labelImages())
				files.addAll(outlines(l));
		}
		if (hasLabels && options.formats().contains(ExportFormat.COCO)) {
			for (final ImagePlus l : image.labelImages()) {
				final String name = LabelExport.labelName(l);
				// a label image named as the image gets _labels: the ROIs' COCO is <base>.coco.json
				files.addAll(new LabelCocoExport(image).write(l, name.equals(image.base) ? name + "_labels" : name));
			}
		}
		return files;
	}

	/** One GeoJSON of label outlines per channel of {@code labels} ({@code _c1_outlines} ... when several). */
	private List<AnnotationFile> outlines(final ImagePlus labels) throws IOException {
		final String path = image.annotationFile(LabelExport.labelName(labels) + "_outlines.geojson");
		final List<AnnotationFile> files = new ArrayList<>();
		for (int c = 1; c <= labels.getNChannels(); c++) {
			final String p = labels.getNChannels() > 1 ? path.replace("_outlines", "_c" + c + "_outlines") : path;
			final long n;
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(image.file(p)));
				GeoJsonWriter w = new GeoJsonWriter(out))
			{
				n = LabelsToAnnotations.write(labels, c, w);
			}
			for (long i = 0; i < n; i++)
				image.summary.added(Annotation.Kind.AREA);
			// found reviewing the export: a multi-channel label image listed one file that was never written
			files.add(new AnnotationFile(p, image.sourceImage, AnnotationFile.Content.SHAPES, 0, 0, Math.max(n, 1),
				false, null));
		}
		return files;
	}
}
