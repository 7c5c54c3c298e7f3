package io.github.biaannotations.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.biaannotations.coco.CocoWriter;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.PixelMask;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * COCO JSON of the areas (lines and points are in the GeoJSON), on request; a label image's labels too. Areas
 * off the pixel grid get ImageJ's mask of them, which pycocotools' filling of the outline would not give.
 */
public final class CocoFormat implements AnnotationFormat {

	@Override
	public String name() {
		return "coco";
	}

	@Override
	public String title() {
		return "COCO JSON";
	}

	@Override
	public String description() {
		return "The area ROIs, and the labels of label images, as COCO JSON.";
	}

	@Override
	public String macroKey() {
		return "coco";
	}

	@Override
	public String suffix() {
		return ".coco.json";
	}

	@Override
	public Set<Holds> holds() {
		return EnumSet.of(Holds.AREAS);
	}

	/** A label image named as the image gets {@code _labels}: the ROIs' COCO is {@code <base>.coco.json}. */
	@Override
	public String labelFileName(final String label, final String channel, final String base) {
		return (label.equals(base) ? label + "_labels" : label) + channel + suffix();
	}

	@Override
	public FormatWriter open(final OutputStream out, final String imageName, final int width, final int height)
		throws IOException
	{
		return new Writer(new CocoWriter(out, imageName, width, height));
	}

	private final class Writer implements FormatWriter {

		private final CocoWriter coco;

		Writer(final CocoWriter coco) {
			this.coco = coco;
		}

		@Override
		public void write(final Annotation a) throws IOException {
			coco.write(a);
		}

		@Override
		public void write(final Annotation a, final Supplier<PixelMask> mask) throws IOException {
			if (a.kind() == Annotation.Kind.AREA && !CocoWriter.isOnPixelGrid(a.geometry())) coco.write(a, mask.get());
			else coco.write(a);
		}

		@Override
		public long written() {
			return coco.written();
		}

		@Override
		public void close() throws IOException {
			coco.close();
		}

		@Override
		public AnnotationFile finish(final WrittenAnnotations w, final Consumer<String> warn) {
			if (w.fromLabelImage()) {
				if (coco.written() == 0) {
					final String file = w.path.substring(w.path.lastIndexOf('/') + 1);
					warn.accept(w.imageName + ": COCO of label image \"" + file.substring(0, file.length() - suffix()
						.length()) + "\" not written: it has no labels");
					return null;
				}
				return new AnnotationFile(w.path, w.sourceImage, AnnotationFile.Content.SHAPES, 0, 0, coco.written(),
					false, w.calibration);
			}
			if (coco.written() == 0) {
				warn.accept(w.imageName + ": COCO not written: " + (w.areas == 0
					? "no area ROIs (COCO holds areas; lines and points are in the GeoJSON)"
					: "none of its " + w.areas + " area ROIs covers a pixel of the image"));
				return null;
			}
			if (coco.approximate() > 0) warn.accept(w.imageName + ": " + coco.approximate() + " ROIs too large for " +
				"ImageJ's mask are in the COCO file as polygons: pycocotools' pixels of them differ from ImageJ's at " +
				"the edges");
			return new AnnotationFile(w.path, w.sourceImage, AnnotationFile.Content.SHAPES, 0, w.rectangles, w.areas -
				w.rectangles, false, w.calibration);
		}
	}
}
