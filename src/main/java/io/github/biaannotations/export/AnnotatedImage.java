package io.github.biaannotations.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.model.InputException;
import io.github.biaannotations.model.LabelImage;

/**
 * One image to export and what annotates it: ROI files and/or ROIs in memory (from Fiji's ROI Manager or
 * overlay), and label images, open, as files or as imglib2 rasters ({@link LabelImage#of}, what Labkit, StarDist
 * or CLIJ give scripts). An export input: files are opened when the export reads them.
 * Without ROIs and label images, the image's own overlay is exported ({@link ImageContext}).
 */
public final class AnnotatedImage {

	private final Path imageFile;
	private final ImagePlus image;
	private final String sourceName;
	private final List<Path> roiFiles;
	private final List<Roi> rois;
	private final List<Path> labelFiles;
	private final List<ImagePlus> labelImages;
	private final List<LabelImage> labelRasters;

	private AnnotatedImage(final Path imageFile, final ImagePlus image, final String sourceName, final List<Path> roiFiles,
		final List<Roi> rois, final List<Path> labelFiles, final List<ImagePlus> labelImages,
		final List<LabelImage> labelRasters)
	{
		this.imageFile = imageFile;
		this.image = image;
		this.sourceName = sourceName;
		this.roiFiles = Collections.unmodifiableList(new ArrayList<>(roiFiles));
		this.rois = Collections.unmodifiableList(new ArrayList<>(rois));
		this.labelFiles = Collections.unmodifiableList(new ArrayList<>(labelFiles));
		this.labelImages = Collections.unmodifiableList(new ArrayList<>(labelImages));
		this.labelRasters = Collections.unmodifiableList(new ArrayList<>(labelRasters));
	}

	/**
	 * An image file with ROI files ({@code .roi}, {@code RoiSet.zip}, TIFFs with overlays) and label image
	 * files. With neither ROI files nor labels, the image's own overlay is exported.
	 */
	public static AnnotatedImage ofFiles(final Path image, final List<Path> roiFiles, final List<Path> labelFiles) {
		refuseTwice(roiFiles, "ROI file");
		refuseTwice(labelFiles, "label image file");
		return new AnnotatedImage(image, null, image.getFileName().toString(), roiFiles, List.of(), labelFiles, List.of(),
			List.of());
	}

	/** A file given twice would export its annotations twice: refuse it, naming it. */
	private static void refuseTwice(final List<Path> files, final String what) {
		final java.util.Set<Path> seen = new java.util.HashSet<>();
		for (final Path f : files)
			if (!seen.add(f.toAbsolutePath().normalize())) throw new InputException(f + ": " + what +
				" given twice", f, null, null, null);
	}

	/**
	 * An open image (Fiji) with its ROIs and label images.
	 *
	 * @param sourceName the image's file name as the annotations will refer to it (its title when unsaved)
	 */
	public static AnnotatedImage ofImage(final ImagePlus image, final String sourceName, final List<Roi> rois,
		final List<ImagePlus> labelImages)
	{
		return ofImage(image, sourceName, rois, labelImages, List.of());
	}

	/** An open image (Fiji) with its ROIs, open label images and label image files. */
	public static AnnotatedImage ofImage(final ImagePlus image, final String sourceName, final List<Roi> rois,
		final List<ImagePlus> labelImages, final List<Path> labelFiles)
	{
		return new AnnotatedImage(null, image, sourceName, List.of(), rois, labelFiles, labelImages, List.of());
	}

	/**
	 * An open image with its ROIs and label images as imglib2 rasters (a label image without calibration takes
	 * the image's).
	 */
	public static AnnotatedImage ofRasters(final ImagePlus image, final String sourceName, final List<Roi> rois,
		final List<LabelImage> labels)
	{
		return new AnnotatedImage(null, image, sourceName, List.of(), rois, List.of(), List.of(), labels);
	}

	/** The image, opened (virtually, for TIFFs) from its file when it was given as one. */
	public ImagePlus open() throws IOException {
		return image != null ? image : ImageFiles.open(imageFile);
	}

	/** The image's file name (or title) as the annotations refer to it. */
	public String sourceName() { return sourceName; }
	/** Base name of everything exported for this image (not yet made archive-safe). */
	public String baseName() { return imageFile != null ? ImageFiles.baseName(imageFile) : ImageFiles.baseName(java.nio.file.Paths.get(sourceName)); }
	public Path imageFile() { return imageFile; }
	public List<Path> roiFiles() { return roiFiles; }
	public List<Roi> rois() { return rois; }
	public List<Path> labelFiles() { return labelFiles; }
	public List<ImagePlus> labelImages() { return labelImages; }

	/** Whether ROIs are given, in memory or as files. */
	boolean hasRois() {
		return !roiFiles.isEmpty() || !rois.isEmpty();
	}

	/** The label images given as rasters. */
	public List<LabelImage> labelRasters() { return labelRasters; }

	/** Whether label images are given, open, as files or as rasters. */
	boolean hasLabels() {
		return !labelFiles.isEmpty() || !labelImages.isEmpty() || !labelRasters.isEmpty();
	}
}
