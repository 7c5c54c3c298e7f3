package io.github.biaannotations.convert;

/**
 * One annotation file an export wrote, with what the package's file list needs to describe it: what it holds
 * (by counts) and whether coordinates were shifted from ImageJ's.
 */
public final class ExportedFile {

	/** What a file holds. */
	public enum Content {
		/** GeoJSON or COCO of ROIs / label outlines. */
		SHAPES,
		/** A points table. */
		POINTS,
		/** A label image (segmentation mask). */
		LABELS
	}

	public final String path;
	public final String sourceImage;
	public final Content content;
	public final long points;
	public final long rectangles;
	public final long otherShapes;
	/** True when ImageJ pixel-centre coordinates were moved +0.5 to the corner-origin grid. */
	public final boolean centreShifted;
	/** Pixel size and unit of the image, e.g. "0.65 x 0.65 micrometer", or null when uncalibrated. */
	public final String calibration;

	public ExportedFile(final String path, final String sourceImage, final Content content, final long points,
		final long rectangles, final long otherShapes, final boolean centreShifted, final String calibration)
	{
		this.path = path;
		this.sourceImage = sourceImage;
		this.content = content;
		this.points = points;
		this.rectangles = rectangles;
		this.otherShapes = otherShapes;
		this.centreShifted = centreShifted;
		this.calibration = calibration;
	}
}
