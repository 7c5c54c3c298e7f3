package io.github.biaannotations.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import ij.gui.Roi;
import ij.io.RoiEncoder;
import io.github.biaannotations.geojson.GeoJsonReader;
import io.github.biaannotations.imagej.AnnotationsToRois;
import io.github.biaannotations.model.Annotation;

/**
 * Fuzzes GeoJSON import as {@code bia-annotations import} does it: read the features, turn them into ImageJ
 * ROIs and encode those as ImageJ would save them in a RoiSet.zip.
 */
class GeoJsonFuzzTest {

	private static final String SOURCE = "in.geojson";

	@FuzzTest(maxDuration = "20s")
	void geoJson(final byte[] data) {
		final List<Annotation> annotations = new ArrayList<>();
		try {
			new GeoJsonReader().read(new ByteArrayInputStream(data), SOURCE, annotations::add);
		}
		catch (final IOException | RuntimeException e) {
			Expected.clearError(e, SOURCE);
			return;
		}
		if (annotations.isEmpty()) return;
		final List<Roi> rois;
		try {
			rois = new AnnotationsToRois(null).toRois(annotations);
		}
		catch (final RuntimeException e) {
			Expected.clearError(e, null);
			return;
		}
		for (final Roi roi : rois) {
			if (RoiEncoder.saveAsByteArray(roi) == null) throw new AssertionError("ImageJ cannot encode " + roi);
		}
	}
}
