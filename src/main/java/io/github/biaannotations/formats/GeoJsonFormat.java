package io.github.biaannotations.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * GeoJSON as QuPath reads it: every ROI of every kind, always written. Label images are written as their
 * outlines ({@code <label>_outlines.geojson}) only when asked for.
 */
public final class GeoJsonFormat implements AnnotationFormat {

	@Override
	public String name() {
		return "geojson";
	}

	@Override
	public String title() {
		return "GeoJSON";
	}

	@Override
	public String description() {
		return "Every ROI (areas, lines, points) as GeoJSON features, as QuPath reads them; always written.";
	}

	@Override
	public String macroKey() {
		return "geojson";
	}

	@Override
	public String suffix() {
		return ".geojson";
	}

	@Override
	public Set<Holds> holds() {
		return EnumSet.allOf(Holds.class);
	}

	@Override
	public boolean always() {
		return true;
	}

	@Override
	public boolean writesLabelImages(final boolean outlinesAsked) {
		return outlinesAsked;
	}

	@Override
	public String labelFileName(final String label, final String channel, final String base) {
		return label + channel + "_outlines" + suffix();
	}

	@Override
	public FormatWriter open(final OutputStream out, final String imageName, final int width, final int height)
		throws IOException
	{
		return new Writer(new GeoJsonWriter(out));
	}

	private static final class Writer implements FormatWriter {

		private final GeoJsonWriter geojson;
		private long written;

		Writer(final GeoJsonWriter geojson) {
			this.geojson = geojson;
		}

		@Override
		public void write(final Annotation a) throws IOException {
			geojson.write(a);
			written++;
		}

		@Override
		public long written() {
			return written;
		}

		@Override
		public void close() throws IOException {
			geojson.close();
		}

		@Override
		public AnnotationFile finish(final WrittenAnnotations w, final Consumer<String> warn) {
			// a file of outlines is listed even without labels: it is written, as a FeatureCollection of none
			if (w.fromLabelImage()) return new AnnotationFile(w.path, w.sourceImage, AnnotationFile.Content.SHAPES, 0,
				0, Math.max(written, 1), false, w.calibration);
			// ImageJ's point and line coordinates (pixel centres) are shifted to the corner-based grid
			return new AnnotationFile(w.path, w.sourceImage, AnnotationFile.Content.SHAPES, w.points, w.rectangles,
				w.areas - w.rectangles + w.lines, w.points + w.lines > 0, w.calibration);
		}
	}
}
