package io.github.biaannotations.submission;

import java.time.Instant;
import java.util.List;

import io.github.biaannotations.metadata.AnnotationType;
import io.github.biaannotations.metadata.AnnotationTypeRule;
import io.github.biaannotations.metadata.FileLevelMetadata;

/**
 * One annotation file of a package, with what its row in the file list needs: the image it annotates, what it
 * holds (by counts, from which its annotation types follow) and whether coordinates were shifted from ImageJ's.
 */
public final class AnnotationFile {

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

	/**
	 * @param path package-relative, as {@link PackageLayout} names it
	 * @param sourceImage the image as the file lists name it
	 */
	public AnnotationFile(final String path, final String sourceImage, final Content content, final long points,
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

	/** A label image (segmentation mask) of {@code sourceImage}. */
	public static AnnotationFile labels(final String path, final String sourceImage) {
		return new AnnotationFile(path, sourceImage, Content.LABELS, 0, 0, 0, false, null);
	}

	/** The file's row of MIFA file-level metadata, with the annotation types of what it holds. */
	public FileLevelMetadata row(final Instant created) {
		return FileLevelMetadata.forFile(path, sourceImage, types(), created, centreShifted
			? FileLevelMetadata.IMAGEJ_CENTRE_SHIFT : null, calibration == null ? null : "Coordinates in pixels; " +
				"pixel size " + calibration);
	}

	/** The annotation types of what the file holds. */
	List<AnnotationType> types() {
		switch (content) {
			case LABELS:
				return List.of(AnnotationTypeRule.forLabelImage());
			case POINTS:
				return List.of(AnnotationType.POINT_ANNOTATIONS);
			default:
				if (points + rectangles + otherShapes == 0) return List.of(AnnotationType.GEOMETRICAL_ANNOTATIONS);
				return AnnotationTypeRule.typesForRois((int) Math.min(points, Integer.MAX_VALUE), (int) Math.min(
					rectangles, Integer.MAX_VALUE), (int) Math.min(otherShapes, Integer.MAX_VALUE));
		}
	}
}
