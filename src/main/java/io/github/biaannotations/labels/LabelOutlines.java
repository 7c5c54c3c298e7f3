package io.github.biaannotations.labels;

import java.io.IOException;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.Plane;
import io.github.biaannotations.model.Progress;

/**
 * A label image &rarr; annotations: one polygon (with holes; a MultiPolygon for disconnected parts) per label
 * per plane, on pixel edges, so that its area equals the label's pixel count. Reads the label image's raster
 * one plane at a time, the same raster the OME-Zarr writer reads. Each feature is named "label N", carries the
 * value in metadata {@code label} and the pixel count as the measurement {@code pixels}.
 */
public final class LabelOutlines {

	public static final String LABEL_KEY = "label";

	/** Float labels above this are refused: a float holds every integer only up to 2^24. */
	public static final double MAX_FLOAT_LABEL = 1 << 24;

	private LabelOutlines() {}

	/**
	 * @param channel the 0-based channel the label image was of, for the features' planes; -1 when its image had
	 *          one channel (the features are then on every channel)
	 * @return the number of features written
	 * @throws IllegalArgumentException naming the label image and voxel if a value is not a whole non-negative
	 *           number of at most 32 bits (2^24 for floats)
	 */
	public static long write(final LabelImage labels, final int channel, final AnnotationWriter out)
		throws IOException
	{
		return write(labels, channel, out, Progress.NONE, null);
	}

	/**
	 * As {@link #write(LabelImage, int, AnnotationWriter)}, telling {@code progress} of every plane traced.
	 *
	 * @param stage what is being written, for people ("GeoJSON of nuclei_labels")
	 */
	public static long write(final LabelImage labels, final int channel, final AnnotationWriter out,
		final Progress progress, final String stage) throws IOException
	{
		final long planeCount = (long) labels.sizeT() * labels.sizeZ();
		long traced = 0;
		final LabelTracer tracer = new LabelTracer();
		final int w = labels.sizeX(), h = labels.sizeY();
		final boolean planes = labels.sizeZ() > 1 || labels.sizeT() > 1;
		long features = 0;
		for (int t = 0; t < labels.sizeT(); t++)
			for (int z = 0; z < labels.sizeZ(); z++) {
				final LabelTracer.Rows rows = rows(labels.plane(z, t), w, labels.name(), z, t);
				for (final Map.Entry<Integer, Geometry> e : tracer.trace(rows, w, h, 0, 0).entrySet()) {
					final long value = Integer.toUnsignedLong(e.getKey());
					final Annotation.Builder b = Annotation.builder(e.getValue()).name("label " + value)
						.metadata(LABEL_KEY, Long.toString(value)).measurement("pixels", e.getValue().getArea());
					if (planes) b.plane(Plane.of(channel >= 0 ? channel : Plane.ALL_CHANNELS, z, t));
					out.write(b.build());
					features++;
				}
				progress.update(stage, ++traced, planeCount);
			}
		return features;
	}

	/** Whether a 32-bit float voxel holds a label: a whole number from 0 to 2^24 (NaN does not). */
	public static boolean isFloatLabel(final float v) {
		return v >= 0 && v <= MAX_FLOAT_LABEL && v == Math.rint(v);
	}

	/** The rows of one plane as label values (unsigned); float and 64-bit planes are checked value by value. */
	static LabelTracer.Rows rows(final Object plane, final int w, final String name, final int z, final int t) {
		if (plane instanceof byte[]) {
			final byte[] p = (byte[]) plane;
			return (y, row) -> {
				for (int x = 0, i = y * w; x < w; x++, i++)
					row[x] = p[i] & 0xff;
			};
		}
		if (plane instanceof short[]) {
			final short[] p = (short[]) plane;
			return (y, row) -> {
				for (int x = 0, i = y * w; x < w; x++, i++)
					row[x] = p[i] & 0xffff;
			};
		}
		if (plane instanceof int[]) {
			final int[] p = (int[]) plane;
			return (y, row) -> System.arraycopy(p, y * w, row, 0, w);
		}
		if (plane instanceof float[]) {
			final float[] p = (float[]) plane;
			return (y, row) -> {
				for (int x = 0, i = y * w; x < w; x++, i++) {
					final float f = p[i];
					if (!isFloatLabel(f)) throw new ImageException(name + ": value " + f + " at x=" + x +
						", y=" + y + ", z=" + z + ", t=" + t + " is not a label (whole number from 0 to 2^24)", name, null);
					row[x] = (int) f;
				}
			};
		}
		if (plane instanceof long[]) {
			final long[] p = (long[]) plane;
			return (y, row) -> {
				for (int x = 0, i = y * w; x < w; x++, i++) {
					final long v = p[i];
					if (v < 0 || v > 0xffffffffL) throw new ImageException(name + ": value " + v + " at x=" +
						x + ", y=" + y + ", z=" + z + ", t=" + t + " is not a label (whole number from 0 to 2^32 - 1)", name, null);
					row[x] = (int) v;
				}
			};
		}
		throw new ImageException(name + ": " + plane.getClass().getSimpleName() + " planes hold no labels", name, null);
	}
}
