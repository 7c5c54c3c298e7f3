package io.github.biaannotations.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;

import io.github.biaannotations.geojson.GeoJsonReader;
import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.imagej.AnnotationsToRois;
import io.github.biaannotations.imagej.RoisToAnnotations;
import io.github.biaannotations.model.Annotation;

/**
 * Export of N polygon ROIs (24 vertices) to GeoJSON against ImageJ writing the same ROIs as a RoiSet.zip the
 * way the ROI Manager does, and import of that GeoJSON back to ROIs against ImageJ reading the zip. Prints the
 * ratios (ours / ImageJ's; target at most 1.0). Run: {@code scripts/benchmark RoiGeoJsonBenchmark [N]}.
 */
public final class RoiGeoJsonBenchmark {

	public static void main(final String[] args) throws IOException {
		final int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		final int rounds = 3;
		final List<Roi> rois = polygons(n, 24);
		final Path dir = Files.createTempDirectory("bia-bench-");
		final Path zip = dir.resolve("RoiSet.zip"), geojson = dir.resolve("rois.geojson");
		double bestZipWrite = Double.MAX_VALUE, bestExport = Double.MAX_VALUE;
		double bestZipRead = Double.MAX_VALUE, bestImport = Double.MAX_VALUE;
		for (int r = 0; r < rounds; r++) {
			bestZipWrite = Math.min(bestZipWrite, time(() -> writeRoiSet(rois, zip)));
			bestExport = Math.min(bestExport, time(() -> exportGeoJson(rois, geojson)));
			bestZipRead = Math.min(bestZipRead, time(() -> check(readRoiSet(zip), n)));
			bestImport = Math.min(bestImport, time(() -> check(importGeoJson(geojson), n)));
		}
		System.out.printf("%,d polygon ROIs of 24 vertices, best of %d rounds%n", n, rounds);
		System.out.printf("export: GeoJSON %.0f ms (%,d bytes) vs ImageJ RoiSet.zip %.0f ms (%,d bytes): ratio %.2f%n",
			bestExport, Files.size(geojson), bestZipWrite, Files.size(zip), bestExport / bestZipWrite);
		System.out.printf("import: GeoJSON %.0f ms vs ImageJ RoiSet.zip %.0f ms: ratio %.2f%n", bestImport, bestZipRead,
			bestImport / bestZipRead);
		Files.delete(zip);
		Files.delete(geojson);
		Files.delete(dir);
	}

	interface Job {

		void run() throws IOException;
	}

	static double time(final Job job) throws IOException {
		final long t0 = System.nanoTime();
		job.run();
		return (System.nanoTime() - t0) / 1e6;
	}

	static void check(final int got, final int expected) {
		if (got != expected) throw new IllegalStateException("read " + got + " ROIs, expected " + expected);
	}

	/** Star-shaped (so valid) polygons with random radii, scattered over a 20000 x 20000 plane. */
	static List<Roi> polygons(final int n, final int vertices) {
		final Random r = new Random(1);
		final List<Roi> rois = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			final float cx = 50 + r.nextFloat() * 19900, cy = 50 + r.nextFloat() * 19900;
			final int[] x = new int[vertices], y = new int[vertices];
			for (int v = 0; v < vertices; v++) {
				final double a = 2 * Math.PI * v / vertices, rad = 10 + r.nextDouble() * 20;
				x[v] = (int) Math.round(cx + rad * Math.cos(a));
				y[v] = (int) Math.round(cy + rad * Math.sin(a));
			}
			final PolygonRoi p = new PolygonRoi(x, y, vertices, Roi.POLYGON);
			p.setName("cell-" + i);
			rois.add(p);
		}
		return rois;
	}

	/** What the ROI Manager's "Save" does: one RoiEncoder entry per ROI in a zip. */
	static void writeRoiSet(final List<Roi> rois, final Path zip) throws IOException {
		try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
			final DataOutputStream out = new DataOutputStream(z);
			final RoiEncoder enc = new RoiEncoder(out);
			for (final Roi roi : rois) {
				z.putNextEntry(new ZipEntry(roi.getName() + ".roi"));
				enc.write(roi);
				out.flush();
			}
		}
	}

	static int readRoiSet(final Path zip) throws IOException {
		int n = 0;
		try (ZipInputStream z = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
			ZipEntry e;
			while ((e = z.getNextEntry()) != null) {
				if (new RoiDecoder(z.readAllBytes(), e.getName()).getRoi() != null) n++;
			}
		}
		return n;
	}

	static void exportGeoJson(final List<Roi> rois, final Path file) throws IOException {
		final RoisToAnnotations exporter = new RoisToAnnotations(null, s -> {});
		try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
			GeoJsonWriter w = new GeoJsonWriter(o))
		{
			for (int i = 0; i < rois.size(); i++)
				for (final Annotation a : exporter.toAnnotations(rois.get(i), i + 1))
					w.write(a);
		}
	}

	static int importGeoJson(final Path file) throws IOException {
		final AnnotationsToRois importer = new AnnotationsToRois(null);
		final int[] n = { 0 };
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			new GeoJsonReader().read(in, file.toString(), a -> {
				if (importer.toRoi(a, ++n[0]) == null) throw new IllegalStateException();
			});
		}
		return n[0];
	}
}
