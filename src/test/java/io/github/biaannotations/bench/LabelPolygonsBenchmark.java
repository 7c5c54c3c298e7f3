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
 * once per label on the label's own bounding box (the fastest way a macro or script does it). Both outputs are
 * checked to cover the same pixel count. Prints the speed-up (target at least 10x).
 * Run: {@code scripts/benchmark LabelPolygonsBenchmark [size labels]}.
 */
public final class LabelPolygonsBenchmark {

	public static void main(final String[] args) {
		final int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
		final int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		final ShortProcessor labels = nuclei(size, count);
		final int[] values = new int[size * size];
		for (int i = 0; i < values.length; i++)
			values[i] = labels.get(i);
		final Rectangle[] boxes = boxes(labels, count);
		double ours = Double.MAX_VALUE, imagej = Double.MAX_VALUE;
		long ourArea = 0, ijArea = 0;
		for (int round = 0; round < 5; round++) { // the first rounds warm up the JIT for both
			long t0 = System.nanoTime();
			final Map<Integer, Geometry> traced = new LabelTracer().trace(values, size, size, 0, 0);
			ours = Math.min(ours, (System.nanoTime() - t0) / 1e6);
			ourArea = 0;
			for (final Geometry g : traced.values())
				ourArea += (long) g.getArea();
			t0 = System.nanoTime();
			ijArea = 0;
			for (int label = 1; label <= count; label++) {
				if (boxes[label] == null) continue;
				final Rectangle b = boxes[label];
				labels.setRoi(b);
				final ImageProcessor crop = labels.crop();
				crop.setThreshold(label, label, ImageProcessor.NO_LUT_UPDATE);
				final Roi roi = ThresholdToSelection.run(new ij.ImagePlus("", crop));
				if (roi != null) ijArea += roi.getStatistics().pixelCount;
			}
			imagej = Math.min(imagej, (System.nanoTime() - t0) / 1e6);
		}
		if (ourArea != ijArea) throw new IllegalStateException("covered pixels differ: ours " + ourArea + ", ImageJ " + ijArea);
		System.out.printf("%dx%d label image, %,d labels, %,d labelled pixels, best of 5%n", size, size, count, ourArea);
		System.out.printf("labels -> polygons: ours %.0f ms (one pass) vs ImageJ ThresholdToSelection per label on its box %.0f ms: %.1fx faster%n",
			ours, imagej, imagej / ours);
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

	static Rectangle[] boxes(final ShortProcessor ip, final int count) {
		final Rectangle[] boxes = new Rectangle[count + 1];
		for (int y = 0; y < ip.getHeight(); y++)
			for (int x = 0; x < ip.getWidth(); x++) {
				final int v = ip.get(x, y);
				if (v == 0) continue;
				if (boxes[v] == null) boxes[v] = new Rectangle(x, y, 1, 1);
				else boxes[v].add(new Rectangle(x, y, 1, 1));
			}
		return boxes;
	}
}
