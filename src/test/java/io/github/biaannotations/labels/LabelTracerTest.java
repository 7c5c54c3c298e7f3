package io.github.biaannotations.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Location;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import io.github.biaannotations.testutil.SharedReference;

class LabelTracerTest {

	private final GeometryFactory f = new GeometryFactory();

	/** Each label's geometry is valid, has area = pixel count, and covers exactly its pixels' centres. */
	private void assertExact(final int[] labels, final int w, final int h) {
		final Map<Integer, Geometry> traced = new LabelTracer(f).trace(labels, w, h, 0, 0);
		final Map<Integer, Long> counts = new java.util.HashMap<>();
		for (final int v : labels)
			if (v != 0) counts.merge(v, 1L, Long::sum);
		assertEquals(counts.keySet(), traced.keySet());
		for (final Map.Entry<Integer, Geometry> e : traced.entrySet()) {
			final Geometry g = e.getValue();
			assertTrue(g.isValid(), "label " + e.getKey() + " invalid: " + g);
			assertEquals(counts.get(e.getKey()), g.getArea(), 0, "area of label " + e.getKey());
			final IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(g);
			final org.locationtech.jts.geom.Envelope env = g.getEnvelopeInternal();
			for (int y = (int) env.getMinY(); y < env.getMaxY(); y++)
				for (int x = (int) env.getMinX(); x < env.getMaxX(); x++) {
					final boolean inside = loc.locate(new Coordinate(x + 0.5, y + 0.5)) == Location.INTERIOR;
					assertEquals(labels[y * w + x] == e.getKey(), inside, "label " + e.getKey() + " at " + x + "," + y);
				}
		}
	}

	@Test
	void squareIsOneRingOfFourCorners() {
		final int[] l = new int[16];
		l[5] = l[6] = l[9] = l[10] = 3;
		final Geometry g = new LabelTracer(f).trace(l, 4, 4, 0, 0).get(3);
		assertTrue(g instanceof Polygon);
		assertEquals(5, g.getNumPoints());
		assertEquals(4, g.getArea());
	}

	@Test
	void holeBecomesInteriorRing() {
		final int w = 5, h = 5;
		final int[] l = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				l[y * w + x] = x == 2 && y == 2 ? 0 : 1;
		final Geometry g = new LabelTracer(f).trace(l, w, h, 0, 0).get(1);
		assertEquals(1, ((Polygon) g).getNumInteriorRing());
		assertExact(l, w, h);
	}

	@Test
	void diagonalNeighboursAreSeparateParts() {
		final int[] l = { 1, 0, 0, 1 };
		final Geometry g = new LabelTracer(f).trace(l, 2, 2, 0, 0).get(1);
		assertEquals("MultiPolygon", g.getGeometryType());
		assertExact(l, 2, 2);
	}

	@Test
	void shapeTouchingItselfAtACornerIsValid() {
		final int w = 4;
		final int[] l = {
			1, 1, 1, 1,
			1, 0, 0, 1,
			1, 0, 1, 0,
			1, 1, 1, 0 };
		assertExact(l, w, 4);
	}

	@Test
	void labelInsideAnotherLabelsHoleAndNestedSameLabel() {
		final int w = 7, h = 7;
		final int[] l = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
				l[y * w + x] = ring == 3 ? 1 : ring == 2 ? 0 : ring == 1 ? 1 : 2;
			}
		assertExact(l, w, h);
	}

	@Test
	void randomLabelImagesTraceExactly() {
		final Random r = new Random(42);
		for (int round = 0; round < 60; round++) {
			final int w = 1 + r.nextInt(24), h = 1 + r.nextInt(24);
			final int[] l = new int[w * h];
			final int labels = 1 + r.nextInt(4);
			for (int i = 0; i < l.length; i++)
				l[i] = r.nextInt(labels + 1);
			assertExact(l, w, h);
		}
	}

	@Test
	void noisyMasksAreValidAsTraced() {
		// half the pixels set at random: outlines meet themselves at corners everywhere, and are cut into a shell
		// and the holes touching it rather than repaired afterwards
		final Random r = new Random(11);
		for (int round = 0; round < 40; round++) {
			final int w = 8 + r.nextInt(57), h = 8 + r.nextInt(57);
			final int[] l = new int[w * h];
			for (int i = 0; i < l.length; i++)
				l[i] = r.nextBoolean() ? 1 + (round % 3 == 0 ? r.nextInt(2) : 0) : 0;
			assertExact(l, w, h);
		}
	}

	@Test
	void largePlaneTracedInBandsIsExact() {
		// over a million pixels: traced in bands on all processors, outlines crossing the bands joined again
		final int w = 1024, h = 1100;
		final int[] l = new int[w * h];
		final Random r = new Random(7);
		for (int n = 1; n <= 1500; n++) {
			final int bw = 1 + r.nextInt(40), bh = 1 + r.nextInt(300), x0 = r.nextInt(w - bw), y0 = r.nextInt(h - bh);
			for (int y = y0; y < y0 + bh; y++)
				for (int x = x0; x < x0 + bw; x++)
					if (r.nextInt(8) != 0) l[y * w + x] = n;
		}
		for (int y = 0; y < h; y++) // one label from top to bottom, with holes, and a high value
			for (int x = 500; x < 520; x++)
				if ((x + y) % 7 != 0) l[y * w + x] = 1 << 30;
		assertExact(l, w, h);
	}

	@Test
	void sparseLabelOverALargeBoxIsExact() {
		// a label whose few edges spread over a box far larger than they are: joined through a hash table
		final int w = 700, h = 600;
		final int[] l = new int[w * h];
		l[0] = 5;
		l[w * h - 1] = 5;
		for (int y = 300; y < 305; y++)
			for (int x = 350; x < 355; x++)
				l[y * w + x] = y == 302 && x == 352 ? 0 : 5; // a ring with a one-pixel hole
		l[10 * w + 20] = 5;
		l[11 * w + 21] = 5; // touching the pixel above only at a corner
		final Random r = new Random(11);
		int squares = 0;
		while (squares < 300) { // many small parts: thousands of edges, so hash slots collide
			final int x = 2 + r.nextInt(w - 4), y = 20 + r.nextInt(h - 40);
			if (l[y * w + x] != 0 || l[y * w + x + 1] != 0 || l[(y + 1) * w + x] != 0 || l[(y + 1) * w + x + 1] != 0)
				continue;
			l[y * w + x] = l[y * w + x + 1] = l[(y + 1) * w + x] = l[(y + 1) * w + x + 1] = 7;
			squares++;
		}
		assertExact(l, w, h);
		final Map<Integer, Geometry> traced = new LabelTracer(f).trace(l, w, h, 0, 0);
		assertEquals(5, traced.get(5).getNumGeometries());
		assertEquals(1 + 1 + 24 + 1 + 1, traced.get(5).getArea(), 0);
		assertEquals(4 * 300, traced.get(7).getArea(), 0);
	}

	@Test
	void manySparseLabelsOneAfterAnotherAreExact() {
		// one table serves label after label: what one sparse label leaves in it must not mislead the next
		final int w = 600, h = 600;
		final int[] l = new int[w * h];
		final Random r = new Random(13);
		for (int label = 1; label <= 12; label++) {
			for (int dots = 0; dots < 150; dots++) {
				final int x = r.nextInt(w), y = r.nextInt(h);
				if (l[y * w + x] == 0) l[y * w + x] = label;
			}
		}
		for (int y = 100; y < 140; y++) // compact labels after them, indexed by position in their box
			for (int x = 100; x < 300; x++)
				if (l[y * w + x] == 0) l[y * w + x] = 20 + x / 40;
		assertExact(l, w, h);
	}

	@Test
	void negativeSizesAreRefusedBeforeAnythingIsAllocated() {
		// an ImageJ ROI box whose size overflowed (found by RoiFilesFuzzTest): width 2^31-10, height -2^31
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LabelTracer(f).trace(
			(y, row) -> {}, Integer.MAX_VALUE - 9, Integer.MIN_VALUE, 0, 0));
		assertTrue(e.getMessage().endsWith("sizes cannot be negative"), e.getMessage());
	}

	@Test
	void failedReadingReportsTheTopmostRow() {
		final int w = 1024, h = 1100;
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LabelTracer(f).trace(
			(y, row) -> {
				if (y == 20 || y == 1000) throw new IllegalArgumentException("bad value in row " + y);
			}, w, h, 0, 0));
		assertEquals("bad value in row 20", e.getMessage());
		// a failure in a lower band (read by another thread) keeps its own message
		final IllegalArgumentException lower = assertThrows(IllegalArgumentException.class, () -> new LabelTracer(f)
			.trace((y, row) -> {
				if (y == 1000) throw new IllegalArgumentException("bad value in row " + y);
			}, w, h, 0, 0));
		assertEquals("bad value in row 1000", lower.getMessage());
	}

	@Test
	void offsetsMoveTheGeometry() {
		final Geometry g = new LabelTracer(f).trace(new int[] { 9 }, 1, 1, 100, 200).get(9);
		assertEquals(100, g.getEnvelopeInternal().getMinX());
		assertEquals(201, g.getEnvelopeInternal().getMaxY());
	}

	@Test
	void realStarDistMaskTracesExactly() {
		final ImagePlus imp = IJ.openImage(SharedReference.require("data/nuclei2d_labels.tif").toString());
		final ImageProcessor ip = imp.getProcessor();
		final int w = ip.getWidth(), h = ip.getHeight();
		final int[] l = new int[w * h];
		for (int i = 0; i < l.length; i++)
			l[i] = ip.get(i);
		final Map<Integer, Geometry> traced = new LabelTracer(f).trace(l, w, h, 0, 0);
		assertTrue(traced.size() > 100 && traced.containsKey(183), "nuclei in the reference mask: " + traced.size());
		assertExact(l, w, h);
	}
}
