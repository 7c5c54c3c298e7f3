package io.github.biaannotations.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.process.LUT;

import io.github.biaannotations.model.ImageChannel;
import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.IntensityImage;
import io.github.biaannotations.model.Rgb;

import java.util.ArrayList;
import java.util.List;

/**
 * An ImagePlus as the model's {@link IntensityImage}, which goes into the package as OME-Zarr beside its labels:
 * 8-bit, 16-bit and 32-bit images keep their type and channels (names, LUT colours, display ranges); RGB images
 * become three uint8 channels red, green and blue. Its raster reads the stack's planes when visited
 * ({@link ImagePlusRasters}).
 */
public final class IntensityImages {

	private IntensityImages() {}

	/** The intensity image of an ImagePlus, named {@code name}. */
	public static IntensityImage fromImagePlus(final ImagePlus imp, final String name) {
		final boolean rgb = imp.getType() == ImagePlus.COLOR_RGB;
		final List<ImageChannel> channels = new ArrayList<>();
		if (rgb) {
			final String[] names = { "red", "green", "blue" };
			final Rgb[] colours = { Rgb.of(255, 0, 0), Rgb.of(0, 255, 0), Rgb.of(0, 0, 255) };
			for (int i = 0; i < 3; i++)
				channels.add(new ImageChannel(names[i], colours[i], 0, 255, 0, 255));
			if (imp.getNChannels() > 1) throw new ImageException("\"" + imp.getTitle() +
				"\": RGB images with several channels are not supported", imp.getTitle(), null);
		}
		else {
			final double[] typeRange = typeRange(imp);
			for (int c = 0; c < imp.getNChannels(); c++) {
				final LUT lut = imp instanceof CompositeImage ? ((CompositeImage) imp).getChannelLut(c + 1) : imp
					.getProcessor().getLut();
				final int top = lut.getRGB(lut.getMapSize() - 1);
				Rgb colour = Rgb.of((top >> 16) & 0xff, (top >> 8) & 0xff, top & 0xff);
				if (colour.argb() == Rgb.of(0, 0, 0).argb()) colour = Rgb.of(255, 255, 255); // inverted LUT
				double min = lut.min, max = lut.max;
				if (!(max > min)) {
					min = imp.getDisplayRangeMin();
					max = imp.getDisplayRangeMax();
				}
				final String label = imp.getStack().getSliceLabel(imp.getStackIndex(c + 1, 1, 1));
				channels.add(new ImageChannel(label != null && !label.isEmpty() && imp.getNChannels() > 1 ? label
					.split("\n")[0] : "Channel " + (c + 1), colour, min, max, typeRange[0], Math.max(typeRange[1],
						max)));
			}
		}
		return new IntensityImage(name, ImagePlusRasters.hyperstack(imp), ImagePlusRasters.calibrationOf(imp),
			channels);
	}

	private static double[] typeRange(final ImagePlus imp) {
		switch (imp.getBitDepth()) {
			case 8:
				return new double[] { 0, 255 };
			case 16:
				return new double[] { 0, 65535 };
			default:
				return new double[] { imp.getDisplayRangeMin(), imp.getDisplayRangeMax() };
		}
	}
}
