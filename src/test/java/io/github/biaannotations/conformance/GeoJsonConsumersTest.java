package io.github.biaannotations.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ij.IJ;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiDecoder;

import io.github.biaannotations.geojson.ClassColors;
import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.imagej.ImageJQuirks;
import io.github.biaannotations.imagej.QuPathMembers;
import io.github.biaannotations.imagej.RoiSetWriter;
import io.github.biaannotations.importing.GeoJsonImport;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Plane;
import io.github.biaannotations.model.Rgb;
import io.github.biaannotations.testutil.CliRun;
import io.github.biaannotations.testutil.ConformanceInputs;
import io.github.biaannotations.testutil.Consumers;
import io.github.biaannotations.testutil.RoiZips;

/**
 * Our GeoJSON as its consumers read it: QuPath 0.7.0's own import ({@code PathIO.readObjects}, behind File > Import
 * objects) and GDAL 3.12.4's GeoJSON driver (pyogrio); and the files QuPath's own export writes, imported with our
 * {@code import} (checked as ImageJ's RoiDecoder reads the RoiSet.zip) and exported again for QuPath. Every check is
 * on what the consumer read back.
 * <p>
 * Over 400 lines on purpose: the conformance tests are one class per area (here GeoJSON, both ways), sharing the
 * inputs made once and the consumers' verdict readers.
 */
class GeoJsonConsumersTest {

	/** Runs the command line in this JVM; returns what it printed, standard error after "--- err". */
	private static String cli(final Object... args) {
		final CliRun r = CliRun.succeeds(args);
		return r.out + "--- err\n" + r.err;
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path dir;

	private static ConformanceInputs in;

	@BeforeAll
	static void inputs() throws IOException {
		in = ConformanceInputs.write(dir.resolve("inputs"));
	}

	/** The objects QuPath imported from the file (children left out), in file order; fails unless it took the file. */
	private static List<JsonNode> qupathObjects(final Path file) throws IOException {
		final Consumers.Verdict v = Consumers.qupath(file).assertAccepted();
		final List<JsonNode> objects = new ArrayList<>();
		for (final String line : v.lines("{")) {
			final JsonNode o = JSON.readTree(line);
			if (o.has("index") && !o.get("index").asText().contains("/")) objects.add(o);
		}
		final JsonNode last = JSON.readTree(v.lines("{").get(v.lines("{").size() - 1));
		assertEquals("ok", last.path("status").asText(), v::toString);
		assertEquals(objects.size(), last.path("objects").asInt(), v::toString);
		return objects;
	}

	private static Map<String, JsonNode> byName(final List<JsonNode> objects) {
		final Map<String, JsonNode> m = new LinkedHashMap<>();
		for (final JsonNode o : objects)
			m.put(o.path("name").asText(), o);
		return m;
	}

	private static String hex(final Color c) {
		return String.format("#%06x", c.getRGB() & 0xffffff);
	}

	/** ImageJ's colour for a group, as its setGroup gives it to a ROI. */
	private static String groupColor(final int group) {
		ImageJQuirks.apply();
		final Roi probe = new Roi(0, 0, 1, 1);
		probe.setGroup(group);
		return hex(probe.getStrokeColor());
	}

	private static void assertObject(final JsonNode o, final String roi, final String classification,
		final String classColor, final String color, final int c, final int z, final int t)
	{
		final String who = o.path("name").asText() + ": " + o;
		assertEquals(roi, o.path("roi").asText(), who);
		assertEquals(classification, o.path("classification").isNull() ? null : o.path("classification").asText(), who);
		assertEquals(classColor, o.path("classificationColor").isNull() ? null : o.path("classificationColor").asText(), who);
		assertEquals(color, o.path("color").isNull() ? null : o.path("color").asText(), who);
		assertEquals(c, o.path("c").asInt(), who);
		assertEquals(z, o.path("z").asInt(), who);
		assertEquals(t, o.path("t").asInt(), who);
	}

	@Test
	void qupathImportsEvery2dRoiTypeWithItsGroupCounterNameAndColour() throws IOException {
		final Path pkg = in.export(dir.resolve("pkg2d"), "--image", in.image2d, "--rois", in.rois2d);
		final List<JsonNode> objects = qupathObjects(pkg.resolve("annotations/cells/cells.geojson"));
		// 17 ROIs; the point ROI with 3 counters is 3 objects
		assertEquals(19, objects.size());
		final Map<String, JsonNode> o = byName(objects);
		final String g1 = groupColor(1), g2 = groupColor(2), g3 = groupColor(3);
		assertObject(o.get("rectangle"), "RectangleROI", "Group 1", g1, null, -1, 0, 0);
		assertEquals("[10,10,30,20]", o.get("rectangle").get("bounds").toString());
		assertObject(o.get("rounded rectangle"), "PolygonROI", null, null, null, -1, 0, 0);
		assertObject(o.get("oval"), "EllipseROI", null, null, hex(Color.MAGENTA), -1, 0, 0);
		assertEquals("[90,10,30,20]", o.get("oval").get("bounds").toString());
		assertObject(o.get("polygon"), "PolygonROI", "Group 2", g2, null, -1, 0, 0);
		assertObject(o.get("freehand"), "PolygonROI", null, null, null, -1, 0, 0);
		assertObject(o.get("traced"), "PolygonROI", null, null, null, -1, 0, 0);
		assertObject(o.get("polyline"), "PolylineROI", null, null, null, -1, 0, 0);
		assertObject(o.get("freeline"), "PolylineROI", null, null, null, -1, 0, 0);
		assertObject(o.get("line"), "LineROI", "Group 2", g2, null, -1, 0, 0);
		assertObject(o.get("angle"), "PolylineROI", null, null, null, -1, 0, 0);
		assertObject(o.get("single point"), "PointsROI", "Group 3", g3, null, -1, 0, 0);
		assertObject(o.get("ellipse"), "PolygonROI", null, null, null, -1, 0, 0);
		assertObject(o.get("rotated rectangle"), "PolygonROI", null, null, null, -1, 0, 0);
		assertObject(o.get("arrow"), "LineROI", null, null, null, -1, 0, 0);
		assertObject(o.get("text"), "RectangleROI", null, null, null, -1, 0, 0);
		assertObject(o.get("two parts, one with a hole"), "GeometryROI", "Group 1", g1, null, -1, 0, 0);
		assertEquals(2, o.get("two parts, one with a hole").get("parts").asInt());
		assertEquals(1, o.get("two parts, one with a hole").get("holes").asInt());
		// the counters: one object per counter, classified by counter in ImageJ's counter colours
		final Map<String, String> counters = new HashMap<>();
		int points = 0;
		for (final JsonNode p : objects)
			if ("points with counters".equals(p.path("name").asText())) {
				assertEquals("PointsROI", p.path("roi").asText());
				counters.put(p.path("classification").asText(), p.path("classificationColor").asText());
				points += p.path("points").asInt();
			}
		assertEquals(Map.of("Counter 0", hex(Color.yellow), "Counter 1", hex(Color.magenta), "Counter 2",
			hex(Color.cyan)), counters);
		assertEquals(4, points);
	}

	@Test
	void qupathPutsStackRoisOnTheirPlanes() throws IOException {
		final Path pkg = in.export(dir.resolve("pkg3d"), "--image", in.stack, "--rois", in.stackRois);
		final Map<String, JsonNode> o = byName(qupathObjects(pkg.resolve("annotations/stack/stack.geojson")));
		assertEquals(4, o.size());
		assertObject(o.get("c2 z3 t1"), "RectangleROI", null, null, null, 1, 2, 0);
		assertObject(o.get("z2 t2, all channels"), "EllipseROI", "Group 4", groupColor(4), null, -1, 1, 1);
		// QuPath has no "every plane": it puts the ROI on its default plane
		assertObject(o.get("every plane"), "PolygonROI", null, null, null, -1, 0, 0);
		assertObject(o.get("points z4 t2"), "PointsROI", null, null, null, 0, 3, 1);
	}

	@Test
	void qupathImportsOutlinesFromLabels() throws IOException {
		final Path pkg = in.export(dir.resolve("pkgLabels"), "--image", in.image2d, "--labels", in.labels2d,
			"--rois-from-labels");
		final Map<String, JsonNode> o = byName(qupathObjects(pkg.resolve("annotations/cells/cells_labels_outlines.geojson")));
		assertEquals(14, o.size());
		assertEquals("GeometryROI", o.get("label 20").path("roi").asText());
		assertEquals(1, o.get("label 20").path("holes").asInt());
		assertEquals(2, o.get("label 21").path("parts").asInt());
		assertEquals(200.0, o.get("label 21").path("measurements").path("pixels").asDouble());
		for (final JsonNode label : o.values())
			assertEquals(label.path("area").asDouble(), label.path("measurements").path("pixels").asDouble(), 1e-9,
				label::toString);

		final Path stack = in.export(dir.resolve("pkgLabels3d"), "--image", in.stack, "--labels", in.stackLabels,
			"--rois-from-labels");
		final List<JsonNode> outlines = qupathObjects(stack.resolve("annotations/stack/stack_labels_outlines.geojson"));
		assertEquals(16, outlines.size());
		final Map<String, Integer> perPlane = new HashMap<>();
		for (final JsonNode label : outlines)
			perPlane.merge(label.path("c").asInt() + "," + label.path("z").asInt() + "," + label.path("t").asInt(), 1,
				Integer::sum);
		// 2 labels on each of the 4 slices of each of the 2 frames
		final Map<String, Integer> expected = new HashMap<>();
		for (int t = 0; t < 2; t++)
			for (int z = 0; z < 4; z++)
				expected.put("-1," + z + "," + t, 2);
		assertEquals(expected, perPlane);
	}

	@Test
	void gdalReadsEveryFeatureOfEveryExport() {
		final Path p2d = in.export(dir.resolve("gdal2d"), "--image", in.image2d, "--rois", in.rois2d, "--labels",
			in.labels2d, "--rois-from-labels");
		final Path p3d = in.export(dir.resolve("gdal3d"), "--image", in.stack, "--rois", in.stackRois, "--labels",
			in.stackLabels, "--rois-from-labels");
		final Consumers.Verdict v = Consumers.python("geojson-ogr", p2d.resolve("annotations/cells/cells.geojson"),
			p2d.resolve("annotations/cells/cells_labels_outlines.geojson"), p3d.resolve("annotations/stack/stack.geojson"),
			p3d.resolve("annotations/stack/stack_labels_outlines.geojson")).assertAccepted();
		final String out = v.output;
		assertTrue(out.contains("cells.geojson: driver GeoJSON, layer 'cells', 19 features"), out);
		assertTrue(out.contains("cells_labels_outlines.geojson: driver GeoJSON, layer 'cells_labels_outlines', 14 features"), out);
		assertTrue(out.contains("stack.geojson: driver GeoJSON, layer 'stack', 4 features"), out);
		assertTrue(out.contains("stack_labels_outlines.geojson: driver GeoJSON, layer 'stack_labels_outlines', 16 features"), out);
	}

	/** A 2-channel, 3-slice, 3-frame stack as large as QuPath's test objects need. */
	private static Path qupathStack() {
		final Path f = dir.resolve("qupath-stack.tif");
		if (!Files.exists(f)) IJ.save(IJ.createHyperStack("qupath-stack", 512, 512, 2, 3, 3, 8), f.toString());
		return f;
	}

	@Test
	void importOfQuPathFilesKeepsClassesColoursShapesPlanesAndDetections() throws IOException {
		final Path written = Consumers.qupathWrites(dir.resolve("qupath-written"));
		final JsonNode index = JSON.readTree(written.resolve("index.json").toFile());
		for (final JsonNode f : index.path("files")) {
			final Path zip = dir.resolve("imported-" + f.path("file").asText() + ".zip");
			cli("import", written.resolve(f.path("file").asText()), "--image", qupathStack(), "--out", zip);
			assertEquals(f.path("objects").asInt(), RoiZips.byName(zip).size(), f::toString);
		}

		final Path zip = dir.resolve("all.zip");
		final String said = cli("import", written.resolve("all.geojson"), "--image", qupathStack(), "--out", zip);
		assertTrue(said.contains("warning: " + written.resolve("all.geojson") + ": cell nuclei (nucleusGeometry) not " +
			"imported: an ImageJ ROI has one outline (1 feature: feature 15)"), said);
		final Map<String, Roi> r = RoiZips.byName(zip);
		// QuPath's classes become groups, one per class, and the ROIs take the class colour (or their own); ImageJ
		// shows a grouped ROI read from a RoiSet.zip in its group's colour, so the colours are seen on the ROIs as
		// they are imported, before ImageJ writes and reads them
		final Map<String, Roi> direct = new HashMap<>();
		for (final Roi roi : GeoJsonImport.read(written.resolve("all.geojson"), IJ.openImage(qupathStack().toString()), w -> {}))
			direct.put(roi.getName(), roi);
		assertClass(r, direct, "polygon with hole", "Stroma", "#96c896", "#96c896");
		assertClass(r, direct, "ellipse", "Tumor", "#c80000", "#ff0000");
		assertClass(r, direct, "class Tumor", "Tumor", "#c80000", "#c80000");
		assertClass(r, direct, "derived class Tumor: Positive", "Tumor: Positive", "#c83232", "#c83232");
		assertClass(r, direct, "custom class with colour", "Nucleus", "#0080ff", "#0ac81e");
		assertEquals(r.get("class Tumor").getGroup(), r.get("ellipse").getGroup());
		assertTrue(r.get("class Tumor").getGroup() != r.get("derived class Tumor: Positive").getGroup());
		assertEquals(0, r.get("unclassified").getGroup());
		assertNull(r.get("unclassified").getProperty(QuPathMembers.CLASSIFICATION));
		// rectangles are rectangles, ellipses ovals
		for (final String name : new String[] { "rectangle", "class Tumor", "unclassified", "with metadata" })
			assertEquals(Roi.RECTANGLE, r.get(name).getType(), name);
		final Roi subPixel = r.get("sub-pixel rectangle z2 t1");
		assertEquals(Roi.RECTANGLE, subPixel.getType());
		assertEquals(new java.awt.geom.Rectangle2D.Double(360.25, 400.5, 10.5, 5.25), subPixel.getFloatBounds());
		assertInstanceOf(OvalRoi.class, r.get("ellipse"));
		assertEquals(new java.awt.Rectangle(200, 150, 60, 40), r.get("ellipse").getBounds());
		assertInstanceOf(ShapeRoi.class, r.get("polygon with hole"));
		assertInstanceOf(Line.class, r.get("line"));
		assertEquals(Roi.POLYLINE, r.get("polyline").getType());
		assertInstanceOf(PolygonRoi.class, r.get("custom class with colour"));
		// planes: QuPath's default plane is the first slice and frame of the stack, on all channels
		assertPosition(r.get("rectangle"), 0, 1, 1);
		assertPosition(r.get("3 points z0"), 0, 1, 1);
		assertPosition(r.get("point z1"), 0, 2, 1);
		assertPosition(r.get("point c1 z2 t1"), 2, 3, 2);
		assertPosition(r.get("2 points t2"), 0, 1, 3);
		assertPosition(subPixel, 0, 3, 2);
		assertInstanceOf(PointRoi.class, r.get("3 points z0"));
		assertEquals(3, r.get("3 points z0").getFloatPolygon().npoints);
		// detections, measurements, ids, metadata and the locked state are kept in ROI properties
		final Roi detection = r.get("#13"), cell = r.get("#14"), tile = r.get("#15");
		assertEquals("detection", detection.getProperty(QuPathMembers.OBJECT_TYPE));
		assertEquals("{\"Area px\":94.0,\"Mean intensity\":123.5}", detection.getProperty(QuPathMembers.MEASUREMENTS));
		assertInstanceOf(OvalRoi.class, detection);
		assertEquals("cell", cell.getProperty(QuPathMembers.OBJECT_TYPE));
		assertEquals("tile", tile.getProperty(QuPathMembers.OBJECT_TYPE));
		assertEquals(Roi.RECTANGLE, tile.getType());
		assertEquals("true", r.get("with metadata").getProperty(QuPathMembers.LOCKED));
		assertEquals("qupath-geojson --write", r.get("with metadata").getProperty("source"));
		final TreeSet<String> ids = new TreeSet<>();
		for (final Roi roi : r.values())
			ids.add(roi.getProperty(QuPathMembers.ID));
		assertEquals(20, ids.size());
	}

	private static void assertClass(final Map<String, Roi> saved, final Map<String, Roi> direct, final String name,
		final String classification, final String classColor, final String stroke)
	{
		final Roi roi = saved.get(name);
		assertEquals(classification, roi.getProperty(QuPathMembers.CLASSIFICATION), name);
		assertEquals(classColor, roi.getProperty(QuPathMembers.CLASSIFICATION_COLOR), name);
		assertTrue(roi.getGroup() > 0, name);
		assertEquals(roi.getGroup(), direct.get(name).getGroup(), name);
		assertEquals(stroke, hex(direct.get(name).getStrokeColor()), name);
	}

	private static void assertPosition(final Roi roi, final int c, final int z, final int t) {
		assertEquals(c + "," + z + "," + t, roi.getCPosition() + "," + roi.getZPosition() + "," + roi.getTPosition(),
			roi.getName());
	}

	@Test
	void quPathFilesImportedAndExportedAgainGiveQuPathTheSameObjects() throws IOException {
		final Path written = Consumers.qupathWrites(dir.resolve("qupath-written-again"));
		final Path original = written.resolve("all.geojson");
		final Path zip = dir.resolve("again.zip");
		cli("import", original, "--image", qupathStack(), "--out", zip);
		final Path pkg = in.export(dir.resolve("again"), "--image", qupathStack(), "--rois", zip);
		final Map<String, JsonNode> before = byId(qupathObjects(original));
		final Map<String, JsonNode> after = byId(qupathObjects(pkg.resolve("annotations/qupath-stack/qupath-stack.geojson")));
		assertEquals(before.keySet(), after.keySet());
		for (final Map.Entry<String, JsonNode> e : before.entrySet()) {
			final JsonNode b = e.getValue(), a = after.get(e.getKey());
			final String who = b.path("name").asText() + "\nbefore " + b + "\nafter  " + a;
			for (final String field : new String[] { "objectType", "name", "classification", "classificationNames",
				"classificationColor", "color", "locked", "roi", "c", "z", "t", "measurements", "points" })
				assertEquals(b.path(field), a.path(field), field + " of " + who);
			for (int i = 0; i < 4; i++)
				assertEquals(b.path("bounds").get(i).asDouble(), a.path("bounds").get(i).asDouble(), 0.01, "bounds of " + who);
			b.path("metadata").fields().forEachRemaining(m -> assertEquals(m.getValue(), a.path("metadata").path(m.getKey()),
				"metadata of " + who));
		}
	}

	private static Map<String, JsonNode> byId(final List<JsonNode> objects) {
		final Map<String, JsonNode> m = new LinkedHashMap<>();
		for (final JsonNode o : objects)
			m.put(o.path("id").asText(), o);
		return m;
	}

	@Test
	void qupathReadsDerivedClassesDetectionsAndMeasurementsAsWeWriteThem() throws IOException {
		final GeometryFactory f = new GeometryFactory();
		final Path file = dir.resolve("written.geojson");
		try (GeoJsonWriter w = new GeoJsonWriter(Files.newOutputStream(file))) {
			w.write(Annotation.builder(f.createPoint(new Coordinate(5, 5))).name("derived, no colour")
				.classification("Tumor: Positive", null).build());
			w.write(Annotation.builder(f.toGeometry(new Envelope(10, 20, 10, 30))).name("own class")
				.classification("Mitosis", Rgb.of(10, 20, 30)).color(Rgb.of(10, 20, 30)).plane(Plane.DEFAULT).build());
			w.write(Annotation.builder(f.toGeometry(new Envelope(30, 40, 10, 30))).name("detection")
				.objectType(Annotation.ObjectType.DETECTION).id("0b0f6f67-3e1c-4d0e-9a43-7e6e8a6a1d2e").locked(true)
				.measurement("Area", 200).measurement("Undefined", Double.NaN).plane(Plane.of(1, 2, 3)).build());
			w.write(Annotation.builder(f.toGeometry(new Envelope(50, 60, 10, 30))).name("tile")
				.objectType(Annotation.ObjectType.TILE).classification("Unnamed class", null).build());
		}
		final Map<String, JsonNode> o = byName(qupathObjects(file));
		assertEquals("[\"Tumor\",\"Positive\"]", o.get("derived, no colour").path("classificationNames").toString());
		assertTrue(o.get("derived, no colour").path("classificationDerived").asBoolean());
		assertEquals("#0a141e", o.get("own class").path("classificationColor").asText());
		// an object colour that is its class's is not written: QuPath shows the class colour
		assertTrue(o.get("own class").path("color").isNull());
		assertObject(o.get("own class"), "RectangleROI", "Mitosis", "#0a141e", null, -1, 0, 0);
		final JsonNode d = o.get("detection");
		assertEquals("detection", d.path("objectType").asText());
		assertEquals("0b0f6f67-3e1c-4d0e-9a43-7e6e8a6a1d2e", d.path("id").asText());
		assertTrue(d.path("locked").asBoolean());
		assertEquals(200, d.path("measurements").path("Area").asDouble());
		assertEquals("NaN", d.path("measurements").path("Undefined").asText());
		assertEquals("1,2,3", d.path("c").asInt() + "," + d.path("z").asInt() + "," + d.path("t").asInt());
		assertEquals("tile", o.get("tile").path("objectType").asText());
		assertEquals(hex(new Color(ClassColors.of("Unnamed class").argb())), o.get("tile").path("classificationColor").asText());
	}

	@Test
	void aRoiMovedToAnotherGroupGoesBackToQuPathInThatGroupsClass() throws IOException {
		final Path written = Consumers.qupathWrites(dir.resolve("qupath-regrouped"));
		final Path zip = dir.resolve("regrouped.zip");
		cli("import", written.resolve("classified.geojson"), "--out", zip);
		final List<Roi> rois = new ArrayList<>(RoiZips.byName(zip).values());
		final Roi tumor = rois.get(0);
		assertEquals("class Tumor", tumor.getName());
		tumor.setGroup(7);
		final Path changed = dir.resolve("regrouped-changed.zip");
		RoiSetWriter.write(rois, changed);
		final Path image = dir.resolve("flat.tif");
		IJ.save(IJ.createImage("flat", 512, 512, 1, 8), image.toString());
		final Path pkg = in.export(dir.resolve("regrouped"), "--image", image, "--rois", changed);
		final Map<String, JsonNode> o = byName(qupathObjects(pkg.resolve("annotations/flat/flat.geojson")));
		assertObject(o.get("class Tumor"), "RectangleROI", "Group 7", groupColor(7), null, -1, 0, 0);
		assertObject(o.get("derived class Tumor: Positive"), "RectangleROI", "Tumor: Positive", "#c83232", null, -1, 0, 0);
		assertObject(o.get("custom class with colour"), "PolygonROI", "Nucleus", "#0080ff", "#0ac81e", -1, 0, 0);
		assertObject(o.get("unclassified"), "RectangleROI", null, null, null, -1, 0, 0);
	}

	@Test
	void qupathsDefaultPlaneIsTheFirstSliceOfAStackAndNoPositionIn2d() throws IOException {
		final Path written = Consumers.qupathWrites(dir.resolve("qupath-planes"));
		ImageJQuirks.apply();
		// without an image: a file that puts objects on other planes describes a stack
		final Map<String, Roi> noImage = named(GeoJsonImport.read(written.resolve("points-planes.geojson"), null, w -> {}));
		assertPosition(noImage.get("3 points z0"), 0, 1, 1);
		assertPosition(noImage.get("point z1"), 0, 2, 1);
		assertPosition(noImage.get("point c1 z2 t1"), 2, 3, 2);
		// a file with no plane describes a 2D image: no position, as a 2D image given with --image
		final Roi ellipse = GeoJsonImport.read(written.resolve("ellipse.geojson"), null, w -> {}).get(0);
		assertEquals(0, ellipse.getPosition());
		assertEquals(false, ellipse.hasHyperStackPosition());
		final List<String> warnings = new ArrayList<>();
		final Map<String, Roi> flat = named(GeoJsonImport.read(written.resolve("points-planes.geojson"),
			IJ.createImage("flat", 512, 512, 1, 8), warnings::add));
		assertEquals(0, flat.get("3 points z0").getPosition());
		assertEquals(false, flat.get("3 points z0").hasHyperStackPosition());
		assertEquals(List.of(written.resolve("points-planes.geojson") + ": 3 features lie on planes beyond the image's 1 " +
			"channels, 1 slices, 1 frames: their ROIs keep the positions the file gives"), warnings);
	}

	private static Map<String, Roi> named(final List<Roi> rois) {
		final Map<String, Roi> m = new LinkedHashMap<>();
		for (final Roi r : rois)
			m.put(r.getName(), r);
		return m;
	}
}
