package io.github.biaannotations.export;

import java.awt.Rectangle;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;

import io.github.biaannotations.coco.CocoWriter;
import io.github.biaannotations.coco.PixelMask;
import io.github.biaannotations.csv.PointsCsvWriter;
import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.imagej.RoiExporter;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.Units;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * Writes the ROIs of one image into the package: {@code annotations/<base>/<base>.geojson} and, on request,
 * COCO JSON and a points CSV. ROIs stream from their sources through all writers one at a time; those read are
 * kept for a label image made from them ({@link ImageContext#roisRead()}), so their files are read once.
 */
final class RoiExport {

	private final ImageContext image;

	RoiExport(final ImageContext image) {
		this.image = image;
	}

	/** @return the files written */
	List<AnnotationFile> write() throws IOException {
		final ImagePlus imp = image.image;
		final AnnotatedImage source = image.input;
		final Set<ExportFormat> all = EnumSet.of(ExportFormat.GEOJSON);
		all.addAll(image.options.formats());
		final List<AnnotationWriter> writers = new ArrayList<>();
		final Sink sink;
		try {
			for (final ExportFormat f : all)
				writers.add(open(f, image.file(image.annotationFile(f.fileName(image.base))), imp, image.name()));
			sink = new Sink(imp, writers, image.summary, image.roisRead());
			int index = 0;
			for (final Roi roi : source.rois())
				sink.accept(roi, image.name() + ": ROI " + ++index);
			for (final Path f : source.roiFiles())
				RoiFiles.read(f, sink::accept, image.warnings);
			if (image.roisFromOverlay()) readOverlay(sink);
		} finally {
			closeAll(writers);
		}
		final String calibration = calibration(imp);
		final boolean shifted = sink.points + sink.lines > 0;
		final String name = image.name();
		final String sourceImage = image.sourceImage;
		final Path packageDir = image.packageDir;
		final List<AnnotationFile> files = new ArrayList<>();
		for (final ExportFormat f : all) {
			final String path = image.annotationFile(f.fileName(image.base));
			switch (f) {
				case POINTS_CSV:
					if (sink.csv.rows() == 0) {
						Files.delete(packageDir.resolve(path));
						image.warn(name + ": points CSV not written: no point ROIs");
						break;
					}
					if (sink.csv.withoutSlice() > 0 && imp.getNSlices() > 1)
						image.warn(name + ": " + sink.csv.withoutSlice() + " points are on every slice; the points CSV " +
							"gives them z 0 (a row holds one z; the GeoJSON keeps them on every slice)");
					// ImageJ's own point coordinates: no shift
					files.add(new AnnotationFile(path, sourceImage, AnnotationFile.Content.POINTS, sink.points, 0, 0, false,
						calibration));
					break;
				case COCO:
					if (sink.coco.written() == 0) {
						Files.delete(packageDir.resolve(path));
						image.warn(name + ": COCO not written: " + (sink.areas == 0
							? "no area ROIs (COCO holds areas; lines and points are in the GeoJSON)"
							: "none of its " + sink.areas + " area ROIs covers a pixel of the image"));
						break;
					}
					if (sink.coco.approximate() > 0)
						image.warn(name + ": " + sink.coco.approximate() + " ROIs too large for ImageJ's mask are in the " +
							"COCO file as polygons: pycocotools' pixels of them differ from ImageJ's at the edges");
					files.add(new AnnotationFile(path, sourceImage, AnnotationFile.Content.SHAPES, 0, sink.rectangles,
						sink.areas - sink.rectangles, false, calibration));
					break;
				default:
					files.add(new AnnotationFile(path, sourceImage, AnnotationFile.Content.SHAPES, sink.points, sink.rectangles,
						sink.areas - sink.rectangles + sink.lines, shifted, calibration));
			}
		}
		return files;
	}

	/** ImageJ's mask of an area ROI, or null when it would be too costly to make. */
	static PixelMask mask(final Roi roi) {
		if (!RoiExporter.maskIsAffordable(roi)) return null;
		final Rectangle b = roi.getBounds();
		final ImageProcessor m = roi.getMask();
		if (m == null) return new PixelMask(b.x, b.y, b.width, b.height, null);
		return new PixelMask(b.x, b.y, m.getWidth(), m.getHeight(), (byte[]) m.convertToByteProcessor(false).getPixels());
	}

	/** "0.65 x 0.65 micrometer" (x 2 for z when it is a stack), or null for an uncalibrated image. */
	static String calibration(final ImagePlus imp) {
		final ij.measure.Calibration c = imp.getCalibration();
		final String unit = Units.udunits(c.getUnit());
		if (!c.scaled() || unit == null) return null;
		return Units.size(c.pixelWidth) + " x " + Units.size(c.pixelHeight) +
			(imp.getNSlices() > 1 ? " x " + Units.size(c.pixelDepth) : "") + " " + unit;
	}

	private void readOverlay(final Sink sink) throws IOException {
		final List<Roi> overlay = image.overlay();
		if (overlay.isEmpty()) throw new IllegalArgumentException(image.name() +
			": no ROIs or labels given and the image has no overlay");
		for (int i = 0; i < overlay.size(); i++)
			sink.accept(overlay.get(i), image.name() + ": overlay element " + (i + 1));
	}

	private static AnnotationWriter open(final ExportFormat f, final Path file, final ImagePlus imp, final String imageName)
		throws IOException
	{
		final OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
		switch (f) {
			case COCO: return new CocoWriter(out, imageName, imp.getWidth(), imp.getHeight());
			case POINTS_CSV: return new PointsCsvWriter(out);
			default: return new GeoJsonWriter(out);
		}
	}

	private static void closeAll(final List<AnnotationWriter> writers) throws IOException {
		IOException first = null;
		for (final AnnotationWriter w : writers) {
			try {
				w.close();
			} catch (final IOException e) {
				if (first == null) first = e;
			}
		}
		if (first != null) throw first;
	}

	/** Converts each ROI as it arrives and hands its annotations to every writer; counts what it saw. */
	private final class Sink {

		private final ImagePlus imp;
		private final List<AnnotationWriter> writers;
		private final ExportSummary summary;
		private final RoiExporter exporter;
		private final List<Roi> read;
		/** The COCO and points CSV writers among {@code writers}, or null */
		final CocoWriter coco;
		final PointsCsvWriter csv;
		private int index;
		long points, rectangles, areas, lines;

		Sink(final ImagePlus imp, final List<AnnotationWriter> writers, final ExportSummary summary,
			final List<Roi> read)
		{
			this.imp = imp;
			this.writers = writers;
			this.summary = summary;
			this.read = read;
			this.exporter = new RoiExporter(imp, this::warn);
			coco = find(writers, CocoWriter.class);
			csv = find(writers, PointsCsvWriter.class);
		}

		private <T> T find(final List<AnnotationWriter> writers, final Class<T> type) {
			for (final AnnotationWriter w : writers)
				if (type.isInstance(w)) return type.cast(w);
			return null;
		}

		/** Where the ROI being converted came from (file and entry), so that the exporter's warnings name it. */
		private String origin = "";

		private void warn(final String message) {
			image.warn(message.startsWith(origin) ? message : origin + ": " + message);
		}

		void accept(final Roi roi, final String origin) throws IOException {
			this.origin = origin;
			if (read != null) read.add(roi);
			index++;
			summary.countRoi();
			final List<Annotation> annotations;
			try {
				annotations = exporter.export(roi, index);
			} catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
			}
			for (final Annotation a : annotations) {
				checkInside(a, origin);
				summary.added(a.kind());
				count(a);
				for (final AnnotationWriter w : writers) {
					// off the pixel grid, COCO gets ImageJ's mask, which pycocotools' filling of the outline would not give
					if (w == coco && a.kind() == Annotation.Kind.AREA && !CocoWriter.isOnPixelGrid(a.geometry()))
						coco.write(a, mask(roi));
					else w.write(a);
				}
			}
			if ((index & 1023) == 0) image.progress.update("Exporting ROIs", index, -1);
		}

		private void count(final Annotation a) {
			switch (a.kind()) {
				case POINTS: points++; break;
				case LINE: lines++; break;
				default:
					areas++;
					if (a.geometry().isRectangle()) rectangles++;
			}
		}

		private void checkInside(final Annotation a, final String origin) {
			final Envelope e = a.geometry().getEnvelopeInternal();
			final int w = imp.getWidth(), h = imp.getHeight();
			final String who = RoiExporter.describe(a.name().orElse(null), index);
			if (e.getMaxX() <= 0 || e.getMaxY() <= 0 || e.getMinX() >= w || e.getMinY() >= h)
				warn(origin + ": " + who + " lies outside the " + w + "x" + h + " image");
			else if (e.getMinX() < 0 || e.getMinY() < 0 || e.getMaxX() > w || e.getMaxY() > h)
				warn(origin + ": " + who + " extends beyond the " + w + "x" + h + " image");
			a.plane().ifPresent(p -> {
				if (p.z() >= imp.getNSlices() || p.t() >= imp.getNFrames() || p.c() >= imp.getNChannels())
					warn(origin + ": " + who + " is on plane " + p + ", outside the image's " + imp.getNChannels() +
						" channels, " + imp.getNSlices() + " slices, " + imp.getNFrames() + " frames");
			});
		}
	}
}
