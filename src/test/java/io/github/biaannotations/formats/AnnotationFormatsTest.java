package io.github.biaannotations.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The registered formats: the names users type, what each holds, and the names of its files. */
class AnnotationFormatsTest {

	@Test
	void formatsAreFoundByTheNamesUsersType() {
		assertEquals(AnnotationFormats.COCO, AnnotationFormats.byName(" COCO ").get());
		for (final String csv : new String[] { "csv", "points-csv", "points_csv" })
			assertEquals(AnnotationFormats.POINTS_CSV, AnnotationFormats.byName(csv).get(), csv);
		assertFalse(AnnotationFormats.byName("tiff").isPresent());
		assertEquals(List.of(AnnotationFormats.COCO, AnnotationFormats.POINTS_CSV), AnnotationFormats.optional(),
			"GeoJSON is always written, the others on request");
		assertEquals("geojson, coco or csv", AnnotationFormats.names(AnnotationFormats.all()));
	}

	@Test
	void eachFormatNamesItsFilesAndSaysWhatItHolds() {
		assertEquals("img.geojson", AnnotationFormats.GEOJSON.fileName("img"));
		assertEquals("img_points.csv", AnnotationFormats.POINTS_CSV.fileName("img"));
		assertEquals("nuclei_c2_outlines.geojson", AnnotationFormats.GEOJSON.labelFileName("nuclei", "_c2", "img"));
		// a label image named as its image: its COCO must not take the name of the ROIs' COCO
		assertEquals("img_labels_c1.coco.json", AnnotationFormats.COCO.labelFileName("img", "_c1", "img"));
		assertEquals("cells.coco.json", AnnotationFormats.COCO.labelFileName("cells", "", "img"));
		assertTrue(AnnotationFormats.COCO.writesLabelImages(false), "COCO holds areas: label images too");
		assertFalse(AnnotationFormats.GEOJSON.writesLabelImages(false), "outlines as GeoJSON on request only");
		assertFalse(AnnotationFormats.POINTS_CSV.writesLabelImages(true), "labels are no points");
		for (final AnnotationFormat f : AnnotationFormats.all())
			assertFalse(f.title().isEmpty() || f.description().isEmpty() || f.macroKey().isEmpty(), f.name());
	}
}
