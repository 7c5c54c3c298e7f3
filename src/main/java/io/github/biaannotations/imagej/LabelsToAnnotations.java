package io.github.biaannotations.imagej;

import java.io.IOException;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import io.github.biaannotations.labels.LabelTracer;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.Plane;

/**
 * A label image &rarr; annotations: one polygon (with holes; a MultiPolygon for disconnected parts) per label
 * per plane, on pixel edges, so that its area equals the label's pixel count. One pass over each plane, planes
 * one at a time. Each feature is named "label N", carries the value in metadata {@code label} and the pixel
 * count as the measurement {@code pixels}.
 */
public final class LabelsToAnnotations {

	public static final String LABEL_KEY = "label";

	private LabelsToAnnotations() {}

	/**
	 * @param channel 1-based channel of a multi-channel label image
	 * @return the number of features written
	 * @throws IllegalArgumentException naming the image and voxel if a value is not a whole non-negative number
	 */
	public static long write(final ImagePlus labels, final int channel, final AnnotationWriter out) throws IOException {
		final LabelTracer tracer = new LabelTracer();
		final ImageStack stack = labels.getStack();
		final int w = labels.getWidth(), h = labels.getHeight();
		final boolean planes = labels.getNSlices() > 1 || labels.getNFrames() > 1;
		long features = 0;
		for (int t = 1; t <= labels.getNFrames(); t++)
			for (int z = 1; z <= labels.getNSlices(); z++) {
				final ImageProcessor ip = stack.getProcessor(labels.getStackIndex(channel, z, t));
				final LabelTracer.Rows rows = rows(ip, labels.getTitle(), z, t);
				for (final Map.Entry<Integer, Geometry> e : tracer.trace(rows, w, h, 0, 0).entrySet()) {
					final long value = Integer.toUnsignedLong(e.getKey());
					final Annotation.Builder b = Annotation.builder(e.getValue()).name("label " + value)
						.metadata(LABEL_KEY, Long.toString(value)).measurement("pixels", e.getValue().getArea());
					if (planes) b.plane(Plane.of(labels.getNChannels() > 1 ? channel - 1 : Plane.ALL_CHANNELS, z - 1, t - 1));
					out.write(b.build());
					features++;
				}
			}
		return features;
	}

	/** The rows of one plane as label values; float planes are checked value by value. */
	private static LabelTracer.Rows rows(final ImageProcessor ip, final String title, final int z, final int t) {
		final int w = ip.getWidth();
		if (ip.getBitDepth() == 24) throw new IllegalArgumentException(title + ": an RGB image is not a label image");
		if (ip.getBitDepth() != 32) return (y, row) -> {
			for (int x = 0, i = y * w; x < w; x++, i++)
				row[x] = ip.get(i);
		};
		return (y, row) -> {
			for (int x = 0, i = y * w; x < w; x++, i++) {
				final float f = ip.getf(i);
				if (!LabelImages.isFloatLabel(f))
					throw new IllegalArgumentException(title + ": value " + f + " at x=" + x + ", y=" + y + ", z=" +
						(z - 1) + ", t=" + (t - 1) + " is not a label (whole number from 0 to 2^24)");
				row[x] = (int) f;
			}
		};
	}
}
