package io.github.biaannotations.bench;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import io.github.biaannotations.labels.LabelTracer;

/**
 * Label image &rarr; one polygon per label: our single-pass tracer against ImageJ's ThresholdToSelection run
 * once per label on the label's own bounding box (the fastest way a macro or script does it), the boxes given
 * for free; the time to find them is printed apart. Ours reads the 16-bit plane row by row as the exporter does.
 * Both outputs are checked, untimed, to cover the same pixel count. Prints the speed-up (target at least 10x),
 * and the floor any one-pass tracer has here: the time to find the value changes plus the time to build the
 * polygons, each measured on its own.
 * Run: {@code scripts/benchmark LabelPolygonsBenchmark [size labels]}.
 */
public final class LabelPolygonsBenchmark {

	public static void main(final String[] args) {
		final int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
		final int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		final ShortProcessor labels = nuclei(size, count);
		final short[] pixels = (short[]) labels.getPixels();
		final LabelTracer.Rows rows = (y, row) -> {
			for (int x = 0, i = y * size; x < size; x++, i++)
				row[x] = pixels[i] & 0xffff;
		};
		double ours = Double.MAX_VALUE, imagej = Double.MAX_VALUE, boxing = Double.MAX_VALUE;
		double locating = Double.MAX_VALUE, building = Double.MAX_VALUE;
		long ourArea = 0, ijArea = 0, changes = 0;
		for (int round = 0; round < 15; round++) { // the first rounds warm up the JIT for both
			long t0 = System.nanoTime();
			final Map<Integer, Geometry> traced = new LabelTracer().trace(rows, size, size, 0, 0);
			ours = Math.min(ours, (System.nanoTime() - t0) / 1e6);
			t0 = System.nanoTime();
			changes = Floor.changes(pixels, size);
			locating = Math.min(locating, (System.nanoTime() - t0) / 1e6);
			final List<double[][][]> coordinates = Floor.coordinates(traced.values());
			t0 = System.nanoTime();
			Floor.build(coordinates);
			building = Math.min(building, (System.nanoTime() - t0) / 1e6);
			t0 = System.nanoTime();
			final Rectangle[] boxes = boxes(pixels, size, count);
			boxing = Math.min(boxing, (System.nanoTime() - t0) / 1e6);
			t0 = System.nanoTime();
			final Roi[] rois = new Roi[count + 1];
			for (int label = 1; label <= count; label++) {
				if (boxes[label] == null) continue;
				final Rectangle b = boxes[label];
				labels.setRoi(b);
				final ImageProcessor crop = labels.crop();
				crop.setThreshold(label, label, ImageProcessor.NO_LUT_UPDATE);
				rois[label] = ThresholdToSelection.run(new ij.ImagePlus("", crop));
			}
			imagej = Math.min(imagej, (System.nanoTime() - t0) / 1e6);
			// the check is not timed
			ourArea = 0;
			for (final Geometry g : traced.values())
				ourArea += (long) g.getArea();
			ijArea = 0;
			for (final Roi roi : rois)
				if (roi != null) ijArea += roi.getStatistics().pixelCount;
		}
		if (ourArea != ijArea) throw new IllegalStateException("covered pixels differ: ours " + ourArea + ", ImageJ " + ijArea);
		System.out.printf("%dx%d label image, %,d labels, %,d labelled pixels, best of 15%n", size, size, count, ourArea);
		System.out.printf("labels -> polygons: ours %.0f ms (one pass, reading the 16-bit plane row by row) vs ImageJ " +
			"ThresholdToSelection per label on its box %.0f ms: %.1fx faster%n", ours, imagej, imagej / ours);
		System.out.printf("(a script must find the boxes first: %.0f ms more in one tight pass, %.1fx with it)%n", boxing,
			(imagej + boxing) / ours);
		System.out.printf("floor for any one-pass tracer on this machine: finding the %,d value changes on all cores, " +
			"nothing recorded, %.1f ms + building the output polygons from finished coordinates %.1f ms = %.1f ms, " +
			"so at most %.1fx%n", changes, locating, building, locating + building, imagej / (locating + building));
	}

	/**
	 * The two parts of the work no tracer can skip, timed on their own: finding where the value changes along
	 * and across rows (every pixel must be looked at), and building the polygons it returns.
	 */
	static final class Floor {

		/** Counts the value changes along and across rows on all processors, nothing else. */
		static long changes(final short[] pixels, final int size) {
			final int parts = Runtime.getRuntime().availableProcessors();
			final List<ForkJoinTask<Long>> tasks = new ArrayList<>();
			for (int p = 1; p < parts; p++) {
				final int from = size * p / parts, to = size * (p + 1) / parts;
				tasks.add(ForkJoinPool.commonPool().submit(() -> changes(pixels, size, from, to)));
			}
			long n = changes(pixels, size, 0, size / parts);
			for (final ForkJoinTask<Long> t : tasks)
				n += t.join();
			return n;
		}

		/** A plain loop: as fast here as the vectorised {@code Arrays.mismatch}, which restarts at every change. */
		private static long changes(final short[] pixels, final int size, final int from, final int to) {
			long n = 0;
			for (int y = from; y < to; y++) {
				final int row = y * size;
				short left = 0;
				for (int i = row; i < row + size; i++) {
					final short v = pixels[i];
					if (v != left) n++;
					if (v != (y == 0 ? 0 : pixels[i - size])) n++;
					left = v;
				}
			}
			return n;
		}

		/** Each geometry's polygons' rings as packed x, y arrays (untimed). */
		static List<double[][][]> coordinates(final Collection<Geometry> geometries) {
			final List<double[][][]> all = new ArrayList<>(geometries.size());
			for (final Geometry g : geometries) {
				final double[][][] polygons = new double[g.getNumGeometries()][][];
				for (int p = 0; p < polygons.length; p++) {
					final Polygon polygon = (Polygon) g.getGeometryN(p);
					polygons[p] = new double[1 + polygon.getNumInteriorRing()][];
					for (int r = 0; r < polygons[p].length; r++) {
						final LineString ring = r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
						final double[] xy = new double[2 * ring.getNumPoints()];
						for (int i = 0; i < ring.getNumPoints(); i++) {
							xy[2 * i] = ring.getCoordinateN(i).x;
							xy[2 * i + 1] = ring.getCoordinateN(i).y;
						}
						polygons[p][r] = xy;
					}
				}
				all.add(polygons);
			}
			return all;
		}

		/** Builds the polygons again from their coordinates on all processors, as the tracer does. */
		static void build(final List<double[][][]> coordinates) {
			final GeometryFactory f = new GeometryFactory();
			final Geometry[] built = new Geometry[coordinates.size()];
			IntStream.range(0, coordinates.size()).parallel().forEach(i -> {
				final double[][][] polygons = coordinates.get(i);
				final Polygon[] parts = new Polygon[polygons.length];
				for (int p = 0; p < parts.length; p++) {
					final LinearRing[] rings = new LinearRing[polygons[p].length];
					for (int r = 0; r < rings.length; r++)
						rings[r] = f.createLinearRing(new PackedCoordinateSequence.Double(polygons[p][r].clone(), 2, 0));
					parts[p] = f.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
				}
				built[i] = parts.length == 1 ? parts[0] : f.createMultiPolygon(parts);
			});
			for (final Geometry g : built)
				if (g == null) throw new IllegalStateException("a polygon was not built");
		}
	}

	/** Non-overlapping disks of radius 4-20 at random places, numbered 1..count (fewer if the image is full). */
	static ShortProcessor nuclei(final int size, final int count) {
		final ShortProcessor ip = new ShortProcessor(size, size);
		final Random r = new Random(3);
		int placed = 0;
		for (int attempt = 0; placed < count && attempt < count * 20; attempt++) {
			final int rad = 4 + r.nextInt(17), cx = rad + r.nextInt(size - 2 * rad), cy = rad + r.nextInt(size - 2 * rad);
			boolean free = true;
			for (int y = cy - rad; y <= cy + rad && free; y++)
				for (int x = cx - rad; x <= cx + rad && free; x++)
					if (ip.get(x, y) != 0) free = false;
			if (!free) continue;
			placed++;
			for (int y = cy - rad; y <= cy + rad; y++)
				for (int x = cx - rad; x <= cx + rad; x++)
					if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad) ip.set(x, y, placed);
		}
		return ip;
	}

	/** The bounding box of each label 1..count, found in one pass over the pixels (null for absent labels). */
	static Rectangle[] boxes(final short[] pixels, final int size, final int count) {
		final int[] x0 = new int[count + 1], y0 = new int[count + 1], x1 = new int[count + 1], y1 = new int[count + 1];
		java.util.Arrays.fill(x0, Integer.MAX_VALUE);
		java.util.Arrays.fill(y0, Integer.MAX_VALUE);
		java.util.Arrays.fill(x1, -1);
		java.util.Arrays.fill(y1, -1);
		for (int y = 0, i = 0; y < size; y++)
			for (int x = 0; x < size; x++, i++) {
				final int v = pixels[i] & 0xffff;
				if (v == 0) continue;
				if (x < x0[v]) x0[v] = x;
				if (x > x1[v]) x1[v] = x;
				if (y < y0[v]) y0[v] = y;
				y1[v] = y;
			}
		final Rectangle[] boxes = new Rectangle[count + 1];
		for (int v = 1; v <= count; v++)
			if (x1[v] >= 0) boxes[v] = new Rectangle(x0[v], y0[v], x1[v] - x0[v] + 1, y1[v] - y0[v] + 1);
		return boxes;
	}

}
