package io.github.biaannotations.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;

import io.github.biaannotations.imagej.AnnotationsToRois;
import io.github.biaannotations.model.Annotation;

/**
 * Our reader's tolerance of GeoJSON forms that QuPath 0.7 no longer writes but older QuPath versions and other tools
 * do (bare arrays, {@code colorRGB} classes, measurement arrays, classifications as plain names, the 0.2 object type
 * in {@code id}), and its report of what it cannot keep. QuPath 0.7's own files, and what QuPath reads of ours, are
 * tested with QuPath itself in {@code conformance.GeoJsonConsumersTest}.
 */
class QuPathGeoJsonTest {

	private static List<Annotation> read(final String json) throws IOException {
		return read(json, new ArrayList<>());
	}

	private static List<Annotation> read(final String json, final List<String> warnings) throws IOException {
		final List<Annotation> list = new ArrayList<>();
		new GeoJsonReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "q.geojson", list::add,
			warnings::add);
		return list;
	}

	/** An export of QuPath 0.2/0.3: a bare array, ellipse flag and plane in the geometry, old-style measurements. */
	private static final String QUPATH = "[" +
		"{\"type\":\"Feature\",\"id\":\"6f0e\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[50,10],[50,40],[10,40],[10,10]]]," +
		"\"isEllipse\":true,\"plane\":{\"c\":-1,\"z\":2,\"t\":1}},\"properties\":{\"objectType\":\"annotation\"," +
		"\"classification\":{\"name\":\"Tumor\",\"colorRGB\":-3670016},\"isLocked\":false," +
		"\"measurements\":[{\"name\":\"Area\",\"value\":1200.5}]}}," +
		"{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[60,60],[80,60],[80,80],[60,80],[60,60]]]," +
		"[[[90,60],[99,60],[99,70],[90,70],[90,60]]]]},\"properties\":{\"objectType\":\"detection\",\"name\":\"two parts\"," +
		"\"color\":[255,0,0],\"measurements\":{\"Nucleus: Area\":31.5}}}," +
		"{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":[[5.5,6.5],[7.5,8.5]]}," +
		"\"properties\":{\"objectType\":\"annotation\",\"classification\":{\"name\":\"Spot\",\"color\":[0,255,0]}}}," +
		"{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1.5,1.5],[20.5,3.5],[40.5,9.5]]}," +
		"\"properties\":{\"objectType\":\"annotation\"}}]";

	@Test
	void qupathFeaturesBecomeImageJRois() throws IOException {
		final List<Annotation> a = read(QUPATH);
		assertEquals(4, a.size());
		assertTrue(a.get(0).isEllipse());
		assertEquals("Tumor", a.get(0).classification().get());
		assertEquals(1200.5, a.get(0).measurements().get("Area"));
		assertEquals(31.5, a.get(1).measurements().get("Nucleus: Area"));
		assertEquals(Annotation.ObjectType.DETECTION, a.get(1).objectType());
		assertEquals("Spot", a.get(2).classification().get());
		assertEquals(0xff00ff00, a.get(2).classificationColor().get().argb());
		assertEquals(0xffc80000, a.get(0).classificationColor().get().argb());
		final ImagePlus imp = IJ.createHyperStack("h", 128, 128, 1, 4, 3, 8);
		final List<Roi> rois = new AnnotationsToRois(imp).toRois(a);
		assertInstanceOf(OvalRoi.class, rois.get(0));
		assertEquals(new java.awt.Rectangle(10, 10, 40, 30), rois.get(0).getBounds());
		assertEquals(3, rois.get(0).getZPosition());
		assertEquals(2, rois.get(0).getTPosition());
		assertEquals(0, rois.get(0).getCPosition());
		assertInstanceOf(ShapeRoi.class, rois.get(1));
		assertEquals(20 * 20 + 9 * 10, rois.get(1).getStatistics().pixelCount);
		assertInstanceOf(PointRoi.class, rois.get(2));
		assertEquals(5f, rois.get(2).getFloatPolygon().xpoints[0]);
		assertEquals(Roi.POLYLINE, rois.get(3).getType());
		assertInstanceOf(PolygonRoi.class, rois.get(3));
	}

	@Test
	void singleFeatureAndFeatureCollectionBothRead() throws IOException {
		final String f = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[3,4]},\"properties\":{}}";
		assertEquals(1, read(f).size());
		assertEquals(1, read("{\"features\":[" + f + "],\"type\":\"FeatureCollection\"}").size());
	}

	@Test
	void badInputNamesFileAndFeature() {
		final GeoJsonException open = assertThrows(GeoJsonException.class, () -> read(
			"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]}}," +
				"{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[5,0],[5,5],[0,0.5]]]}}]}"));
		assertEquals("q.geojson: feature 2: exterior ring is not closed", open.getMessage());
		final GeoJsonException nan = assertThrows(GeoJsonException.class, () -> read(
			"[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"NaN\",1]}}]"));
		assertTrue(nan.getMessage().startsWith("q.geojson: feature 1: bad position"), nan.getMessage());
		final GeoJsonException truncated = assertThrows(GeoJsonException.class, () -> read(
			"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordin"));
		assertTrue(truncated.getMessage().startsWith("q.geojson: not valid JSON in feature 1 (line 1"), truncated.getMessage());
		assertThrows(GeoJsonException.class, () -> read(""));
		assertThrows(GeoJsonException.class, () -> read("{\"type\":\"Topology\"}"));
	}

	private static String feature(final String properties) {
		return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[3,4]},\"properties\":" +
			properties + "}";
	}

	@Test
	void classificationsInEveryFormQuPathHasWritten() throws IOException {
		final List<Annotation> a = read("[" + feature("{\"classification\":\"Tumor: Positive\"}") + "," +
			feature("{\"classification\":{\"names\":[\"Tumor\",\" Positive \"],\"color\":[200,50,50]}}") + "," +
			feature("{\"classification\":{\"name\":\"Stroma\",\"colorRGB\":-6895466}}") + "," +
			feature("{\"classification\":null}") + "]");
		assertEquals("Tumor: Positive", a.get(0).classification().get());
		assertTrue(a.get(0).classificationColor().isEmpty());
		assertEquals("Tumor: Positive", a.get(1).classification().get());
		assertEquals(0xffc83232, a.get(1).classificationColor().get().argb());
		assertEquals("Stroma", a.get(2).classification().get());
		assertEquals(0xff96c896, a.get(2).classificationColor().get().argb());
		assertTrue(a.get(3).classification().isEmpty());
	}

	@Test
	void measurementsQuPathWritesAsStringsAndTheObjectTypesOfEveryVersion() throws IOException {
		final List<String> warnings = new ArrayList<>();
		final List<Annotation> a = read("[" +
			feature("{\"objectType\":\"cell\",\"measurements\":{\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-inf\"," +
				"\"d\":\"2.5\",\"e\":\"many\"},\"isLocked\":true}") + "," +
			"{\"type\":\"Feature\",\"id\":\"PathTileObject\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]}}," +
			feature("{\"object_type\":\"tma_core\"}") + "," + feature("{\"objectType\":\"root\"}") + "]", warnings);
		assertEquals(Annotation.ObjectType.CELL, a.get(0).objectType());
		assertTrue(Double.isNaN(a.get(0).measurements().get("a")));
		assertEquals(Double.POSITIVE_INFINITY, a.get(0).measurements().get("b"));
		assertEquals(Double.NEGATIVE_INFINITY, a.get(0).measurements().get("c"));
		assertEquals(2.5, a.get(0).measurements().get("d"));
		assertEquals(4, a.get(0).measurements().size());
		assertTrue(a.get(0).isLocked());
		assertEquals(Annotation.ObjectType.TILE, a.get(1).objectType());
		assertTrue(a.get(1).id().isEmpty(), "QuPath 0.2's type in the id is no id");
		assertEquals(Annotation.ObjectType.TMA_CORE, a.get(2).objectType());
		assertEquals(Annotation.ObjectType.ANNOTATION, a.get(3).objectType());
		assertEquals(List.of("q.geojson: measurements that are not numbers not imported (1 feature: feature 1)",
			"q.geojson: objectType 'root' unknown to QuPath: imported as an annotation (1 feature: feature 4)"), warnings);
	}

	@Test
	void whatCannotBeKeptIsReportedOncePerFileAndKind() throws IOException {
		final String cell = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[3,4]}," +
			"\"nucleusGeometry\":{\"type\":\"Point\",\"coordinates\":[3,4]},\"properties\":{\"objectType\":\"cell\"," +
			"\"childObjects\":[" + feature("{}") + "," + feature("{}") + "],\"score\":0.5}}";
		final List<String> warnings = new ArrayList<>();
		final List<Annotation> a = read("[" + feature("{}") + "," + cell + "," + cell + "," + cell + "]", warnings);
		assertEquals(4, a.size());
		assertEquals(List.of(
			"q.geojson: cell nuclei (nucleusGeometry) not imported: an ImageJ ROI has one outline (3 features, first feature 2)",
			"q.geojson: child objects (childObjects) not imported: ImageJ ROIs have no hierarchy (3 features, first feature 2)",
			"q.geojson: property 'score' not imported: QuPath does not write it (3 features, first feature 2)"), warnings);
	}
}
