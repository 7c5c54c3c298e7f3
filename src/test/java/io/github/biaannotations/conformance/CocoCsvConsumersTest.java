package io.github.biaannotations.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;
import ij.process.ImageProcessor;

import io.github.biaannotations.imagej.RoiSetWriter;
import io.github.biaannotations.testutil.RoiZips;
import io.github.biaannotations.testutil.ConformanceInputs;
import io.github.biaannotations.testutil.Consumers;

/**
 * Our COCO and points CSV read by their consumers: pycocotools 2.0.11 ({@code coco-load}: its masks' area and box
 * must be the file's, and the pixels ImageJ's mask of each ROI, or each label's, has) and the BioImage Archive's
 * point converter ({@code bia-points-csv}, annotation-data-converter, with the image for its bounds check: every
 * point read back at ImageJ's coordinates). Exports of every 2D ROI type, the 3D stack with ROIs and points on
 * planes, label images only, and points only.
 */
class CocoCsvConsumersTest {

	/** One annotation as coco-load reports it. */
	private static final Pattern ANNOTATION = Pattern.compile("ann (\\d+): .*, (RLE|\\d+ polygon\\(s\\)); " +
		"mask area (\\d+) px \\(file says ([^)]*)\\), mask bbox \\[([^\\]]*)\\] \\(file says \\[([^\\]]*)\\]\\)");
	/** A row as bia-points-csv prints what the converter loaded, e.g. {@code row 0: [np.float64(60.0), ...]}. */
	private static final Pattern ROW = Pattern.compile("row (\\d+): \\[" + cell() + ", " + cell() + ", " + cell());

	private static String cell() {
		return "(?:np\\.\\w+\\()?([-0-9.eE]+)\\)?";
	}

	@TempDir
	static Path tmp;

	private static ConformanceInputs in;

	@BeforeAll
	static void inputs() throws IOException {
		in = ConformanceInputs.write(tmp.resolve("in"));
	}

	@Test
	void everyAreaRoiHasImageJsPixelsInPycocotoolsAndThePointsAreReadByTheArchivesConverter() throws IOException {
		final Path pkg = in.export(tmp.resolve("p2d"), "--image", in.image2d, "--rois", in.rois2d, "--format", "coco,csv");
		final List<Roi> rois = RoiZips.read(in.rois2d);
		final Consumers.Verdict coco = Consumers.python("coco-load", pkg.resolve("annotations/cells/cells.coco.json"))
			.assertAccepted();
		final List<Reported> anns = annotations(coco);
		final List<Roi> areas = new ArrayList<>();
		for (final Roi r : rois)
			if (r.isArea()) areas.add(r);
		assertEquals(areas.size(), anns.size(), "one annotation per area ROI; lines and points are not COCO objects\n" + coco);
		for (int i = 0; i < areas.size(); i++) {
			final Reported a = anns.get(i);
			final long[] imagej = imageJMask(areas.get(i), 200, 160);
			assertEquals(imagej[0], a.maskArea, areas.get(i).getName() + ": pycocotools' pixels are ImageJ's\n" + coco);
			assertEquals(List.of(imagej[1], imagej[2], imagej[3], imagej[4]), a.maskBox, areas.get(i).getName());
			a.assertFileAgrees(coco);
		}
		assertTrue(anns.get(0).kind.endsWith("polygon(s)"), "a rectangle is on the pixel grid: a polygon");
		assertEquals("RLE", anns.get(3).kind, "a polygon with slanted edges: ImageJ's mask as RLE");

		final Consumers.Verdict points = Consumers.python("bia-points-csv", pkg.resolve("annotations/cells/cells_points.csv"),
			"--image", in.image2d).assertAccepted();
		assertPoints(points, imageJPoints(rois, 0));
	}

	@Test
	void theStacksAreasAndPointsOnPlanes() throws IOException {
		final Path pkg = in.export(tmp.resolve("p3d"), "--image", in.stack, "--rois", in.stackRois, "--format", "coco,csv");
		final List<Roi> rois = RoiZips.read(in.stackRois);
		final Path cocoFile = pkg.resolve("annotations/stack/stack.coco.json");
		final Consumers.Verdict coco = Consumers.python("coco-load", cocoFile).assertAccepted();
		final List<Reported> anns = annotations(coco);
		assertEquals(3, anns.size(), coco.toString());
		for (int i = 0; i < 3; i++) {
			assertEquals(imageJMask(rois.get(i), 64, 48)[0], anns.get(i).maskArea, rois.get(i).getName() + "\n" + coco);
			anns.get(i).assertFileAgrees(coco);
		}
		final JsonNode written = new ObjectMapper().readTree(cocoFile.toFile()).get("annotations");
		assertEquals("{\"c\":1,\"z\":2,\"t\":0}", written.get(0).get("plane").toString(), "c2 z3 t1, 0-based");
		assertEquals("{\"c\":-1,\"z\":1,\"t\":1}", written.get(1).get("plane").toString(), "z2 t2, all channels");
		assertFalse(written.get(2).has("plane"), "on every plane");

		final Consumers.Verdict points = Consumers.python("bia-points-csv", pkg.resolve("annotations/stack/stack_points.csv"),
			"--image", in.stack).assertAccepted();
		assertTrue(points.output.contains("image size x=64 y=48 z=4"), points.toString());
		assertPoints(points, imageJPoints(rois, 3));
	}

	@Test
	void labelImagesOnlyGiveACocoOfEveryLabelOnEveryPlaneAndNoPointsCsv() throws IOException {
		final Path pkg = in.export(tmp.resolve("plabels"), "--image", in.image2d, "--labels", in.labels2d, "--format",
			"coco,csv");
		assertLabelsCoco(pkg.resolve("annotations/cells/cells_labels.coco.json"), in.labels2d);
		assertNotListed(pkg, "_points.csv");
		final Path stack = in.export(tmp.resolve("plabels3d"), "--image", in.stack, "--labels", in.stackLabels, "--format",
			"coco,csv");
		assertLabelsCoco(stack.resolve("annotations/stack/stack_labels.coco.json"), in.stackLabels);
		assertNotListed(stack, "_points.csv");
	}

	@Test
	void pointsOnlyGiveAPointsCsvReadUpToTheImagesLastPixelAndNoCoco() throws IOException {
		final PointRoi corners = new PointRoi(new float[] { 0, 199, 80 }, new float[] { 0, 159, 90 });
		corners.setName("first and last pixel");
		corners.setCounters(new int[] { 0, 1, 1 });
		final PointRoi between = new PointRoi(100.5, 92.5);
		between.setName("between pixels");
		final Path zip = tmp.resolve("points_RoiSet.zip");
		RoiSetWriter.write(List.of(corners, between), zip);
		final Path pkg = in.export(tmp.resolve("ppoints"), "--image", in.image2d, "--rois", zip, "--format", "coco,csv");
		assertNotListed(pkg, ".coco.json");
		final Consumers.Verdict points = Consumers.python("bia-points-csv", pkg.resolve("annotations/cells/cells_points.csv"),
			"--image", in.image2d).assertAccepted();
		assertPoints(points, imageJPoints(RoiZips.read(zip), 0));
	}

	/** coco-load's areas, sorted, are the label images' pixel counts of each label on each plane, sorted. */
	private static void assertLabelsCoco(final Path cocoFile, final Path labelFile) {
		final Consumers.Verdict coco = Consumers.python("coco-load", cocoFile).assertAccepted();
		final List<Long> areas = new ArrayList<>();
		for (final Reported a : annotations(coco)) {
			a.assertFileAgrees(coco);
			areas.add(a.maskArea);
		}
		final ImagePlus labels = IJ.openImage(labelFile.toString());
		final List<Long> counts = new ArrayList<>();
		for (int s = 1; s <= labels.getStackSize(); s++) {
			final ImageProcessor ip = labels.getStack().getProcessor(s);
			final Map<Integer, Long> perLabel = new HashMap<>();
			for (int i = 0; i < ip.getPixelCount(); i++)
				if (ip.get(i) != 0) perLabel.merge(ip.get(i), 1L, Long::sum);
			counts.addAll(perLabel.values());
		}
		Collections.sort(areas);
		Collections.sort(counts);
		assertEquals(counts, areas, "one annotation per label per plane, with its pixels\n" + coco);
	}

	/** The package holds no file ending {@code suffix}, and neither its file list nor its manifest names one. */
	private static void assertNotListed(final Path pkg, final String suffix) throws IOException {
		try (java.util.stream.Stream<Path> files = Files.walk(pkg)) {
			assertFalse(files.anyMatch(f -> f.toString().endsWith(suffix)), "no " + suffix + " in " + pkg);
		}
		assertFalse(Files.readString(pkg.resolve("annotations.tsv")).contains(suffix));
		assertFalse(Files.readString(pkg.resolve("manifest.json")).contains(suffix));
	}

	/** The converter accepted every point within the image's bounds and read the first ones at {@code expected}. */
	private static void assertPoints(final Consumers.Verdict v, final List<double[]> expected) {
		assertTrue(v.output.contains("load(): " + expected.size() + " rows x 7 columns"), v.toString());
		assertTrue(v.output.contains("validate_points(): all " + expected.size() + " points within bounds"), v.toString());
		assertTrue(v.output.contains("every row converted to an integer point"), v.toString());
		int rows = 0;
		for (final String line : v.output.split("\n")) {
			final Matcher m = ROW.matcher(line.trim());
			if (!m.lookingAt()) continue;
			final double[] e = expected.get(Integer.parseInt(m.group(1)));
			for (int i = 0; i < 3; i++)
				assertEquals(e[i], Double.parseDouble(m.group(i + 2)), 0, "row " + m.group(1) + " column " + i + ": " + line);
			rows++;
		}
		assertEquals(Math.min(3, expected.size()), rows, "rows printed by the converter\n" + v);
	}

	/** x, y, z of every point of the point ROIs, in ROI order: ImageJ's coordinates, z the 0-based slice. */
	private static List<double[]> imageJPoints(final List<Roi> rois, final int z) {
		final List<double[]> points = new ArrayList<>();
		for (final Roi r : rois) {
			if (!(r instanceof PointRoi)) continue;
			final FloatPolygon p = r.getFloatPolygon();
			for (int i = 0; i < p.npoints; i++)
				points.add(new double[] { p.xpoints[i], p.ypoints[i], z });
		}
		return points;
	}

	/** Pixel count, then x, y, width, height of the box, of ImageJ's mask of {@code roi} inside a w x h image. */
	private static long[] imageJMask(final Roi roi, final int w, final int h) {
		final Rectangle b = roi.getBounds();
		final ImageProcessor mask = roi.getMask();
		long n = 0;
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
		for (int y = Math.max(0, b.y); y < Math.min(h, b.y + b.height); y++)
			for (int x = Math.max(0, b.x); x < Math.min(w, b.x + b.width); x++)
				if (mask == null || mask.get(x - b.x, y - b.y) != 0) {
					n++;
					x0 = Math.min(x0, x);
					y0 = Math.min(y0, y);
					x1 = Math.max(x1, x);
					y1 = Math.max(y1, y);
				}
		return new long[] { n, x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
	}

	private static List<Reported> annotations(final Consumers.Verdict coco) {
		final List<Reported> anns = new ArrayList<>();
		for (final String line : coco.output.split("\n")) {
			final Matcher m = ANNOTATION.matcher(line.trim());
			if (m.lookingAt()) anns.add(new Reported(m));
		}
		return anns;
	}

	/** What coco-load said of one annotation: its segmentation's kind, pycocotools' mask and the file's values. */
	private static final class Reported {

		final String line;
		final String kind;
		final long maskArea;
		final String fileArea;
		final List<Long> maskBox = new ArrayList<>();
		final List<Long> fileBox = new ArrayList<>();

		Reported(final Matcher m) {
			line = m.group();
			kind = m.group(2);
			maskArea = Long.parseLong(m.group(3));
			fileArea = m.group(4);
			for (final String s : m.group(5).split(","))
				maskBox.add(whole(s));
			for (final String s : m.group(6).split(","))
				fileBox.add(whole(s));
		}

		private static long whole(final String s) {
			final double d = Double.parseDouble(s.trim());
			assertEquals(Math.rint(d), d, "a whole number of pixels: " + s);
			return (long) d;
		}

		/** The file's area and bbox are pycocotools' of the mask. */
		void assertFileAgrees(final Consumers.Verdict coco) {
			assertEquals(maskArea, Double.parseDouble(fileArea), 0, "area: " + line + "\n" + coco);
			assertEquals(maskBox, fileBox, "bbox: " + line);
		}
	}
}
