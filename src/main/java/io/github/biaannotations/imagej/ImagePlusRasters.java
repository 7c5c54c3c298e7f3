package io.github.biaannotations.imagej;

import ij.ImagePlus;
import ij.measure.Calibration;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.model.Rasters;

/**
 * An ImagePlus as the model's imglib2 rasters, plane by plane without copying: each plane of the raster is the
 * stack's own pixel array, got from the stack when the plane is visited (a virtual stack reads it from disk
 * then), so a stack larger than memory is never whole in it. 8-bit images are uint8, 16-bit uint16, 32-bit
 * float32; RGB images are three uint8 channels, red, green and blue, made a plane at a time.
 */
public final class ImagePlusRasters {

	private ImagePlusRasters() {}

	/** One channel (0-based) of the image: x, y, z, t. */
	public static RandomAccessibleInterval<? extends RealType<?>> channel(final ImagePlus imp, final int channel) {
		if (imp.getType() == ImagePlus.COLOR_RGB) throw new ImageException("\"" + imp.getTitle() +
			"\" is an RGB image: a channel of it has no single value per pixel", imp.getTitle(), null);
		final int slices = imp.getNSlices();
		final long[] dims = { imp.getWidth(), imp.getHeight(), slices, imp.getNFrames() };
		return Rasters.planar(dims, pixelType(imp), i -> imp.getStack().getPixels(imp.getStackIndex(channel + 1, i %
			slices + 1, i / slices + 1)));
	}

	/** Every channel of the image: x, y, c, z, t (an RGB image has three). */
	public static RandomAccessibleInterval<? extends RealType<?>> hyperstack(final ImagePlus imp) {
		final boolean rgb = imp.getType() == ImagePlus.COLOR_RGB;
		if (rgb && imp.getNChannels() > 1) throw new ImageException("\"" + imp.getTitle() +
			"\": RGB images with several channels are not supported", imp.getTitle(), null);
		final int channels = rgb ? 3 : imp.getNChannels(), slices = imp.getNSlices();
		final long[] dims = { imp.getWidth(), imp.getHeight(), channels, slices, imp.getNFrames() };
		return Rasters.planar(dims, rgb ? PixelType.UINT8 : pixelType(imp), i -> {
			final int c = i % channels, z = i / channels % slices + 1, t = i / channels / slices + 1;
			if (!rgb) return imp.getStack().getPixels(imp.getStackIndex(c + 1, z, t));
			final int[] argb = (int[]) imp.getStack().getPixels(imp.getStackIndex(1, z, t));
			final byte[] out = new byte[argb.length];
			final int shift = 16 - 8 * c;
			for (int p = 0; p < argb.length; p++)
				out[p] = (byte) (argb[p] >> shift);
			return out;
		});
	}

	/** The pixel type of the image's stack planes. */
	static PixelType pixelType(final ImagePlus imp) {
		switch (imp.getBitDepth()) {
			case 16:
				return PixelType.UINT16;
			case 32:
				return PixelType.FLOAT32;
			default:
				return PixelType.UINT8;
		}
	}

	/** The physical calibration of an ImagePlus (voxel size, unit, frame interval, time unit). */
	public static io.github.biaannotations.model.Calibration calibrationOf(final ImagePlus imp) {
		final Calibration cal = imp.getCalibration();
		final boolean scaled = cal.scaled();
		return new io.github.biaannotations.model.Calibration(scaled ? cal.pixelWidth : 1, scaled ? cal.pixelHeight
			: 1, scaled ? cal.pixelDepth : 1, scaled ? cal.getUnit() : null, cal.frameInterval > 0 ? cal.frameInterval
				: 1, cal.frameInterval > 0 ? cal.getTimeUnit() : null);
	}
}
