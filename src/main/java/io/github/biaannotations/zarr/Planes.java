package io.github.biaannotations.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/** Helpers for planes held as primitive arrays ({@code byte[]}, {@code short[]}, {@code int[]}, ...). */
public final class Planes {

	private Planes() {}

	/** Number of elements of a primitive-array plane. */
	public static int length(final Object plane) {
		if (plane instanceof byte[]) return ((byte[]) plane).length;
		if (plane instanceof short[]) return ((short[]) plane).length;
		if (plane instanceof int[]) return ((int[]) plane).length;
		if (plane instanceof float[]) return ((float[]) plane).length;
		if (plane instanceof long[]) return ((long[]) plane).length;
		if (plane instanceof double[]) return ((double[]) plane).length;
		throw new IllegalArgumentException("not a primitive plane: " + plane);
	}

	/** Element size in bytes of a primitive-array plane. */
	public static int elementBytes(final Object plane) {
		if (plane instanceof byte[]) return 1;
		if (plane instanceof short[]) return 2;
		if (plane instanceof int[] || plane instanceof float[]) return 4;
		if (plane instanceof long[] || plane instanceof double[]) return 8;
		throw new IllegalArgumentException("not a primitive plane: " + plane);
	}

	/**
	 * Copies {@code count} elements from {@code offset} of a plane into a little-endian buffer, starting at
	 * element index {@code at} of the buffer.
	 */
	static void putRow(final Object plane, final int offset, final int count, final ByteBuffer dst,
		final int at, final DataType type)
	{
		final int bytes = elementBytes(plane);
		final ByteBuffer b = dst.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		b.position(at * bytes);
		if (plane instanceof byte[]) b.put((byte[]) plane, offset, count);
		else if (plane instanceof short[]) b.asShortBuffer().put((short[]) plane, offset, count);
		else if (plane instanceof int[]) b.asIntBuffer().put((int[]) plane, offset, count);
		else if (plane instanceof float[] && !type.isFloatingPoint()) {
			final float[] f = (float[]) plane;
			final IntBuffer ints = b.asIntBuffer();
			for (int i = 0; i < count; i++)
				ints.put((int) (long) f[offset + i]); // whole values up to 2^24, checked by the caller
		}
		else if (plane instanceof float[]) b.asFloatBuffer().put((float[]) plane, offset, count);
		else if (plane instanceof long[]) b.asLongBuffer().put((long[]) plane, offset, count);
		else b.asDoubleBuffer().put((double[]) plane, offset, count);
	}

	/** Converts little-endian bytes (as read from a chunk or plane) to a primitive plane of the given type. */
	public static Object fromBytes(final byte[] raw, final DataType type) {
		final ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
		switch (type.bytes()) {
			case 1:
				return raw.clone();
			case 2: {
				final short[] v = new short[raw.length / 2];
				b.asShortBuffer().get(v);
				return v;
			}
			case 4:
				if (type == DataType.FLOAT32) {
					final float[] v = new float[raw.length / 4];
					b.asFloatBuffer().get(v);
					return v;
				}
				else {
					final int[] v = new int[raw.length / 4];
					b.asIntBuffer().get(v);
					return v;
				}
			default:
				if (type == DataType.FLOAT64) {
					final double[] v = new double[raw.length / 8];
					b.asDoubleBuffer().get(v);
					return v;
				}
				else {
					final long[] v = new long[raw.length / 8];
					b.asLongBuffer().get(v);
					return v;
				}
		}
	}
}
