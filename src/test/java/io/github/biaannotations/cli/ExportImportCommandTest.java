package io.github.biaannotations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.process.ByteProcessor;

import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.imagej.RoiSetWriter;
import io.github.biaannotations.submission.Manifest;
import io.github.biaannotations.testutil.CliRun;
import io.github.biaannotations.testutil.RoiZips;

/** The export and import commands as users run them: real files in, real files out, read back independently. */
class ExportImportCommandTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path tmp;

	private SampleData.SampleFiles sample;

	@BeforeEach
	void sample() throws IOException {
		sample = SampleData.standard().write(tmp.resolve("sample"));
	}

	private static byte[] mask(final Roi roi) {
		final ByteProcessor ip = new ByteProcessor(256, 256);
		ip.setColor(255);
		ip.fill(roi);
		return (byte[]) ip.getPixels();
	}

	@Test
	void exportWritesGeoJsonAndAManifestThatMatchesTheFiles() throws Exception {
		final Path out = tmp.resolve("pkg");
		final CliRun r = CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", out);
		assertEquals(0, r.exit, r.toString());
		final Path geojson = out.resolve("annotations/nuclei/nuclei.geojson");
		assertTrue(Files.isRegularFile(geojson));
		final JsonNode fc = JSON.readTree(geojson.toFile());
		final GeoJsonReader jts = new GeoJsonReader();
		int polygons = 0;
		for (final JsonNode f : fc.get("features")) {
			final Geometry g = jts.read(f.get("geometry").toString());
			assertTrue(g.isValid());
			if (g.getGeometryType().equals("Polygon")) polygons++;
		}
		assertEquals(40, polygons, "one polygon per traced nucleus");
		final Manifest m = Manifest.read(out.resolve("manifest.json"));
		assertEquals(1, m.files().size());
		for (final Manifest.Entry e : m.files()) {
			assertEquals(Files.size(out.resolve(e.path)), e.size);
			assertEquals(Manifest.sha256(out.resolve(e.path)), e.sha256);
		}
	}

	@Test
	void importBringsBackTheSameMasksNamesAndGroups() throws Exception {
		final Path out = tmp.resolve("pkg");
		assertEquals(0, CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", out).exit);
		final Path back = tmp.resolve("back.zip");
		final CliRun r = CliRun.run("import", out.resolve("annotations/nuclei/nuclei.geojson"), "--image", sample.image, "--out", back);
		assertEquals(0, r.exit, r.toString());
		final List<Roi> original = RoiZips.read(sample.rois), imported = RoiZips.read(back);
		assertEquals(original.size(), imported.size());
		for (int i = 0; i < original.size(); i++) {
			final Roi a = original.get(i), b = imported.get(i);
			assertEquals(a.getName(), b.getName());
			assertEquals(a.getType(), b.getType());
			assertEquals(a.getGroup(), b.getGroup());
			if (a.isArea()) assertTrue(java.util.Arrays.equals(mask(a), mask(b)), "mask of " + a.getName());
			else assertTrue(java.util.Arrays.equals(a.getFloatPolygon().xpoints, b.getFloatPolygon().xpoints), a.getName());
		}
	}

	@Test
	void cocoAndPointsCsvOnRequest() throws Exception {
		final Path out = tmp.resolve("pkg");
		final CliRun r = CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", out, "--format", "coco,csv");
		assertEquals(0, r.exit, r.toString());
		final JsonNode coco = JSON.readTree(out.resolve("annotations/nuclei/nuclei.coco.json").toFile());
		assertEquals(256, coco.get("images").get(0).get("width").asInt());
		assertEquals(40, coco.get("annotations").size());
		assertEquals(2, coco.get("categories").size(), "two ROI groups, two categories");
		final JsonNode first = coco.get("annotations").get(0);
		final JsonNode bbox = first.get("bbox");
		final double[] poly = JSON.convertValue(first.get("segmentation").get(0), double[].class);
		double minX = Double.MAX_VALUE;
		for (int i = 0; i < poly.length; i += 2)
			minX = Math.min(minX, poly[i]);
		assertEquals(bbox.get(0).asDouble(), minX, 0, "bbox starts at the polygon's leftmost corner");
		final List<String> csv = Files.readAllLines(out.resolve("annotations/nuclei/nuclei_points.csv"));
		assertEquals(40, csv.size(), "no header (the archive's converter reads none), one row per nucleus centre");
		assertTrue(csv.get(0).matches("[0-9.]+,[0-9.]+,0,,,.*"), "x, y, z = 0 for a 2D image: " + csv.get(0));
	}

	@Test
	void cocoAndPointsCsvOfWhatCanHoldThemAndAWarningForTheRest() throws Exception {
		final Path labelsOnly = tmp.resolve("labels");
		final CliRun l = CliRun.run("export", "--image", sample.image, "--labels", sample.labels, "--out", labelsOnly,
			"--format", "coco,csv");
		assertEquals(0, l.exit, l.toString());
		final JsonNode coco = JSON.readTree(labelsOnly.resolve("annotations/nuclei/nuclei_labels.coco.json").toFile());
		assertEquals(40, coco.get("annotations").size(), "one annotation per label");
		assertTrue(l.err.contains("warning: nuclei.tif: points CSV not written: only label images given"), l.err);
		assertFalse(Files.exists(labelsOnly.resolve("annotations/nuclei/nuclei_points.csv")));
		assertTrue(l.out.contains("annotations/nuclei/nuclei_labels.coco.json"), l.out);

		final Path points = tmp.resolve("points.roi");
		Files.write(points, RoiEncoder.saveAsByteArray(new ij.gui.PointRoi(new float[] { 3, 9 }, new float[] { 4, 8 })));
		final Path pointsOnly = tmp.resolve("points");
		final CliRun p = CliRun.run("export", "--image", sample.image, "--rois", points, "--out", pointsOnly,
			"--format", "coco,csv");
		assertEquals(0, p.exit, p.toString());
		assertTrue(p.err.contains("warning: nuclei.tif: COCO not written: no area ROIs"), p.err);
		assertFalse(Files.exists(pointsOnly.resolve("annotations/nuclei/nuclei.coco.json")));
		assertFalse(p.out.contains("coco.json"), "an unwritten file is not listed: " + p.out);
		assertFalse(Manifest.read(pointsOnly.resolve("manifest.json")).files().stream()
			.anyMatch(e -> e.path.endsWith("coco.json")));
		assertEquals(List.of("3.0,4.0,0,,,,points", "9.0,8.0,0,,,,points"), Files.readAllLines(pointsOnly.resolve(
			"annotations/nuclei/nuclei_points.csv")), "ImageJ's point coordinates, z 0");
	}

	@Test
	void damagedZipFailsNamingTheFileAndWritesNothing() throws Exception {
		final Path bad = tmp.resolve("broken_RoiSet.zip");
		final byte[] good = Files.readAllBytes(sample.rois);
		Files.write(bad, java.util.Arrays.copyOf(good, good.length / 2));
		final Path out = tmp.resolve("pkg");
		final CliRun r = CliRun.run("export", "--image", sample.image, "--rois", bad, "--out", out);
		assertEquals(1, r.exit, r.toString());
		assertTrue(r.err.contains("broken_RoiSet.zip"), r.err);
		assertEquals(1, r.err.trim().split("\n").length, "one line: " + r.err);
		assertFalse(Files.exists(out), "no output folder after a failed export");
		try (Stream<Path> s = Files.list(tmp)) {
			assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("partial")).collect(Collectors.toList()));
		}
	}

	@Test
	void truncatedRoiFileFailsNamingIt() throws Exception {
		final Path roi = tmp.resolve("cell.roi");
		final byte[] bytes = RoiEncoder.saveAsByteArray(new PolygonRoi(new int[] { 1, 50, 20 }, new int[] { 1, 5, 40 }, 3, Roi.POLYGON));
		Files.write(roi, java.util.Arrays.copyOf(bytes, 70));
		final CliRun r = CliRun.run("export", "--image", sample.image, "--rois", roi, "--out", tmp.resolve("pkg"));
		assertEquals(1, r.exit, r.toString());
		assertTrue(r.err.contains("cell.roi"), r.err);
	}

	@Test
	void zipEntriesThatAreNotRoisAreSkippedWithAWarning() throws Exception {
		final Path zip = tmp.resolve("mixed.zip");
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
			z.putNextEntry(new ZipEntry("notes.txt"));
			z.write("hello".getBytes(StandardCharsets.UTF_8));
			z.putNextEntry(new ZipEntry("a.roi"));
			z.write(RoiEncoder.saveAsByteArray(new OvalRoi(10, 10, 20, 30)));
		}
		final CliRun r = CliRun.run("export", "--image", sample.image, "--rois", zip, "--out", tmp.resolve("pkg"));
		assertEquals(0, r.exit, r.toString());
		assertTrue(r.err.contains("'notes.txt' is not a ROI"), r.err);
	}

	@Test
	void emptyRoiSetIsAnError() throws Exception {
		final Path zip = tmp.resolve("empty.zip");
		try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
			z.putNextEntry(new ZipEntry("readme.txt"));
		}
		final CliRun r = CliRun.run("export", "--image", sample.image, "--rois", zip, "--out", tmp.resolve("pkg"));
		assertEquals(1, r.exit);
		assertTrue(r.err.contains("empty.zip: contains no ROIs"), r.err);
	}

	@Test
	void validatePassesASubmissionPackageOnlyAndHelpNamesEveryCommand() throws Exception {
		final Path files = tmp.resolve("files-only");
		assertEquals(0, CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", files).exit);
		final CliRun v = CliRun.run("validate", files);
		assertEquals(1, v.exit, "annotation files only cannot be submitted: " + v);
		assertTrue(v.out.contains("ERROR submission.json: missing") && v.out.contains("invalid: 1 error in "), v.out);
		final CliRun help = CliRun.run("help", "export");
		assertEquals(0, help.exit, help.toString());
		assertTrue(help.out.startsWith("Usage: bia-annotations export"), help.out);
		assertTrue(help.out.contains("Extra formats besides GeoJSON: coco, csv."), "the registered formats: " + help.out);
		assertTrue(CliRun.run("help", "batch").out.contains("Extra formats besides GeoJSON: coco, csv."));
	}

	@Test
	void existingOutputIsKeptUnlessOverwriteIsGiven() throws Exception {
		final Path out = Files.createDirectories(tmp.resolve("pkg"));
		Files.writeString(out.resolve("keep.txt"), "mine");
		final CliRun refused = CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", out);
		assertEquals(1, refused.exit);
		assertTrue(refused.err.contains("not empty"), refused.err);
		assertEquals("mine", Files.readString(out.resolve("keep.txt")));
		// --overwrite replaces an earlier package only: a folder of other work is kept
		final CliRun foreign = CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", out, "--overwrite");
		assertEquals(1, foreign.exit);
		assertTrue(foreign.err.contains("is not a package"), foreign.err);
		assertEquals("mine", Files.readString(out.resolve("keep.txt")));
		final Path pkg = tmp.resolve("pkg2");
		assertEquals(0, CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", pkg).exit);
		Files.writeString(pkg.resolve("keep.txt"), "added later");
		final CliRun replaced = CliRun.run("export", "--image", sample.image, "--rois", sample.rois, "--out", pkg, "--overwrite");
		assertEquals(0, replaced.exit, replaced.toString());
		assertFalse(Files.exists(pkg.resolve("keep.txt")));
		assertTrue(Files.exists(pkg.resolve("manifest.json")));
	}

	@Test
	void coordinatesBeyond32767StayInGeoJsonButAreRefusedForRoiSets() throws Exception {
		final Path zip = tmp.resolve("far.zip");
		final Roi far = new PolygonRoi(new float[] { 40000, 40100, 40050 }, new float[] { 100, 100, 150 }, 3, Roi.POLYGON);
		far.setName("far away");
		// ImageJ's own encoder cannot store this ROI, so the GeoJSON is built from the ROI object directly
		final Path geojson = tmp.resolve("far.geojson");
		try (OutputStream o = Files.newOutputStream(geojson);
			io.github.biaannotations.geojson.GeoJsonWriter w = new io.github.biaannotations.geojson.GeoJsonWriter(o))
		{
			for (final io.github.biaannotations.model.Annotation a : new io.github.biaannotations.imagej.RoisToAnnotations(null, s -> {}).toAnnotations(far, 1))
				w.write(a);
		}
		assertTrue(Files.readString(geojson).contains("[40000,100]"), Files.readString(geojson));
		final CliRun r = CliRun.run("import", geojson, "--out", zip);
		assertEquals(1, r.exit, r.toString());
		assertTrue(r.err.contains("'far away'") && r.err.contains("32767"), r.err);
		assertFalse(Files.exists(zip));
	}

	@Test
	void unicodeNamesSurviveTheCommandLineRoundTrip() throws Exception {
		final Roi r = new OvalRoi(20, 20, 30, 30);
		r.setName("noyau « é » 核 🔬");
		final Path zip = tmp.resolve("uni.zip");
		RoiSetWriter.write(List.of(r), zip);
		final Path out = tmp.resolve("pkg");
		assertEquals(0, CliRun.run("export", "--image", sample.image, "--rois", zip, "--out", out).exit);
		final Path back = tmp.resolve("back.zip");
		assertEquals(0, CliRun.run("import", out.resolve("annotations/nuclei/nuclei.geojson"), "--out", back).exit);
		assertEquals(r.getName(), RoiZips.read(back).get(0).getName());
		// the file is what its name says: ROIs go to a .zip
		final CliRun named = CliRun.run("import", out.resolve("annotations/nuclei/nuclei.geojson"), "--out",
			tmp.resolve("rois.tif"));
		assertEquals(1, named.exit);
		assertTrue(named.err.contains("ROIs are written as a RoiSet.zip: name it .zip"), named.err);
		assertFalse(Files.exists(tmp.resolve("rois.tif")));
		// a ROI file given twice would export its ROIs twice
		final CliRun twice = CliRun.run("export", "--image", sample.image, "--rois", zip, "--rois", zip, "--out",
			tmp.resolve("twice"));
		assertEquals(1, twice.exit);
		assertTrue(twice.err.contains(zip + ": ROI file given twice"), twice.err);
		// an existing file is replaced only when asked
		Files.writeString(back, "precious");
		final CliRun kept = CliRun.run("import", out.resolve("annotations/nuclei/nuclei.geojson"), "--out", back);
		assertEquals(1, kept.exit);
		assertTrue(kept.err.contains(back + ": exists; choose another file, or give --overwrite"), kept.err);
		assertEquals("precious", Files.readString(back));
		assertEquals(0, CliRun.run("import", out.resolve("annotations/nuclei/nuclei.geojson"), "--out", back,
			"--overwrite").exit);
		assertEquals(r.getName(), RoiZips.read(back).get(0).getName());
	}

	@Test
	void roisOutsideTheImageAreExportedWithAWarningNamingThem() throws Exception {
		final Roi outside = new OvalRoi(400, 400, 20, 20);
		outside.setName("stray");
		final Roi across = new OvalRoi(250, 10, 20, 20);
		final Roi bowtie = new PolygonRoi(new float[] { 10, 40, 40, 10 }, new float[] { 10, 40, 10, 40 }, 4, Roi.POLYGON);
		bowtie.setName("bowtie");
		final Path zip = tmp.resolve("edge.zip");
		RoiSetWriter.write(List.of(outside, across, bowtie), zip);
		final CliRun r = CliRun.run("export", "--image", sample.image, "--rois", zip, "--out", tmp.resolve("pkg"));
		assertEquals(0, r.exit, r.toString());
		assertTrue(r.err.contains("ROI 1 'stray' lies outside the 256x256 image"), r.err);
		assertTrue(r.err.contains("0002.roi: ROI 2 '0002' extends beyond the 256x256 image"), r.err);
		// the converter's own warnings name the file too
		assertTrue(r.err.contains("edge.zip: bowtie.roi: ROI 3 'bowtie'"), r.err);
	}

	@Test
	void labelImageToOmeZarrAndBackToTiff() throws Exception {
		final Path out = tmp.resolve("pkg");
		final CliRun r = CliRun.run("export", "--image", sample.image, "--labels", sample.labels, "--out", out, "--zarr-version", "0.4");
		assertEquals(0, r.exit, r.toString());
		final Path tif = tmp.resolve("back_labels.tif");
		final CliRun back = CliRun.run("import", out.resolve("annotations/nuclei/nuclei_labels.ome.zarr"), "--out", tif);
		assertEquals(0, back.exit, back.toString());
		assertTrue(java.util.Arrays.equals((short[]) ij.IJ.openImage(sample.labels.toString()).getProcessor().getPixels(),
			(short[]) ij.IJ.openImage(tif.toString()).getProcessor().getPixels()));
		final CliRun bad = CliRun.run("export", "--image", sample.image, "--labels", sample.labels, "--out", tmp.resolve("p2"), "--zarr-version", "0.6");
		assertEquals(1, bad.exit);
		assertTrue(bad.err.contains("0.4 or 0.5"), bad.err);
	}

	@Test
	void missingImageIsOneClearLine() {
		final CliRun r = CliRun.run("export", "--image", tmp.resolve("nope.tif"), "--out", tmp.resolve("pkg"));
		assertEquals(1, r.exit);
		assertEquals("error: " + tmp.resolve("nope.tif") + ": no such file", r.err.trim());
	}
}
