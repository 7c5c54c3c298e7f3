package io.github.biaannotations.convert;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Envelope;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;

import io.github.biaannotations.coco.CocoWriter;
import io.github.biaannotations.csv.PointsCsvWriter;
import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.imagej.RoiExporter;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.submission.ArchivePaths;
import io.github.biaannotations.submission.AtomicDirectory;
import io.github.biaannotations.submission.Manifest;

/**
 * Exports the ROIs of one image into an output folder: {@code annotations/<image>/<image>.geojson} (and, on
 * request, COCO JSON and a points CSV) plus {@code manifest.json}. ROIs stream from their files through the
 * writers one at a time. The folder appears only when complete (see {@link AtomicDirectory}).
 */
public final class RoiExport {

	/** Name of the tool in manifests. */
	public static final String TOOL = "bia-annotations";

	private final Consumer<String> warnings;
	private final Progress progress;

	public RoiExport(final Consumer<String> warnings, final Progress progress) {
		this.warnings = warnings;
		this.progress = progress;
	}

	/**
	 * @param image the annotated image (its size, stack layout and name are used; pixels are not read)
	 * @param roiFiles .roi, RoiSet.zip or TIFF files whose overlays hold ROIs; when empty, the image's own overlay
	 * @param formats formats besides GeoJSON
	 * @param overwrite whether an existing non-empty output folder may be replaced
	 */
	public ExportSummary export(final Path image, final List<Path> roiFiles, final Path out,
		final Set<ExportFormat> formats, final boolean overwrite) throws IOException
	{
		final ImagePlus imp = ImageFiles.open(image);
		final String original = ImageFiles.baseName(image);
		final String base = ArchivePaths.safeName(original);
		final Map<String, String> renamed = new LinkedHashMap<>();
		if (!base.equals(original)) renamed.put(image.getFileName().toString(), "annotations/" + base);
		try (AtomicDirectory dir = new AtomicDirectory(out, overwrite)) {
			final ExportSummary summary = new ExportSummary(dir.target());
			final Path folder = Files.createDirectories(dir.path().resolve("annotations").resolve(base));
			final Set<ExportFormat> all = EnumSet.of(ExportFormat.GEOJSON);
			all.addAll(formats);
			final List<AnnotationWriter> writers = new ArrayList<>();
			try {
				for (final ExportFormat f : all)
					writers.add(open(f, folder.resolve(f.fileName(base)), imp, image.getFileName().toString()));
				final Sink sink = new Sink(imp, writers, summary);
				if (roiFiles.isEmpty()) readOverlay(imp, image, sink);
				for (final Path f : roiFiles)
					RoiFiles.read(f, sink::accept, this::warn);
			} finally {
				closeAll(writers);
			}
			for (final ExportFormat f : all)
				summary.addFile("annotations/" + base + "/" + f.fileName(base));
			Manifest.of(dir.path(), TOOL, Instant.now(), renamed).write(dir.path().resolve(Manifest.FILE_NAME));
			summary.addFile(Manifest.FILE_NAME);
			dir.commit();
			return summary;
		}
	}

	private void readOverlay(final ImagePlus imp, final Path image, final Sink sink) throws IOException {
		final Overlay overlay = imp.getOverlay();
		if (overlay == null || overlay.size() == 0)
			throw new IllegalArgumentException(image + ": no ROI files given and the image has no overlay");
		for (int i = 0; i < overlay.size(); i++)
			sink.accept(overlay.get(i), image + ": overlay element " + (i + 1));
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

	private void warn(final String message) {
		warnings.accept(message);
	}

	/** Converts each ROI as it arrives and hands its annotations to every writer. */
	private final class Sink {

		private final ImagePlus imp;
		private final List<AnnotationWriter> writers;
		private final ExportSummary summary;
		private final RoiExporter exporter;
		private int index;

		Sink(final ImagePlus imp, final List<AnnotationWriter> writers, final ExportSummary summary) {
			this.imp = imp;
			this.writers = writers;
			this.summary = summary;
			this.exporter = new RoiExporter(imp, this::warn);
		}

		private void warn(final String message) {
			summary.warned();
			RoiExport.this.warn(message);
		}

		void accept(final Roi roi, final String origin) throws IOException {
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
				for (final AnnotationWriter w : writers)
					w.write(a);
			}
			if ((index & 1023) == 0) progress.update("Exporting ROIs", index, -1);
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
