package io.github.biaannotations.bench;

import java.awt.Polygon;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.process.FloatPolygon;

import io.github.biaannotations.geojson.GeoJsonReader;
import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.imagej.AnnotationsToRois;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.imagej.RoisToAnnotations;
import io.github.biaannotations.model.Annotation;

/**
 * One million ROIs round-trip: a ROI Manager {@code RoiSet.zip} of N ROIs (polygons, rectangles, ovals, lines
 * and points, with names and stack positions) is read by {@link RoiFiles}, exported to GeoJSON, read back,
 * imported to ImageJ ROIs and saved as a RoiSet.zip again; then every ROI of the result is compared with the
 * one generated (type, name, position, bounds, every vertex). Baseline, in the same run: ImageJ saving and
 * reading the same RoiSet.zip. Prints the ratio (our round trip through GeoJSON / ImageJ's zip round trip),
 * the peak heap, and the number of ROIs that differ (must be 0). The ROIs are generated on the fly and
 * streamed, never held in a list. The floor is the zip format: Java's ZipOutputStream keeps every entry for the
 * central directory, so writing a RoiSet.zip of a million ROIs (ImageJ's baseline as well as ours) needs a
 * 256 MB heap; 192 MB is not enough for that step.
 *
 * <pre>
 * BENCH_JAVA_OPTS=-Xmx256m scripts/benchmark MillionRoisRoundTripBenchmark [N]
 * </pre>
 */
public final class MillionRoisRoundTripBenchmark {

	private MillionRoisRoundTripBenchmark() {}

	public static void main(final String[] args) throws Exception {
		final int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		sampleHeap();
		final Path dir = Files.createTempDirectory("bia-million-");
		final Path zip = dir.resolve("RoiSet.zip"), geojson = dir.resolve("rois.geojson"), back = dir.resolve(
			"RoiSet-back.zip");
		try {
			// baseline: what ImageJ does with its own format
			final long t0 = System.nanoTime();
			writeZip(zip, n);
			final long t1 = System.nanoTime();
			final int[] count = { 0 };
			try (ZipInputStream z = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
				ZipEntry e;
				while ((e = z.getNextEntry()) != null) {
					if (new RoiDecoder(z.readAllBytes(), e.getName()).getRoi() != null) count[0]++;
				}
			}
			final long t2 = System.nanoTime();
			check(count[0], n, "ImageJ read");
			// ours: zip -> GeoJSON -> ROIs -> zip
			final RoisToAnnotations exporter = new RoisToAnnotations(null, w -> {});
			final int[] features = { 0 };
			try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(geojson), 1 << 16);
				GeoJsonWriter w = new GeoJsonWriter(o))
			{
				final int[] i = { 0 };
				RoiFiles.read(zip, (roi, origin) -> {
					for (final Annotation a : exporter.toAnnotations(roi, ++i[0])) {
						w.write(a);
						features[0]++;
					}
				}, s -> {});
			}
			final long t3 = System.nanoTime();
			final AnnotationsToRois importer = new AnnotationsToRois(null);
			try (InputStream in = new BufferedInputStream(Files.newInputStream(geojson), 1 << 16);
				ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(back), 1 << 16)))
			{
				final DataOutputStream out = new DataOutputStream(z);
				final RoiEncoder enc = new RoiEncoder(out);
				final int[] i = { 0 };
				new GeoJsonReader().read(in, geojson.toString(), a -> {
					try {
						final Roi roi = importer.toRoi(a, ++i[0]);
						z.putNextEntry(new ZipEntry(String.format("%07d.roi", i[0])));
						enc.write(roi);
						out.flush();
					}
					catch (final IOException e) {
						throw new IllegalStateException(e);
					}
				});
			}
			final long t4 = System.nanoTime();
			// compare every ROI with the one generated
			int differ = 0;
			String first = null;
			int k = 0;
			try (ZipInputStream z = new ZipInputStream(new BufferedInputStream(Files.newInputStream(back), 1 << 16))) {
				ZipEntry e;
				while ((e = z.getNextEntry()) != null) {
					final Roi got = new RoiDecoder(z.readAllBytes(), e.getName()).getRoi();
					final String d = difference(roi(k), got);
					if (d != null) {
						differ++;
						if (first == null) first = "ROI " + k + ": " + d;
					}
					k++;
				}
			}
			check(k, n, "round trip");
			final double imagej = (t2 - t0) / 1e9, ours = (t4 - t2) / 1e9;
			System.out.printf("%,d ROIs (polygons, rectangles, ovals, lines, points): RoiSet.zip %,d bytes, " +
				"GeoJSON %,d bytes, %,d features%n", n, Files.size(zip), Files.size(geojson), features[0]);
			System.out.printf("ImageJ zip write + read: %.1f s (baseline)%n", imagej);
			System.out.printf("ours zip -> GeoJSON: %.1f s, GeoJSON -> zip: %.1f s, round trip %.1f s: ratio %.2f%n",
				(t3 - t2) / 1e9, (t4 - t3) / 1e9, ours, ours / imagej);
			System.out.printf("ROIs that differ after the round trip: %d%s%n", differ, first == null ? "" : " (first: " +
				first + ")");
			System.out.printf("peak heap %d MB of max %d MB%n", peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
			if (differ > 0) System.exit(1);
		}
		finally {
			for (final Path p : new Path[] { zip, geojson, back, dir }) {
				Files.deleteIfExists(p);
			}
		}
	}

	private static void writeZip(final Path zip, final int n) throws IOException {
		try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
			final DataOutputStream out = new DataOutputStream(z);
			final RoiEncoder enc = new RoiEncoder(out);
			for (int i = 0; i < n; i++) {
				final Roi roi = roi(i);
				z.putNextEntry(new ZipEntry(roi.getName() + ".roi"));
				enc.write(roi);
				out.flush();
			}
		}
	}

	/** ROI number {@code i}, the same every time it is asked for. */
	static Roi roi(final int i) {
		final Random r = new Random(i * 2654435761L);
		final double cx = 100 + r.nextInt(19800), cy = 100 + r.nextInt(19800);
		final Roi roi;
		switch (i % 5) {
			case 0: {
				final int v = 6 + r.nextInt(20);
				final int[] x = new int[v], y = new int[v];
				for (int k = 0; k < v; k++) {
					final double a = 2 * Math.PI * k / v, rad = 10 + r.nextInt(30);
					x[k] = (int) Math.round(cx + rad * Math.cos(a));
					y[k] = (int) Math.round(cy + rad * Math.sin(a));
				}
				roi = new PolygonRoi(new Polygon(x, y, v), Roi.POLYGON);
				break;
			}
			case 1:
				roi = new Roi(cx, cy, 1 + r.nextInt(60), 1 + r.nextInt(60));
				break;
			case 2:
				roi = new OvalRoi(cx, cy, 2 + r.nextInt(60), 2 + r.nextInt(60));
				break;
			case 3:
				roi = new Line(cx, cy, cx + r.nextInt(80), cy + r.nextInt(80));
				break;
			default:
				roi = new PointRoi(cx, cy);
		}
		roi.setName("roi-" + i);
		roi.setPosition(0, 1 + r.nextInt(5), 1 + r.nextInt(3));
		return roi;
	}

	/** What differs between two ROIs, or null. */
	static String difference(final Roi a, final Roi b) {
		if (b == null) return "missing";
		if (a.getType() != b.getType()) return "type " + a.getTypeAsString() + " became " + b.getTypeAsString();
		if (!a.getName().equals(b.getName())) return "name " + a.getName() + " became " + b.getName();
		if (a.getZPosition() != b.getZPosition() || a.getTPosition() != b.getTPosition()) return "position";
		if (!a.getBounds().equals(b.getBounds())) return "bounds " + a.getBounds() + " became " + b.getBounds();
		final FloatPolygon p = a.getFloatPolygon(), q = b.getFloatPolygon();
		if (p.npoints != q.npoints) return p.npoints + " vertices became " + q.npoints;
		for (int k = 0; k < p.npoints; k++) {
			if (Math.abs(p.xpoints[k] - q.xpoints[k]) > 1e-3 || Math.abs(p.ypoints[k] - q.ypoints[k]) > 1e-3)
				return "vertex " + k + " moved";
		}
		return null;
	}

	private static void check(final int got, final int expected, final String what) {
		if (got != expected) throw new IllegalStateException(what + ": " + got + " ROIs, expected " + expected);
	}

	private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

	/** Samples the heap in use every 5 ms (the sum of the pools' own peaks would overstate it). */
	private static void sampleHeap() {
		final Thread t = new Thread(() -> {
			while (true) {
				PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (final InterruptedException e) {
					return;
				}
			}
		});
		t.setDaemon(true);
		t.start();
	}

	private static long peakHeapMb() {
		return PEAK.get() >> 20;
	}
}
