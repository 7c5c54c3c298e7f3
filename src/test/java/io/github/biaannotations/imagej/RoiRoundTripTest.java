package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ij.ImagePlus;
import ij.gui.Arrow;
import ij.gui.EllipseRoi;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.RotatedRectRoi;
import ij.gui.ShapeRoi;
import ij.gui.TextRoi;
import ij.process.ByteProcessor;
import ij.process.FloatPolygon;

import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.model.Annotation;

/**
 * Every ImageJ ROI type built with ImageJ's own API goes to GeoJSON and back: area masks identical pixel for
 * pixel, line and point coordinates identical, style and positions preserved; the GeoJSON parses with JTS's
 * own reader (independent of ours) into valid geometries.
 */
class RoiRoundTripTest {

	private static final int W = 300, H = 200;

	/** Export, write GeoJSON, check it with JTS's reader, read it with ours, import. */
	private static List<Roi> roundTrip(final ImagePlus imp, final Roi... rois) throws IOException {
		final List<String> warnings = new ArrayList<>();
		final RoisToAnnotations exporter = new RoisToAnnotations(imp, warnings::add);
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GeoJsonWriter w = new GeoJsonWriter(bytes)) {
			for (int i = 0; i < rois.length; i++)
				for (final Annotation a : exporter.toAnnotations(rois[i], i + 1))
					w.write(a);
		}
		checkWithJts(bytes.toByteArray());
		final List<Annotation> read = new ArrayList<>();
		new io.github.biaannotations.geojson.GeoJsonReader().read(new ByteArrayInputStream(bytes.toByteArray()), "test", read::add);
		return new AnnotationsToRois(imp).toRois(read);
	}

	static void checkWithJts(final byte[] geojson) throws IOException {
		final JsonNode root = new ObjectMapper().readTree(geojson);
		assertEquals("FeatureCollection", root.get("type").asText());
		final GeoJsonReader jts = new GeoJsonReader();
		for (final JsonNode f : root.get("features")) {
			assertEquals("Feature", f.get("type").asText());
			try {
				final Geometry g = jts.read(f.get("geometry").toString());
				assertTrue(g.isValid(), "JTS finds the geometry invalid: " + f.get("geometry"));
			} catch (final org.locationtech.jts.io.ParseException e) {
				throw new AssertionError("JTS cannot parse " + f.get("geometry"), e);
			}
		}
	}

	private static ImagePlus image() {
		return new ImagePlus("blank", new ByteProcessor(W, H));
	}

	/** The ROI's mask painted into a full-size image, for pixel-by-pixel comparison. */
	static byte[] fullMask(final Roi roi) {
		final ByteProcessor ip = new ByteProcessor(W, H);
		ip.setColor(255);
		ip.fill(roi);
		return (byte[]) ip.getPixels();
	}

	private static Roi one(final Roi roi) throws IOException {
		final List<Roi> back = roundTrip(image(), roi);
		assertEquals(1, back.size());
		return back.get(0);
	}

	private static void assertSameMask(final Roi original, final Roi back) {
		final byte[] a = fullMask(original), b = fullMask(back);
		int differ = 0, count = 0;
		for (int i = 0; i < a.length; i++) {
			if (a[i] != b[i]) differ++;
			if (a[i] != 0) count++;
		}
		assertTrue(count > 0, "original mask is empty");
		assertEquals(0, differ, "pixels differing between original and imported mask of " + original);
	}

	@Test
	void aSelfCrossingOutlineTooCostlyToFillIsRepairedInsteadOfTraced() {
		// a box 2 pixels wide and 8 million rows tall holds few pixels, but ImageJ's filler visits every edge
		// crossing a row on every row: with edges that all span the box, a thousand vertices took minutes (found
		// by RoiFilesFuzzTest in CI)
		final int n = 200, h = 8_000_000;
		final float[] x = new float[n], y = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = (i % 5) * 0.4f;
			y[i] = i % 2 == 0 ? 0 : h;
		}
		final PolygonRoi roi = new PolygonRoi(x, y, n, Roi.POLYGON);
		final List<String> warnings = new ArrayList<>();
		final Annotation a = new RoisToAnnotations(null, warnings::add).toAnnotations(roi, 1).get(0);
		assertTrue(a.geometry().isValid());
		assertTrue(warnings.stream().anyMatch(w -> w.contains("too many to trace")), warnings.toString());
	}

	@Test
	void rectangleKeepsMaskAndType() throws IOException {
		final Roi r = new Roi(10, 20, 30, 40);
		final Roi back = one(r);
		assertEquals(Roi.RECTANGLE, back.getType());
		assertEquals(r.getBounds(), back.getBounds());
		assertSameMask(r, back);
	}

	@Test
	void roundedRectangleComesBackRounded() throws IOException {
		final Roi r = new Roi(10, 20, 60, 40, 16);
		final Roi back = one(r);
		assertEquals(16, back.getCornerDiameter());
		assertSameMask(r, back);
	}

	@Test
	void rotatedRectangleKeepsParameters() throws IOException {
		final RotatedRectRoi r = new RotatedRectRoi(20, 30, 120, 90, 25);
		final Roi back = one(r);
		assertInstanceOf(RotatedRectRoi.class, back);
		assertArrayEquals(r.getParams(), ((RotatedRectRoi) back).getParams(), 1e-9);
		assertSameMask(r, back);
	}

	@Test
	void ovalComesBackAsOval() throws IOException {
		final OvalRoi r = new OvalRoi(15, 25, 41, 27);
		final Roi back = one(r);
		assertInstanceOf(OvalRoi.class, back);
		assertEquals(r.getBounds(), back.getBounds());
		assertSameMask(r, back);
	}

	@Test
	void ovalTooLargeToTraceIsExportedAsItsSmoothOutline() {
		// ImageJ traces an oval through a mask of its box: 30,000 x 18,000 pixels would not fit in the heap
		final OvalRoi r = new OvalRoi(3, 4, 30_000, 18_000);
		final List<String> warnings = new ArrayList<>();
		final Annotation a = new RoisToAnnotations(null, warnings::add).toAnnotations(r, 2).get(0);
		assertEquals(1, warnings.size());
		assertTrue(warnings.get(0).startsWith("ROI 2: oval spans 30000 x 18000 pixels"), warnings.get(0));
		assertEquals(Math.PI * 15_000 * 9_000, a.geometry().getArea(), 1e-3 * Math.PI * 15_000 * 9_000);
		assertTrue(a.isEllipse());
	}

	@Test
	void smallOvalsKeepTheirBounds() throws IOException {
		for (final OvalRoi r : new OvalRoi[] { new OvalRoi(5, 6, 2, 2), new OvalRoi(10, 12, 2, 5), new OvalRoi(20, 3.5, 3.25, 1.5) }) {
			final Roi back = one(r);
			assertInstanceOf(OvalRoi.class, back);
			assertEquals(r.getFloatWidth(), back.getFloatWidth(), 0, r.toString());
			assertEquals(r.getFloatHeight(), back.getFloatHeight(), 0, r.toString());
		}
	}

	@Test
	void ellipseKeepsParameters() throws IOException {
		final EllipseRoi r = new EllipseRoi(30, 40, 150, 100, 0.5);
		final Roi back = one(r);
		assertInstanceOf(EllipseRoi.class, back);
		assertSameMask(r, back);
	}

	@Test
	void polygonFreehandAndTracedKeepMasksAndTypes() throws IOException {
		final int[] xs = { 10, 80, 95, 40, 12 }, ys = { 10, 15, 90, 120, 70 };
		for (final int type : new int[] { Roi.POLYGON, Roi.FREEROI, Roi.TRACED_ROI }) {
			final PolygonRoi r = new PolygonRoi(xs, ys, xs.length, type);
			final Roi back = one(r);
			assertEquals(type, back.getType());
			assertSameMask(r, back);
		}
	}

	@Test
	void subPixelPolygonKeepsItsFloatVertices() throws IOException {
		final FloatPolygon p = new FloatPolygon(new float[] { 10.25f, 70.5f, 40.125f }, new float[] { 10.75f, 20.1f, 90.3f });
		final PolygonRoi r = new PolygonRoi(p, Roi.POLYGON);
		final Roi back = one(r);
		assertArrayEquals(r.getFloatPolygon().xpoints, back.getFloatPolygon().xpoints);
		assertArrayEquals(r.getFloatPolygon().ypoints, back.getFloatPolygon().ypoints);
		assertSameMask(r, back);
	}

	@Test
	void selfIntersectingPolygonExportsItsMaskWithAWarning() throws IOException {
		final PolygonRoi bowtie = new PolygonRoi(new int[] { 10, 90, 10, 90 }, new int[] { 10, 90, 90, 10 }, 4, Roi.POLYGON);
		final List<String> warnings = new ArrayList<>();
		final List<Annotation> a = new RoisToAnnotations(null, warnings::add).toAnnotations(bowtie, 7);
		assertTrue(a.get(0).geometry().isValid());
		assertEquals(1, warnings.size());
		assertTrue(warnings.get(0).startsWith("ROI 7"), warnings.get(0));
		assertSameMask(bowtie, new AnnotationsToRois(null).toRoi(a.get(0), 1));
	}

	@Test
	void compositeWithHoleAndTwoParts() throws IOException {
		final ShapeRoi outer = new ShapeRoi(new Roi(10, 10, 80, 80));
		final ShapeRoi withHole = outer.not(new ShapeRoi(new Roi(30, 30, 20, 20)));
		final ShapeRoi twoParts = withHole.or(new ShapeRoi(new OvalRoi(150, 50, 60, 40)));
		final Roi back = one(twoParts);
		assertEquals(Roi.COMPOSITE, back.getType());
		assertSameMask(twoParts, back);
	}

	@Test
	void linesShiftToPixelCentresAndBack() throws IOException {
		final Line line = new Line(10, 20, 110, 70);
		line.setStrokeWidth(5);
		final Roi back = one(line);
		assertInstanceOf(Line.class, back);
		final Line l = (Line) back;
		assertEquals(10, l.x1d);
		assertEquals(20, l.y1d);
		assertEquals(110, l.x2d);
		assertEquals(70, l.y2d);
		assertEquals(5f, back.getStrokeWidth());
	}

	@Test
	void lineGeometryIsAtPixelCentres() {
		final Annotation a = new RoisToAnnotations(null, s -> {}).toAnnotations(new Line(10, 20, 110, 70), 1).get(0);
		assertEquals(10.5, a.geometry().getCoordinates()[0].x);
		assertEquals(20.5, a.geometry().getCoordinates()[0].y);
	}

	@Test
	void arrowKeepsItsStyle() throws IOException {
		final Arrow arrow = new Arrow(10, 10, 100, 50);
		arrow.setHeadSize(12);
		arrow.setDoubleHeaded(true);
		final Roi back = one(arrow);
		assertInstanceOf(Arrow.class, back);
		assertEquals(12, ((Arrow) back).getHeadSize());
		assertTrue(((Arrow) back).getDoubleHeaded());
	}

	@Test
	void polylineFreelineAndAngleKeepVertices() throws IOException {
		for (final int type : new int[] { Roi.POLYLINE, Roi.FREELINE, Roi.ANGLE }) {
			final PolygonRoi r = new PolygonRoi(new float[] { 10, 50, 90 }, new float[] { 10, 80, 20 }, 3, type);
			final Roi back = one(r);
			assertEquals(type, back.getType());
			assertArrayEquals(r.getFloatPolygon().xpoints, back.getFloatPolygon().xpoints);
			assertArrayEquals(r.getFloatPolygon().ypoints, back.getFloatPolygon().ypoints);
		}
	}

	@Test
	void textRoiKeepsTextWithAWarning() throws IOException {
		final TextRoi t = new TextRoi(20, 30, "Nucleus A", new Font("SansSerif", Font.BOLD, 18));
		final List<String> warnings = new ArrayList<>();
		final Annotation a = new RoisToAnnotations(null, warnings::add).toAnnotations(t, 1).get(0);
		assertEquals(1, warnings.size());
		final Roi back = new AnnotationsToRois(null).toRoi(a, 1);
		assertInstanceOf(TextRoi.class, back);
		assertEquals(t.getText(), ((TextRoi) back).getText());
		assertEquals("Nucleus A", a.metadata().get(ImageJKeys.TEXT));
		assertEquals(18, ((TextRoi) back).getCurrentFont().getSize());
	}

	@Test
	void styleNameGroupPropertiesAndPositionSurvive() throws IOException {
		final ImagePlus imp = ij.IJ.createHyperStack("h", W, H, 2, 3, 4, 8);
		final Roi r = new PolygonRoi(new int[] { 10, 60, 30 }, new int[] { 10, 20, 70 }, 3, Roi.POLYGON);
		r.setName("cell é 細胞 🦠");
		r.setGroup(3);
		r.setStrokeColor(new Color(10, 200, 30, 128));
		r.setFillColor(new Color(255, 0, 0, 64));
		r.setStrokeWidth(2.5);
		r.setProperty("stage", "mitosis");
		r.setPosition(2, 3, 4);
		final Roi back = roundTrip(imp, r).get(0);
		assertEquals(r.getName(), back.getName());
		assertEquals(3, back.getGroup());
		assertEquals(r.getStrokeColor(), back.getStrokeColor());
		assertEquals(r.getFillColor(), back.getFillColor());
		assertEquals(2.5f, back.getStrokeWidth());
		assertEquals("mitosis", back.getProperty("stage"));
		assertTrue(back.hasHyperStackPosition());
		assertEquals(2, back.getCPosition());
		assertEquals(3, back.getZPosition());
		assertEquals(4, back.getTPosition());
	}

	@Test
	void roisOnEveryPlaneOfAStackStayOnEveryPlaneAndFirstPlaneRoisOnTheFirst() throws IOException {
		for (final ImagePlus imp : new ImagePlus[] { ij.IJ.createHyperStack("h", W, H, 2, 3, 4, 8),
			ij.IJ.createImage("z", "8-bit black", W, H, 5) })
		{
			final Roi everywhere = new Roi(1, 1, 5, 5);
			final Roi first = new Roi(1, 1, 5, 5);
			if (imp.isHyperStack()) first.setPosition(1, 1, 1);
			else first.setPosition(1);
			final PointRoi points = new PointRoi(3, 3);
			final List<Roi> back = roundTrip(imp, everywhere, first, points);
			assertEquals(0, back.get(0).getPosition(), imp.getTitle());
			assertEquals(false, back.get(0).hasHyperStackPosition(), imp.getTitle());
			assertEquals(1, imp.isHyperStack() ? back.get(1).getZPosition() : back.get(1).getPosition(), imp.getTitle());
			assertEquals(0, back.get(2).getPosition(), imp.getTitle());
		}
	}

	@Test
	void ownGroupsComeBackWithoutQuPathProperties() throws IOException {
		final Roi r = new Roi(1, 1, 5, 5);
		r.setName("grouped");
		r.setGroup(2);
		final Roi back = roundTrip(null, r).get(0);
		assertEquals(2, back.getGroup());
		assertEquals(r.getStrokeColor(), back.getStrokeColor());
		assertEquals(null, back.getProperties());
	}

	@Test
	void planeIsZeroBasedWithMinusOneForAllChannels() {
		final Roi r = new Roi(1, 1, 5, 5);
		r.setPosition(0, 3, 2);
		final Annotation a = new RoisToAnnotations(null, s -> {}).toAnnotations(r, 1).get(0);
		assertEquals(-1, a.plane().get().c());
		assertEquals(2, a.plane().get().z());
		assertEquals(1, a.plane().get().t());
	}

	@Test
	void multiPointWithCountersAndPositionsSplitsAndJoins() throws IOException {
		final ImagePlus imp = ij.IJ.createImage("stack", "8-bit black", W, H, 5);
		final PointRoi p = new PointRoi(new float[] { 10, 20, 30, 40 }, new float[] { 15, 25, 35, 45 }, 4);
		p.setCounters(new int[] { 0 | (1 << 8), 1 | (1 << 8), 1 | (3 << 8), 2 | (3 << 8) });
		p.setName("spots");
		final List<Annotation> parts = new RoisToAnnotations(imp, s -> {}).toAnnotations(p, 1);
		assertEquals(4, parts.size(), "one feature per (counter, slice)");
		assertEquals("Counter 1", parts.get(1).classification().get());
		assertEquals(2, parts.get(2).plane().get().z());
		final List<Roi> back = roundTrip(imp, p);
		assertEquals(1, back.size());
		final PointRoi q = (PointRoi) back.get(0);
		assertEquals(4, q.size());
		assertArrayEquals(p.getCounters(), q.getCounters());
		assertArrayEquals(p.getFloatPolygon().xpoints, q.getFloatPolygon().xpoints);
		assertEquals("spots", q.getName());
	}

	@Test
	void singlePointIsAPointAtThePixelCentre() {
		final Annotation a = new RoisToAnnotations(null, s -> {}).toAnnotations(new PointRoi(7, 9), 1).get(0);
		assertEquals("Point", a.geometry().getGeometryType());
		assertEquals(7.5, a.geometry().getCoordinate().x);
	}

	@Test
	void nanCoordinatesAreRefusedNamingTheRoi() {
		final PolygonRoi r = new PolygonRoi(new float[] { 1, Float.NaN, 5 }, new float[] { 1, 2, 5 }, 3, Roi.POLYGON);
		r.setName("bad one");
		final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> new RoisToAnnotations(null, s -> {}).toAnnotations(r, 4));
		assertTrue(e.getMessage().contains("ROI 4 'bad one'"), e.getMessage());
	}

	@Test
	void masksOfEveryAreaTypeAreNonTrivial() {
		// guards the comparisons above: fill() of each type covers pixels
		int count = 0;
		for (final byte b : fullMask(new OvalRoi(15, 25, 41, 27)))
			if (b != 0) count++;
		assertTrue(count > 800 && count < 41 * 27, "oval covers " + count);
	}
}
