package io.github.biaannotations.metadata;

import static io.github.biaannotations.metadata.AnnotationType.BOUNDING_BOXES;
import static io.github.biaannotations.metadata.AnnotationType.GEOMETRICAL_ANNOTATIONS;
import static io.github.biaannotations.metadata.AnnotationType.POINT_ANNOTATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

import io.github.biaannotations.model.Annotation;

class AnnotationTypeRuleTest {

	private static final GeometryFactory GF = new GeometryFactory();

	private static Annotation rect(final double x, final double y) {
		return Annotation.builder(GF.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + 10, y, y + 5))).build();
	}

	@Test
	void counts_decide_the_type() {
		assertEquals(POINT_ANNOTATIONS, AnnotationTypeRule.pick(4, 0, 0));
		assertEquals(BOUNDING_BOXES, AnnotationTypeRule.pick(0, 3, 0));
		assertEquals(GEOMETRICAL_ANNOTATIONS, AnnotationTypeRule.pick(0, 3, 1));
		assertEquals(GEOMETRICAL_ANNOTATIONS, AnnotationTypeRule.pick(2, 0, 1));
		assertEquals(Arrays.asList(GEOMETRICAL_ANNOTATIONS, POINT_ANNOTATIONS), AnnotationTypeRule.typesForRois(2, 1,
			0));
		assertEquals(Collections.singletonList(BOUNDING_BOXES), AnnotationTypeRule.typesForRois(0, 1, 0));
		assertEquals(AnnotationType.SEGMENTATION_MASK, AnnotationTypeRule.forLabelImage());
		assertThrows(IllegalArgumentException.class, () -> AnnotationTypeRule.pick(0, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> AnnotationTypeRule.pick(-1, 2, 0));
	}

	@Test
	void spatial_information_from_calibration() {
		assertEquals("Coordinates in pixels; pixel size 0.65 x 0.65 micrometer (x, y)", FileLevelMetadata
			.pixelSpatialInformation(0.65, 0.65, 0, "micrometer"));
		assertEquals("Coordinates in pixels; pixel size 0.1 x 0.1 x 2 micrometer (x, y, z)", FileLevelMetadata
			.pixelSpatialInformation(0.1, 0.1, 2.0, "micrometer"));
		assertEquals(null, FileLevelMetadata.pixelSpatialInformation(1, 1, 1, "pixel"));
		assertEquals(null, FileLevelMetadata.pixelSpatialInformation(0, 1, 0, "micrometer"));
		assertEquals(null, FileLevelMetadata.pixelSpatialInformation(Double.NaN, 1, 0, "micrometer"));
	}

	@Test
	void model_annotations_are_classified_by_geometry() {
		final Annotation point = Annotation.builder(GF.createPoint(new Coordinate(1, 2))).build();
		final Annotation rotated = Annotation.builder(AffineTransformation.rotationInstance(0.3).transform(rect(0, 0)
			.geometry())).build();
		final Annotation ellipseInBox = rect(5, 5).toBuilder().ellipse(true).build();
		final Annotation line = Annotation.builder(GF.createLineString(new Coordinate[] { new Coordinate(0, 0),
			new Coordinate(3, 4) })).build();
		assertEquals(BOUNDING_BOXES, AnnotationTypeRule.pick(Arrays.asList(rect(0, 0), rect(20, 20))));
		assertEquals(GEOMETRICAL_ANNOTATIONS, AnnotationTypeRule.pick(Arrays.asList(rect(0, 0), rotated)));
		assertEquals(GEOMETRICAL_ANNOTATIONS, AnnotationTypeRule.pick(Collections.singletonList(ellipseInBox)));
		assertEquals(GEOMETRICAL_ANNOTATIONS, AnnotationTypeRule.pick(Collections.singletonList(line)));
		assertEquals(POINT_ANNOTATIONS, AnnotationTypeRule.pick(Collections.singletonList(point)));
		assertEquals(Arrays.asList(BOUNDING_BOXES), AnnotationTypeRule.typesFor(Collections.singletonList(rect(1, 1))));
	}
}
