package io.github.biaannotations.model;

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

/**
 * The pixel types of the rasters: imglib2's native integer and real types, each held plane by plane as one
 * primitive array ({@code byte[]} for 8 bits, {@code short[]} 16, {@code int[]} or {@code float[]} 32,
 * {@code long[]} or {@code double[]} 64).
 */
public enum PixelType {
	UINT8(1, false), INT8(1, false), UINT16(2, false), INT16(2, false), UINT32(4, false), INT32(4, false),
	UINT64(8, false), INT64(8, false), FLOAT32(4, true), FLOAT64(8, true);

	private final int bytes;
	private final boolean floating;

	PixelType(final int bytes, final boolean floating) {
		this.bytes = bytes;
		this.floating = floating;
	}

	/** Bytes per pixel. */
	public int bytes() {
		return bytes;
	}

	public boolean isFloatingPoint() {
		return floating;
	}

	/**
	 * The pixel type of an imglib2 type.
	 *
	 * @throws IllegalArgumentException naming the type when it is none of these (bits, complex numbers, ...)
	 */
	public static PixelType of(final Object type) {
		if (type instanceof UnsignedByteType) return UINT8;
		if (type instanceof ByteType) return INT8;
		if (type instanceof UnsignedShortType) return UINT16;
		if (type instanceof ShortType) return INT16;
		if (type instanceof UnsignedIntType) return UINT32;
		if (type instanceof IntType) return INT32;
		if (type instanceof UnsignedLongType) return UINT64;
		if (type instanceof LongType) return INT64;
		if (type instanceof FloatType) return FLOAT32;
		if (type instanceof DoubleType) return FLOAT64;
		throw new InputException("pixels of type " + (type == null ? "null" : type.getClass()
			.getSimpleName()) + " are not supported: use an 8, 16, 32 or 64-bit integer or real type");
	}
}
