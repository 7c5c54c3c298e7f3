package io.github.biaannotations.formats;

/**
 * What the export handed to a file's writer, which decides with it how the file list describes the file:
 * where it is, for which image, and how many annotations of each kind it was given (from ROIs), or which label
 * image it was made from.
 */
public final class WrittenAnnotations {

	/** Package-relative path of the file. */
	public final String path;
	/** The image as the file lists name it. */
	public final String sourceImage;
	/** The image as messages name it (its file name or title). */
	public final String imageName;
	/** Pixel size and unit of the image, e.g. "0.65 x 0.65 micrometer", or null when uncalibrated. */
	public final String calibration;
	public final long points;
	public final long lines;
	public final long areas;
	/** Of the areas, how many are rectangles. */
	public final long rectangles;
	/** Slices of the image. */
	public final int slices;
	/** The label image the file outlines (with its channel suffix), or null for a file of ROIs. */
	public final String labelImage;

	private WrittenAnnotations(final String path, final String sourceImage, final String imageName,
		final String calibration, final long points, final long lines, final long areas, final long rectangles,
		final int slices, final String labelImage)
	{
		this.path = path;
		this.sourceImage = sourceImage;
		this.imageName = imageName;
		this.calibration = calibration;
		this.points = points;
		this.lines = lines;
		this.areas = areas;
		this.rectangles = rectangles;
		this.slices = slices;
		this.labelImage = labelImage;
	}

	/** A file of an image's ROIs, given these many annotations of each kind. */
	public static WrittenAnnotations ofRois(final String path, final String sourceImage, final String imageName,
		final String calibration, final long points, final long lines, final long areas, final long rectangles,
		final int slices)
	{
		return new WrittenAnnotations(path, sourceImage, imageName, calibration, points, lines, areas, rectangles,
			slices, null);
	}

	/** A file of the outlines of label image {@code labelImage} (its name in the package, channel included). */
	public static WrittenAnnotations ofLabels(final String path, final String sourceImage, final String imageName,
		final String calibration, final String labelImage)
	{
		return new WrittenAnnotations(path, sourceImage, imageName, calibration, 0, 0, 0, 0, 1, labelImage);
	}

	/** Whether the file outlines a label image (rather than holding ROIs). */
	public boolean fromLabelImage() {
		return labelImage != null;
	}
}
