package io.github.biaannotations.bench;

import java.awt.Rectangle;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Geometry;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import io.github.biaannotations.labels.LabelTracer;

/**
 * Label image &rarr; one polygon per label: our single-pass tracer against ImageJ's ThresholdToSelection run
 * once per label on the label's own bounding box (the fastest way a macro or script does it), the boxes given
 * for free; the time to find them is printed apart. Ours reads the 16-bit plane row by row as the exporter does.
 * Both outputs are checked, untimed, to cover the same pixel count. Prints the speed-up (target at least 10x).
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
		long ourArea = 0, ijArea = 0;
		for (int round = 0; round < 15; round++) { // the first rounds warm up the JIT for both
			long t0 = System.nanoTime();
			final Map<Integer, Geometry> traced = new LabelTracer().trace(rows, size, size, 0, 0);
			ours = Math.min(ours, (System.nanoTime() - t0) / 1e6);
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
