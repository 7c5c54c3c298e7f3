package io.github.biaannotations.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.github.biaannotations.csv.PointsCsvWriter;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.submission.AnnotationFile;

/** The point ROIs as a CSV table ({@link PointsCsvWriter#COLUMNS}), in ImageJ's own coordinates, on request. */
public final class PointsCsvFormat implements AnnotationFormat {

	@Override
	public String name() {
		return "csv";
	}

	@Override
	public List<String> aliases() {
		return List.of("points-csv", "points_csv");
	}

	@Override
	public String title() {
		return "points CSV";
	}

	@Override
	public String description() {
		return "The point ROIs as a CSV table (x, y, z, t, c, class, name).";
	}

	@Override
	public String macroKey() {
		return "points_csv";
	}

	@Override
	public String suffix() {
		return "_points.csv";
	}

	@Override
	public Set<Holds> holds() {
		return EnumSet.of(Holds.POINTS);
	}

	@Override
	public FormatWriter open(final OutputStream out, final String imageName, final int width, final int height) {
		return new Writer(new PointsCsvWriter(out));
	}

	private static final class Writer implements FormatWriter {

		private final PointsCsvWriter csv;

		Writer(final PointsCsvWriter csv) {
			this.csv = csv;
		}

		@Override
		public void write(final Annotation a) throws IOException {
			csv.write(a);
		}

		@Override
		public long written() {
			return csv.rows();
		}

		@Override
		public void close() throws IOException {
			csv.close();
		}

		@Override
		public AnnotationFile finish(final WrittenAnnotations w, final Consumer<String> warn) {
			if (csv.rows() == 0) {
				warn.accept(w.imageName + ": points CSV not written: no point ROIs");
				return null;
			}
			if (csv.withoutSlice() > 0 && w.slices > 1) warn.accept(w.imageName + ": " + csv.withoutSlice() + " points " +
				"are on every slice; the points CSV gives them z 0 (a row holds one z; the GeoJSON keeps them on every " +
				"slice)");
			// ImageJ's own point coordinates: no shift
			return new AnnotationFile(w.path, w.sourceImage, AnnotationFile.Content.POINTS, w.points, 0, 0, false,
				w.calibration);
		}
	}
}
