package io.github.biaannotations.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.biaannotations.formats.AnnotationFormat;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * The annotation files of one image, in order: its ROIs in every format asked for ({@link RoiExport}), its
 * label images and the image itself as OME-Zarr ({@link LabelExport}), then the label images' outlines in
 * each format that writes them ({@link LabelOutlineExport}: GeoJSON on request, COCO when asked for).
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
		else for (final AnnotationFormat f : options.formats())
			if (!f.writesLabelImages(options.roisFromLabels())) image.warn(image.name() + ": " + f.title() +
				" not written: only label images given, and they hold no " + holds(f));
		if (hasLabels || options.labelsFromRois() != null || options.includeImage())
			files.addAll(new LabelExport(image).write());
		if (hasLabels) for (final AnnotationFormat f : options.formatsWritten())
			if (f.writesLabelImages(options.roisFromLabels())) for (final ImageContext.LabelInput l : image
				.labelImages())
				files.addAll(new LabelOutlineExport(image).write(l, f));
		return files;
	}

	/** What a format holds, in words: "points", "areas and lines". */
	private static String holds(final AnnotationFormat f) {
		final List<String> words = new ArrayList<>();
		for (final AnnotationFormat.Holds h : f.holds())
			words.add(h.toString());
		return words.size() == 1 ? words.get(0) : String.join(", ", words.subList(0, words.size() - 1)) + " and " +
			words.get(words.size() - 1);
	}
}
