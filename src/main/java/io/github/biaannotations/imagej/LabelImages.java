package io.github.biaannotations.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.LabelInfo;
import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.model.Rgb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Converts between ImageJ label images and the model's {@link LabelImage}: 8- and 16-bit images as they are,
 * 32-bit float images with whole values (written as uint32; non-integral, negative, NaN or above-2^24 values are
 * refused with the first bad voxel named), one label image per channel, calibration and LUT colours carried
 * over. The raster is the stack's planes, read when visited and never copied ({@link ImagePlusRasters}).
 */
public final class LabelImages {

	/** Float labels above this are refused: a float holds every integer only up to 2^24. */
	public static final double MAX_FLOAT_LABEL = 1 << 24;

	private LabelImages() {}

	/**
	 * The label images of an ImagePlus: one per channel, named {@code name} (single channel) or
	 * {@code name_c1, name_c2, ...}.
	 *
	 * @param info what the caller knows about label values (names, classes, colours); may be empty
	 * @throws IllegalArgumentException naming the image and the first bad voxel when it cannot hold labels
	 */
	public static List<LabelImage> fromImagePlus(final ImagePlus imp, final String name,
		final Map<Long, LabelInfo> info)
	{
		final int type = imp.getType();
		if (type == ImagePlus.COLOR_RGB) throw new ImageException("\"" + imp.getTitle() +
			"\" is an RGB image: a label image must be 8-bit, 16-bit or 32-bit with whole values", imp.getTitle(), null);
		if (type == ImagePlus.GRAY32) checkFloatLabels(imp);
		final List<LabelImage> result = new ArrayList<>();
		final int channels = imp.getNChannels();
		for (int c = 0; c < channels; c++)
			result.add(new LabelImage(channels == 1 ? name : name + "_c" + (c + 1), ImagePlusRasters.channel(imp, c),
				ImagePlusRasters.calibrationOf(imp), info, lutColours(imp, c)));
		return result;
	}

	/** Whether a 32-bit float voxel holds a label: a whole number from 0 to 2^24 (NaN does not). */
	public static boolean isFloatLabel(final float v) {
		return v >= 0 && v <= MAX_FLOAT_LABEL && v == Math.rint(v);
	}

	/**
	 * Checks every voxel of a 32-bit image; throws naming the first one (x, y 0-based; channel, slice, frame
	 * 1-based as ImageJ shows them) that is not a whole number in 0..2^24.
	 */
	static void checkFloatLabels(final ImagePlus imp) {
		final ImageStack stack = imp.getStack();
		final int w = imp.getWidth();
		for (int t = 1; t <= imp.getNFrames(); t++)
			for (int z = 1; z <= imp.getNSlices(); z++)
				for (int c = 1; c <= imp.getNChannels(); c++) {
					final float[] p = (float[]) stack.getPixels(imp.getStackIndex(c, z, t));
					for (int i = 0; i < p.length; i++) {
						final float v = p[i];
						if (isFloatLabel(v)) continue;
						final String what = Float.isNaN(v) ? "is NaN (not a number)" : "has value " + v + ", which " + (v < 0
							? "is negative" : v > MAX_FLOAT_LABEL ? "is above 2^24 (16777216): 32-bit floats cannot hold " +
								"every whole number beyond it" : "is not a whole number");
						throw new ImageException("label image \"" + imp.getTitle() + "\": voxel (x=" + i % w +
							", y=" + i / w + ", channel " + c + ", slice " + z + ", frame " + t + ") " + what +
							": labels must be whole numbers from 0 to 2^24", imp.getTitle(), null);
					}
				}
	}

	/** The LUT colour of each label value, or {@code null} for a grey (or inverted grey) LUT. */
	static LongFunction<Rgb> lutColours(final ImagePlus imp, final int channel) {
		final LUT lut = imp instanceof CompositeImage && ((CompositeImage) imp).getMode() != IJ_GRAYSCALE
			? ((CompositeImage) imp).getChannelLut(channel + 1) : imp.getProcessor().getLut();
		if (lut == null || isGrey(lut)) return null;
		final int size = lut.getMapSize();
		final byte[] r = new byte[size], g = new byte[size], b = new byte[size];
		lut.getReds(r);
		lut.getGreens(g);
		lut.getBlues(b);
		final boolean eightBit = imp.getType() == ImagePlus.GRAY8 || imp.getType() == ImagePlus.COLOR_256;
		double min = lut.min, max = lut.max;
		if (!(max > min)) {
			min = imp.getDisplayRangeMin();
			max = imp.getDisplayRangeMax();
		}
		final double lo = min, hi = max;
		return value -> {
			int index;
			if (eightBit) index = (int) value;
			else index = (int) Math.floor((value - lo) * 256.0 / (hi - lo + 1));
			index = Math.max(0, Math.min(size - 1, index));
			return Rgb.of(r[index] & 0xff, g[index] & 0xff, b[index] & 0xff);
		};
	}

	private static final int IJ_GRAYSCALE = ij.IJ.GRAYSCALE;

	private static boolean isGrey(final LUT lut) {
		final int size = lut.getMapSize();
		for (int i = 0; i < size; i++) {
			final int rgb = lut.getRGB(i);
			final int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
			if (r != g || g != b) return false;
		}
		return true;
	}

	/**
	 * An ImagePlus holding a label image read back from OME-Zarr: 8- and 16-bit stay so, 32-bit integer
	 * labels become 32-bit float (exact up to 2^24; larger values are refused). Calibration is restored.
	 */
	public static ImagePlus toImagePlus(final LabelImage labels) {
		final ImageStack stack = new ImageStack(labels.sizeX(), labels.sizeY());
		for (int t = 0; t < labels.sizeT(); t++)
			for (int z = 0; z < labels.sizeZ(); z++)
				stack.addSlice(null, processor(labels, labels.plane(z, t), t, z));
		final ImagePlus imp = new ImagePlus(labels.name(), stack);
		imp.setDimensions(1, labels.sizeZ(), labels.sizeT());
		if (labels.sizeZ() > 1 || labels.sizeT() > 1) imp.setOpenAsHyperStack(true);
		final io.github.biaannotations.model.Calibration pc = labels.calibration() == null
			? io.github.biaannotations.model.Calibration.NONE : labels.calibration();
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = pc.pixelWidth();
		cal.pixelHeight = pc.pixelHeight();
		cal.pixelDepth = pc.pixelDepth();
		if (pc.spaceUnit() != null) cal.setUnit("micrometer".equals(pc.spaceUnit()) ? "\u00b5m" : pc.spaceUnit());
		if (labels.sizeT() > 1) {
			cal.frameInterval = pc.frameInterval();
			if (pc.timeUnit() != null) cal.setTimeUnit("second".equals(pc.timeUnit()) ? "sec" : pc.timeUnit());
		}
		imp.resetDisplayRange();
		return imp;
	}

	private static ImageProcessor processor(final LabelImage labels, final Object plane, final int t, final int z) {
		final int w = labels.sizeX(), ht = labels.sizeY();
		final String name = labels.name();
		if (plane instanceof byte[]) return new ByteProcessor(w, ht, (byte[]) plane);
		if (plane instanceof short[]) return new ShortProcessor(w, ht, (short[]) plane, null);
		if (plane instanceof float[]) return new FloatProcessor(w, ht, (float[]) plane);
		final long[] in = longs(plane);
		final float[] out = new float[in.length];
		final boolean unsigned = labels.pixelType() == PixelType.UINT32;
		for (int i = 0; i < in.length; i++) {
			final long v = unsigned ? in[i] & 0xffffffffL : in[i];
			if (v > MAX_FLOAT_LABEL || v < -MAX_FLOAT_LABEL) throw new ImageException("label image \"" +
				name + "\": value " + v + " at (x=" + i % w + ", y=" + i / w + ", z=" + z + ", t=" + t +
				") is above 2^24 and cannot be held exactly by ImageJ's 32-bit float images", name, null);
			out[i] = v;
		}
		return new FloatProcessor(w, ht, out);
	}

	/** A plane of 32 or 64-bit integers as longs (bits as they are). */
	private static long[] longs(final Object plane) {
		if (plane instanceof long[]) return (long[]) plane;
		final int[] in = (int[]) plane;
		final long[] out = new long[in.length];
		for (int i = 0; i < in.length; i++)
			out[i] = in[i];
		return out;
	}
}
