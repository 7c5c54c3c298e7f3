package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

import io.github.biaannotations.model.Annotation;

/**
 * Picks the MIFA annotation type of an exported file from what it holds: {@code segmentation_mask} for a label
 * image, {@code point_annotations} for points, {@code bounding_boxes} when every ROI is an unrotated rectangle,
 * {@code geometrical_annotations} for any other shapes.
 */
public final class AnnotationTypeRule {

	private AnnotationTypeRule() {}

	/**
	 * True for the types an export gives each file from what it holds ({@code segmentation_mask},
	 * {@code point_annotations}, {@code bounding_boxes}, {@code geometrical_annotations}); the others say how
	 * the annotations were made or what they mean, and so apply to every file of a set.
	 */
	public static boolean isFromContent(final AnnotationType type) {
		return type == AnnotationType.SEGMENTATION_MASK || type == AnnotationType.POINT_ANNOTATIONS ||
			type == AnnotationType.BOUNDING_BOXES || type == AnnotationType.GEOMETRICAL_ANNOTATIONS;
	}

	/** The type of a label image file. */
	public static AnnotationType forLabelImage() {
		return AnnotationType.SEGMENTATION_MASK;
	}

	/**
	 * The single type of a file of ROIs, counted by kind; a file mixing points and shapes is
	 * {@code geometrical_annotations} (see {@link #typesForRois} for both).
	 *
	 * @param points point ROIs (single or multi-point)
	 * @param unrotatedRectangles axis-aligned rectangles
	 * @param otherShapes everything else: polygons, ellipses, lines, rotated rectangles, ...
	 * @throws IllegalArgumentException when all counts are zero or one is negative
	 */
	public static AnnotationType pick(final int points, final int unrotatedRectangles, final int otherShapes) {
		check(points, unrotatedRectangles, otherShapes);
		if (unrotatedRectangles == 0 && otherShapes == 0) return AnnotationType.POINT_ANNOTATIONS;
		if (points == 0 && otherShapes == 0) return AnnotationType.BOUNDING_BOXES;
		return AnnotationType.GEOMETRICAL_ANNOTATIONS;
	}

	/** As {@link #pick}, but a file mixing shapes and points gets both {@code geometrical_annotations} and {@code point_annotations}. */
	public static List<AnnotationType> typesForRois(final int points, final int unrotatedRectangles,
		final int otherShapes)
	{
		final List<AnnotationType> types = new ArrayList<>();
		types.add(pick(points, unrotatedRectangles, otherShapes));
		if (points > 0 && types.get(0) != AnnotationType.POINT_ANNOTATIONS) types.add(AnnotationType.POINT_ANNOTATIONS);
		return types;
	}

	/** The type of a file holding these annotations (model objects); see {@link #pick}. */
	public static AnnotationType pick(final Collection<Annotation> annotations) {
		final int[] c = count(annotations);
		return pick(c[0], c[1], c[2]);
	}

	/** The types of a file holding these annotations (model objects); see {@link #typesForRois}. */
	public static List<AnnotationType> typesFor(final Collection<Annotation> annotations) {
		final int[] c = count(annotations);
		return typesForRois(c[0], c[1], c[2]);
	}

	private static int[] count(final Collection<Annotation> annotations) {
		final int[] c = new int[3];
		for (final Annotation a : annotations) {
			final Geometry g = a.geometry();
			if (a.kind() == Annotation.Kind.POINTS) c[0]++;
			else if (a.kind() == Annotation.Kind.AREA && !a.isEllipse() && g.getNumGeometries() == 1 && g.isRectangle())
				c[1]++;
			else c[2]++;
		}
		return c;
	}

	private static void check(final int points, final int rectangles, final int others) {
		if (points < 0 || rectangles < 0 || others < 0) throw new IllegalArgumentException(
			"negative ROI count: points " + points + ", rectangles " + rectangles + ", other shapes " + others);
		if (points + rectangles + others == 0) throw new IllegalArgumentException(
			"no ROIs to choose an annotation type for");
	}
}
