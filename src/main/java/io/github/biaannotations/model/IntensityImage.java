package io.github.biaannotations.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The image annotations belong to, when it goes into the package: a name, its raster (an imglib2
 * {@link RandomAccessibleInterval} of x, y, c, z, t, ImageJ's order), its calibration and each channel's
 * display settings.
 */
public final class IntensityImage {

	private final String name;
	private final RandomAccessibleInterval<? extends RealType<?>> raster;
	private final Calibration calibration;
	private final List<ImageChannel> channels;

	/**
	 * @param raster x, y, c, z, t
	 * @param channels one entry per channel of {@code raster}
	 */
	public IntensityImage(final String name, final RandomAccessibleInterval<? extends RealType<?>> raster,
		final Calibration calibration, final List<ImageChannel> channels)
	{
		if (raster.numDimensions() != 5) throw new ImageException("image \"" + name + "\" has " + raster
			.numDimensions() + " dimensions: an image raster has x, y, c, z and t", name, null);
		if (channels.size() != raster.dimension(2)) throw new ImageException("image \"" + name + "\" has " +
			raster.dimension(2) + " channels but " + channels.size() + " channel settings", name, null);
		Rasters.pixelType(raster); // refuses types that are not pixels
		this.name = name;
		this.raster = raster;
		this.calibration = calibration == null ? Calibration.NONE : calibration;
		this.channels = Collections.unmodifiableList(new ArrayList<>(channels));
	}

	public String name() {
		return name;
	}

	/** The raster: x, y, c, z, t. */
	public RandomAccessibleInterval<? extends RealType<?>> raster() {
		return raster;
	}

	public PixelType pixelType() {
		return Rasters.pixelType(raster);
	}

	public int sizeX() {
		return Rasters.size(raster, 0);
	}

	public int sizeY() {
		return Rasters.size(raster, 1);
	}

	public int sizeC() {
		return Rasters.size(raster, 2);
	}

	public int sizeZ() {
		return Rasters.size(raster, 3);
	}

	public int sizeT() {
		return Rasters.size(raster, 4);
	}

	/** The plane of channel {@code c}, slice {@code z} and frame {@code t} (0-based), see {@link Rasters#plane}. */
	public Object plane(final int c, final int z, final int t) {
		return Rasters.plane(raster, c, z, t);
	}

	public Calibration calibration() {
		return calibration;
	}

	public List<ImageChannel> channels() {
		return channels;
	}
}
