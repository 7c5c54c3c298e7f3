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

import io.github.biaannotations.imagej.RoiImporter;
import io.github.biaannotations.model.Annotation;

/** GeoJSON in the forms QuPath writes (0.2 to 0.5): all must come into ImageJ. */
class QuPathGeoJsonTest {

	private static List<Annotation> read(final String json) throws IOException {
		final List<Annotation> list = new ArrayList<>();
		new GeoJsonReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "q.geojson", list::add);
		return list;
	}

	/** A QuPath-style export: a bare array, ellipse flag and plane in the geometry, old-style measurements. */
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
		final ImagePlus imp = IJ.createHyperStack("h", 128, 128, 1, 4, 3, 8);
		final List<Roi> rois = new RoiImporter(imp).toRois(a);
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
}
