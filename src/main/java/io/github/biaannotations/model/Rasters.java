package io.github.biaannotations.model;

import java.util.AbstractList;
import java.util.function.IntFunction;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;

/**
 * Rasters as imglib2 {@link RandomAccessibleInterval}s, read and made plane by plane. A plane is the x-y slice at
 * one position of the other dimensions, as one row-major primitive array ({@link PixelType}). A raster made here
 * ({@link #planar}) is a {@link PlanarImg} over planes given by a function, got when a plane is visited and
 * never copied: ImageJ's stacks are wrapped so (virtual ones read from disk only the planes visited), and
 * {@link #plane} hands such a plane back as the array it is.
 */
public final class Rasters {

	private Rasters() {}

	/** The pixel type of a raster. */
	public static PixelType pixelType(final RandomAccessibleInterval<?> raster) {
		return PixelType.of(raster.getType());
	}

	/** The size of a raster along dimension {@code d}, as an int (planes are held in Java arrays). */
	public static int size(final RandomAccessibleInterval<?> raster, final int d) {
		final long n = raster.dimension(d);
		if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("a raster of " + n + " pixels along dimension " +
			d + " is too large");
		return (int) n;
	}

	/**
	 * A raster over planes supplied on demand: a {@link PlanarImg} of {@code dims} (x, y, then the others, the
	 * first fastest) whose plane {@code i} is {@code plane.apply(i)}, a primitive array of the type's
	 * ({@link PixelType}), wrapped without copying each time the plane is visited.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static RandomAccessibleInterval<? extends RealType<?>> planar(final long[] dims, final PixelType type,
		final IntFunction<Object> plane)
	{
		int planes = 1;
		for (int d = 2; d < dims.length; d++)
			planes = Math.multiplyExact(planes, (int) dims[d]);
		final int count = planes;
		final PlanarImg img = new PlanarImg(new AbstractList<ArrayDataAccess<?>>() {

			@Override
			public ArrayDataAccess<?> get(final int i) {
				return access(plane.apply(i), type);
			}

			@Override
			public int size() {
				return count;
			}
		}, dims, new Fraction());
		img.setLinkedType(linkedType(img, type));
		return img;
	}

	/**
	 * The plane of {@code raster} at {@code position} of its dimensions after x and y, row-major: the raster's
	 * own array when it is planar or a 2D array image (no copy; callers must not change it), else a copy.
	 * Integers of up to 32 bits come as {@code byte[]}, {@code short[]} or {@code int[]} of their bits (unsigned
	 * ones too), floats as {@code float[]}, 64 bits as {@code long[]} or {@code double[]}.
	 */
	public static Object plane(final RandomAccessibleInterval<? extends RealType<?>> raster, final long... position) {
		final int n = raster.numDimensions();
		if (position.length != n - 2) throw new IllegalArgumentException("a plane of a " + n + "D raster needs " +
			(n - 2) + " positions, got " + position.length);
		if (raster instanceof PlanarImg) {
			long index = 0;
			for (int d = n - 1; d >= 2; d--)
				index = index * raster.dimension(d) + position[d - 2];
			return ((PlanarImg<?, ?>) raster).getPlane((int) index).getCurrentStorageArray();
		}
		if (raster instanceof ArrayImg && n == 2) return ((ArrayDataAccess<?>) ((ArrayImg<?, ?>) raster).update(
			null)).getCurrentStorageArray();
		return copy(raster, position);
	}

	private static Object copy(final RandomAccessibleInterval<? extends RealType<?>> raster, final long[] position) {
		final int n = raster.numDimensions();
		final long[] min = new long[n], max = new long[n];
		raster.min(min);
		raster.max(max);
		for (int d = 2; d < n; d++)
			min[d] = max[d] = raster.min(d) + position[d - 2];
		final int w = size(raster, 0), h = size(raster, 1);
		final int length = Math.multiplyExact(w, h);
		final PixelType type = pixelType(raster);
		final Cursor<? extends RealType<?>> c = Views.flatIterable(Views.interval(raster, min, max)).cursor();
		switch (type) {
			case UINT8:
			case INT8: {
				final byte[] p = new byte[length];
				for (int i = 0; i < length; i++)
					p[i] = (byte) ((IntegerType<?>) c.next()).getIntegerLong();
				return p;
			}
			case UINT16:
			case INT16: {
				final short[] p = new short[length];
				for (int i = 0; i < length; i++)
					p[i] = (short) ((IntegerType<?>) c.next()).getIntegerLong();
				return p;
			}
			case UINT32:
			case INT32: {
				final int[] p = new int[length];
				for (int i = 0; i < length; i++)
					p[i] = (int) ((IntegerType<?>) c.next()).getIntegerLong();
				return p;
			}
			case UINT64:
			case INT64: {
				final long[] p = new long[length];
				for (int i = 0; i < length; i++)
					p[i] = ((IntegerType<?>) c.next()).getIntegerLong();
				return p;
			}
			case FLOAT32: {
				final float[] p = new float[length];
				for (int i = 0; i < length; i++)
					p[i] = c.next().getRealFloat();
				return p;
			}
			default: {
				final double[] p = new double[length];
				for (int i = 0; i < length; i++)
					p[i] = c.next().getRealDouble();
				return p;
			}
		}
	}

	/** A primitive plane wrapped, not copied, as imglib2's access of its type. */
	private static ArrayDataAccess<?> access(final Object plane, final PixelType type) {
		switch (type) {
			case UINT8:
			case INT8:
				return new ByteArray((byte[]) plane);
			case UINT16:
			case INT16:
				return new ShortArray((short[]) plane);
			case UINT32:
			case INT32:
				return new IntArray((int[]) plane);
			case UINT64:
			case INT64:
				return new LongArray((long[]) plane);
			case FLOAT32:
				return new FloatArray((float[]) plane);
			default:
				return new DoubleArray((double[]) plane);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static NativeType<?> linkedType(final PlanarImg img, final PixelType type) {
		switch (type) {
			case UINT8: return new UnsignedByteType(img);
			case INT8: return new ByteType(img);
			case UINT16: return new UnsignedShortType(img);
			case INT16: return new ShortType(img);
			case UINT32: return new UnsignedIntType(img);
			case INT32: return new IntType(img);
			case UINT64: return new UnsignedLongType(img);
			case INT64: return new LongType(img);
			case FLOAT32: return new FloatType(img);
			default: return new DoubleType(img);
		}
	}
}
