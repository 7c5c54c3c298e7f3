package io.github.biaannotations.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * One label image: a name (its file or folder name in the package), its raster (an imglib2
 * {@link RandomAccessibleInterval} of x, y, z, t: one channel), its calibration, what is known about its label
 * values, and optionally the colours of its lookup table. Values are unsigned integers, 0 being background; a
 * raster of 32-bit floats holds whole values up to 2^24 (ImageJ's 32-bit label images, checked by whoever makes
 * it). The OME-Zarr writer and the outline tracer read the same raster, plane by plane. Colours come from
 * {@link LabelInfo#colour()}, else the lookup table, else a distinct palette.
 */
public final class LabelImage {

	private final String name;
	private final RandomAccessibleInterval<? extends RealType<?>> raster;
	private final Calibration calibration;
	private final Map<Long, LabelInfo> info;
	private final LongFunction<Rgb> lutColours;

	/**
	 * @param raster x, y, z, t
	 * @param calibration its pixel size and units; null when unknown (the image's is used)
	 * @param info label value to name/class/colour; may be empty
	 * @param lutColours colour of a label value from the image's lookup table, or null when it has none
	 * @throws IllegalArgumentException naming the label image when the name, the dimensions or the type do not fit
	 */
	public LabelImage(final String name, final RandomAccessibleInterval<? extends RealType<?>> raster,
		final Calibration calibration, final Map<Long, LabelInfo> info, final LongFunction<Rgb> lutColours)
	{
		if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith("."))
			throw new ImageException("label image name \"" + name +
				"\" must be a plain folder name (no slashes, not starting with a dot)", name, null);
		if (raster.numDimensions() != 4) throw new ImageException("label image \"" + name + "\" has " +
			raster.numDimensions() + " dimensions: a label raster has x, y, z and t", name, null);
		final PixelType type = Rasters.pixelType(raster);
		if (type.isFloatingPoint() && type != PixelType.FLOAT32) throw new ImageException("label image \"" +
			name + "\" has " + type.name().toLowerCase(Locale.ROOT) + " data: labels must be integers", name, null);
		this.name = name;
		this.raster = raster;
		this.calibration = calibration;
		this.info = Collections.unmodifiableMap(new TreeMap<>(info));
		this.lutColours = lutColours;
	}

	/**
	 * A label image from an imglib2 image of an integer type, as Labkit, StarDist or CLIJ give one.
	 *
	 * @param axes what the raster's dimensions are, in order: {@code xy}, {@code xyz}, {@code xyt} or {@code xyzt}
	 * @param calibration its pixel size and units; null for the image's
	 */
	public static <T extends IntegerType<T>> LabelImage of(final String name, final RandomAccessibleInterval<T> raster,
		final String axes, final Calibration calibration)
	{
		return new LabelImage(name, xyzt(raster, axes, name), calibration, Map.of(), null);
	}

	/** {@code raster} as x, y, z, t: missing axes added with size 1, the given ones put in that order. */
	private static <T> RandomAccessibleInterval<T> xyzt(final RandomAccessibleInterval<T> raster, final String axes,
		final String name)
	{
		final String a = axes == null ? "" : axes.trim().toLowerCase(Locale.ROOT);
		if (!a.matches("xy(z?t?)") || a.length() != raster.numDimensions()) throw new ImageException(
			"label image \"" + name + "\": axes '" + axes + "' for a raster of " + raster.numDimensions() +
			" dimensions; give xy, xyz, xyt or xyzt, one letter per dimension", name, null);
		RandomAccessibleInterval<T> r = Views.zeroMin(raster);
		final StringBuilder order = new StringBuilder(a);
		for (final char axis : new char[] { 'z', 't' })
			if (order.indexOf(String.valueOf(axis)) < 0) {
				r = Views.addDimension(r, 0, 0);
				order.append(axis);
			}
		if (order.toString().equals("xytz")) r = Views.permute(r, 2, 3);
		return r;
	}

	public String name() {
		return name;
	}

	/** The raster: x, y, z, t. */
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

	public int sizeZ() {
		return Rasters.size(raster, 2);
	}

	public int sizeT() {
		return Rasters.size(raster, 3);
	}

	/** The plane at slice {@code z} and frame {@code t} (0-based), see {@link Rasters#plane}. */
	public Object plane(final int z, final int t) {
		return Rasters.plane(raster, z, t);
	}

	/** Its calibration, or null when unknown. */
	public Calibration calibration() {
		return calibration;
	}

	public Map<Long, LabelInfo> info() {
		return info;
	}

	/** The lookup table's colour of each label value, or null. */
	public LongFunction<Rgb> lutColours() {
		return lutColours;
	}
}
