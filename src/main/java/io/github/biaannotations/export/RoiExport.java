package io.github.biaannotations.export;

import java.awt.Rectangle;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;

import io.github.biaannotations.formats.AnnotationFormat;
import io.github.biaannotations.formats.FormatWriter;
import io.github.biaannotations.formats.WrittenAnnotations;
import io.github.biaannotations.imagej.ImagePlusRasters;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.imagej.RoisToAnnotations;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.PixelMask;
import io.github.biaannotations.model.RoiException;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * Writes the ROIs of one image into the package: {@code annotations/<base>/<base>.geojson} and every other
 * {@link AnnotationFormat} asked for. ROIs stream from their sources through all writers one at a time; those read are
 * kept for a label image made from them ({@link ImageContext#roisRead()}), so their files are read once.
 */
final class RoiExport {

	private final ImageContext image;

	RoiExport(final ImageContext image) {
		this.image = image;
	}

	/** @return the files written, in file-list order (a format with nothing to hold leaves none) */
	List<AnnotationFile> write() throws IOException {
		final ImagePlus imp = image.image;
		final AnnotatedImage source = image.input;
		final List<AnnotationFormat> formats = image.options.formatsWritten();
		final List<FormatWriter> writers = new ArrayList<>();
		final Sink sink;
		try {
			for (final AnnotationFormat f : formats)
				writers.add(f.open(new BufferedOutputStream(Files.newOutputStream(image.file(path(f))), 1 << 16), image
					.name(), imp.getWidth(), imp.getHeight()));
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
		final String calibration = ImagePlusRasters.calibrationOf(imp).describe(imp.getNSlices() > 1);
		final List<AnnotationFile> files = new ArrayList<>();
		for (int i = 0; i < formats.size(); i++) {
			final String path = path(formats.get(i));
			final AnnotationFile file = writers.get(i).finish(WrittenAnnotations.ofRois(path, image.sourceImage, image
				.name(), calibration, sink.points, sink.lines, sink.areas, sink.rectangles, imp.getNSlices()), image::warn);
			if (file == null) Files.delete(image.packageDir.resolve(path));
			else files.add(file);
		}
		return files;
	}

	private String path(final AnnotationFormat f) {
		return image.annotationFile(f.fileName(image.base));
	}

	/** ImageJ's mask of an area ROI, or null when it would be too costly to make. */
	static PixelMask mask(final Roi roi) {
		if (!RoisToAnnotations.maskIsAffordable(roi)) return null;
		final Rectangle b = roi.getBounds();
		final ImageProcessor m = roi.getMask();
		if (m == null) return new PixelMask(b.x, b.y, b.width, b.height, null);
		return new PixelMask(b.x, b.y, m.getWidth(), m.getHeight(), (byte[]) m.convertToByteProcessor(false).getPixels());
	}

	private void readOverlay(final Sink sink) throws IOException {
		final List<Roi> overlay = image.overlay();
		if (overlay.isEmpty()) throw new ImageException(image.name() +
			": no ROIs or labels given and the image has no overlay", image.name(), image.input.imageFile());
		for (int i = 0; i < overlay.size(); i++)
			sink.accept(overlay.get(i), image.name() + ": overlay element " + (i + 1));
	}

	static void closeAll(final List<? extends AnnotationWriter> writers) throws IOException {
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
		private final List<FormatWriter> writers;
		private final ExportSummary summary;
		private final RoisToAnnotations exporter;
		private final List<Roi> read;
		private int index;
		long points, rectangles, areas, lines;

		Sink(final ImagePlus imp, final List<FormatWriter> writers, final ExportSummary summary,
			final List<Roi> read)
		{
			this.imp = imp;
			this.writers = writers;
			this.summary = summary;
			this.read = read;
			this.exporter = new RoisToAnnotations(imp, this::warn);
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
				annotations = exporter.toAnnotations(roi, index);
			} catch (final IllegalArgumentException e) {
				throw new RoiException(origin + ": " + e.getMessage(), null, origin, e);
			}
			for (final Annotation a : annotations) {
				checkInside(a, origin);
				summary.added(a.kind());
				count(a);
				// a format that holds pixels gets ImageJ's mask of the ROI, made when it asks
				for (final FormatWriter w : writers)
					w.write(a, () -> mask(roi));
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
			final String who = RoisToAnnotations.describe(a.name().orElse(null), index);
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
