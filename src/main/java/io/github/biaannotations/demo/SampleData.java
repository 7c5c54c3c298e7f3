package io.github.biaannotations.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import io.github.biaannotations.imagej.AnnotationsToRois;
import io.github.biaannotations.imagej.RoiSetWriter;
import io.github.biaannotations.labels.LabelTracer;
import io.github.biaannotations.model.Annotation;

/**
 * Generates the sample data the demo and tests use on a fresh clone: a nuclei-like 16-bit image, its
 * instance label image, and a RoiSet.zip with the nuclei traced from the labels (as polygons, named and in two
 * groups), their centres as a multi-point ROI with two counters, and a line. Deterministic for a given seed.
 */
public final class SampleData {

	/** The files written by {@link #write}. */
	public static final class SampleFiles {

		public final Path image;
		public final Path labels;
		public final Path rois;

		SampleFiles(final Path image, final Path labels, final Path rois) {
			this.image = image;
			this.labels = labels;
			this.rois = rois;
		}
	}

	private final int width;
	private final int height;
	private final int nuclei;
	private final long seed;

	public SampleData(final int width, final int height, final int nuclei, final long seed) {
		this.width = width;
		this.height = height;
		this.nuclei = nuclei;
		this.seed = seed;
	}

	/** 256x256 with 40 nuclei: small enough to be instant, large enough to show every kind of annotation. */
	public static SampleData standard() {
		return new SampleData(256, 256, 40, 7);
	}

	/** A label image of non-overlapping elliptical nuclei numbered 1..n. */
	public ShortProcessor labels() {
		final Random r = new Random(seed);
		final ShortProcessor labels = new ShortProcessor(width, height);
		int placed = 0;
		for (int attempt = 0; attempt < nuclei * 50 && placed < nuclei; attempt++) {
			final double rx = 5 + r.nextDouble() * 9, ry = 5 + r.nextDouble() * 9, angle = r.nextDouble() * Math.PI;
			final double cx = rx + 2 + r.nextDouble() * (width - 2 * rx - 4), cy = ry + 2 + r.nextDouble() * (height - 2 * ry - 4);
			if (!fill(labels, cx, cy, rx, ry, angle, 0, true)) continue;
			fill(labels, cx, cy, rx, ry, angle, ++placed, false);
		}
		return labels;
	}

	/** Checks (dryRun) or paints an ellipse; a dry run fails when it would touch another nucleus. */
	private static boolean fill(final ShortProcessor ip, final double cx, final double cy, final double rx, final double ry,
		final double angle, final int value, final boolean dryRun)
	{
		final double cos = Math.cos(angle), sin = Math.sin(angle), reach = Math.max(rx, ry) + 2;
		for (int y = (int) (cy - reach); y <= cy + reach; y++)
			for (int x = (int) (cx - reach); x <= cx + reach; x++) {
				if (x < 0 || y < 0 || x >= ip.getWidth() || y >= ip.getHeight()) continue;
				final double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
				final double u = (dx * cos + dy * sin) / rx, v = (-dx * sin + dy * cos) / ry;
				final double d = u * u + v * v;
				if (dryRun && d <= 1.6 && ip.get(x, y) != 0) return false;
				if (!dryRun && d <= 1) ip.set(x, y, value);
			}
		return true;
	}

	/** A fluorescence-like image of the labels: bright nuclei, blurred, with noise. */
	public ShortProcessor image(final ShortProcessor labels) {
		final Random r = new Random(seed + 1);
		final FloatProcessor f = new FloatProcessor(width, height);
		for (int i = 0; i < width * height; i++)
			f.setf(i, labels.get(i) != 0 ? 900 + (labels.get(i) * 37 % 400) : 100);
		f.blurGaussian(1.5);
		for (int i = 0; i < width * height; i++)
			f.setf(i, (float) Math.max(0, f.getf(i) + r.nextGaussian() * 30));
		return (ShortProcessor) f.convertToShortProcessor(false);
	}

	/** The ROIs a biologist might have drawn on the sample: traced nuclei, their centres, a measuring line. */
	public List<Roi> rois(final ShortProcessor labels) {
		final int[] values = new int[width * height];
		for (int i = 0; i < values.length; i++)
			values[i] = labels.get(i);
		final Map<Integer, Geometry> traced = new LabelTracer().trace(values, width, height, 0, 0);
		final AnnotationsToRois importer = new AnnotationsToRois(null);
		final List<Roi> rois = new ArrayList<>();
		final List<float[]> centres = new ArrayList<>();
		for (final Map.Entry<Integer, Geometry> e : traced.entrySet()) {
			final Annotation a = Annotation.builder(e.getValue()).name("nucleus-" + e.getKey()).build();
			final Roi roi = importer.toRoi(a, e.getKey());
			roi.setGroup(e.getKey() % 3 == 0 ? 2 : 1);
			rois.add(roi);
			final Point c = e.getValue().getInteriorPoint();
			centres.add(new float[] { (float) Math.floor(c.getX()), (float) Math.floor(c.getY()), e.getKey() % 3 == 0 ? 1 : 0 });
		}
		final float[] xs = new float[centres.size()], ys = new float[centres.size()];
		final int[] counters = new int[centres.size()];
		for (int i = 0; i < xs.length; i++) {
			xs[i] = centres.get(i)[0];
			ys[i] = centres.get(i)[1];
			counters[i] = (int) centres.get(i)[2];
		}
		final PointRoi points = new PointRoi(xs, ys, xs.length);
		points.setCounters(counters);
		points.setName("nucleus centres");
		rois.add(points);
		final Line line = new Line(10, height - 10, width / 2.0, height - 10);
		line.setName("scale line");
		rois.add(line);
		return rois;
	}

	/** Writes {@code nuclei.tif}, {@code nuclei_labels.tif} and {@code nuclei_RoiSet.zip} into a folder. */
	public SampleFiles write(final Path dir) throws IOException {
		Files.createDirectories(dir);
		final ShortProcessor labels = labels();
		final Calibration cal = new Calibration();
		cal.pixelWidth = cal.pixelHeight = 0.65;
		cal.setUnit("micron");
		final ImagePlus img = new ImagePlus("nuclei", image(labels));
		img.setCalibration(cal);
		final ImagePlus lab = new ImagePlus("nuclei_labels", labels);
		lab.setCalibration(cal);
		final Path image = dir.resolve("nuclei.tif"), labelFile = dir.resolve("nuclei_labels.tif"), roiFile = dir.resolve("nuclei_RoiSet.zip");
		if (!new FileSaver(img).saveAsTiff(image.toString())) throw new IOException(image + ": could not write");
		if (!new FileSaver(lab).saveAsTiff(labelFile.toString())) throw new IOException(labelFile + ": could not write");
		RoiSetWriter.write(rois(labels), roiFile);
		return new SampleFiles(image, labelFile, roiFile);
	}
}
