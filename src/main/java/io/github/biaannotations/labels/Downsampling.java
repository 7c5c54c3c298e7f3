package io.github.biaannotations.labels;

import java.util.Arrays;

/**
 * Halves a plane in y and x (sizes rounded up). Label planes use {@link Method#MODE} or
 * {@link Method#NEAREST}, which only ever output values present in the input, so every pyramid level's
 * labels are a subset of the full-resolution ones; image planes use {@link Method#MEAN}.
 * <p>
 * Mode rule: the value that occurs most often in the 2x2 block; on a tie a non-zero value beats background
 * 0 (so small objects survive), and among tied non-zero values the first in raster order wins. At odd edges
 * the block holds the pixels that exist.
 */
public final class Downsampling {

	/** How a 2x2 block becomes one pixel. */
	public enum Method {
		/** Most frequent value (labels; the default). */
		MODE("mode"),
		/** The top-left pixel (labels). */
		NEAREST("nearest"),
		/** The rounded mean (images only: never for labels). */
		MEAN("mean");

		private final String ngffType;

		Method(final String ngffType) {
			this.ngffType = ngffType;
		}

		/** The name written into {@code multiscales[].type}. */
		public String ngffType() {
			return ngffType;
		}
	}

	private Downsampling() {}

	/**
	 * Halves a byte[], short[], int[] (integers, unsigned) or float[] plane of the given width and height. A
	 * float[] plane with MODE or NEAREST holds whole label values and gives an int[] plane.
	 */
	public static Object halve(final Object plane, final int width, final int height, final Method method) {
		return halve(plane, width, 0, height, method);
	}

	/**
	 * Halves rows {@code rowFrom .. rowFrom + height} of a plane (a band), giving {@code ceil(height / 2)}
	 * rows; {@code rowFrom} must be even so blocks line up with those of the whole plane.
	 */
	public static Object halve(final Object plane, final int width, final int rowFrom, final int height,
		final Method method)
	{
		if (rowFrom % 2 != 0) throw new IllegalArgumentException("band must start on an even row: " + rowFrom);
		final int base = rowFrom * width;
		final int w2 = (width + 1) / 2, h2 = (height + 1) / 2;
		if (plane instanceof short[] && method == Method.MODE && width % 2 == 0 && height % 2 == 0)
			return modeEven((short[]) plane, width, base, height);
		if (plane instanceof short[]) {
			final short[] in = (short[]) plane;
			final short[] out = new short[w2 * h2];
			for (int y = 0; y < h2; y++) {
				final int r0 = base + 2 * y * width, r1 = base + Math.min(2 * y + 1, height - 1) * width;
				for (int x = 0; x < w2; x++) {
					final int x0 = 2 * x, x1 = Math.min(2 * x + 1, width - 1);
					out[y * w2 + x] = (short) combine(in[r0 + x0] & 0xffff, in[r0 + x1] & 0xffff, in[r1 + x0] & 0xffff,
						in[r1 + x1] & 0xffff, method);
				}
			}
			return out;
		}
		if (plane instanceof byte[]) {
			final byte[] in = (byte[]) plane;
			final byte[] out = new byte[w2 * h2];
			for (int y = 0; y < h2; y++) {
				final int r0 = base + 2 * y * width, r1 = base + Math.min(2 * y + 1, height - 1) * width;
				for (int x = 0; x < w2; x++) {
					final int x0 = 2 * x, x1 = Math.min(2 * x + 1, width - 1);
					out[y * w2 + x] = (byte) combine(in[r0 + x0] & 0xff, in[r0 + x1] & 0xff, in[r1 + x0] & 0xff,
						in[r1 + x1] & 0xff, method);
				}
			}
			return out;
		}
		if (plane instanceof int[]) {
			final int[] in = (int[]) plane;
			final int[] out = new int[w2 * h2];
			for (int y = 0; y < h2; y++) {
				final int r0 = base + 2 * y * width, r1 = base + Math.min(2 * y + 1, height - 1) * width;
				for (int x = 0; x < w2; x++) {
					final int x0 = 2 * x, x1 = Math.min(2 * x + 1, width - 1);
					out[y * w2 + x] = method == Method.MEAN ? (int) ((Integer.toUnsignedLong(in[r0 + x0]) + Integer
						.toUnsignedLong(in[r0 + x1]) + Integer.toUnsignedLong(in[r1 + x0]) + Integer.toUnsignedLong(
							in[r1 + x1]) + 2) / 4) : combine(in[r0 + x0], in[r0 + x1], in[r1 + x0], in[r1 + x1], method);
				}
			}
			return out;
		}
		if (plane instanceof float[] && method != Method.MEAN) {
			// float planes of whole label values (ImageJ 32-bit labels): lower levels become int[]
			final float[] in = (float[]) plane;
			final int[] out = new int[w2 * h2];
			for (int y = 0; y < h2; y++) {
				final int r0 = base + 2 * y * width, r1 = base + Math.min(2 * y + 1, height - 1) * width;
				for (int x = 0; x < w2; x++) {
					final int x0 = 2 * x, x1 = Math.min(2 * x + 1, width - 1);
					out[y * w2 + x] = combine((int) in[r0 + x0], (int) in[r0 + x1], (int) in[r1 + x0], (int) in[r1 + x1],
						method);
				}
			}
			return out;
		}
		if (plane instanceof float[]) {
			final float[] in = (float[]) plane;
			final float[] out = new float[w2 * h2];
			for (int y = 0; y < h2; y++) {
				final int r0 = base + 2 * y * width, r1 = base + Math.min(2 * y + 1, height - 1) * width;
				for (int x = 0; x < w2; x++) {
					final int x0 = 2 * x, x1 = Math.min(2 * x + 1, width - 1);
					out[y * w2 + x] = (in[r0 + x0] + in[r0 + x1] + in[r1 + x0] + in[r1 + x1]) / 4;
				}
			}
			return out;
		}
		throw new IllegalArgumentException("cannot downsample " + plane);
	}

	/** The common case made fast: mode of a 16-bit plane with even sides, uniform blocks short-cut. */
	private static short[] modeEven(final short[] in, final int width, final int base, final int height) {
		final int w2 = width / 2, h2 = height / 2;
		final short[] out = new short[w2 * h2];
		for (int y = 0; y < h2; y++) {
			final int r0 = base + 2 * y * width, r1 = r0 + width, o = y * w2;
			for (int x = 0; x < w2; x++) {
				if ((x & 31) == 0 && allZero(in, r0 + 2 * x, r1 + 2 * x, Math.min(64, width - 2 * x))) {
					x += 31; // 32 background blocks: the output is already 0
					continue;
				}
				final short a = in[r0 + 2 * x], b = in[r0 + 2 * x + 1], c = in[r1 + 2 * x], d = in[r1 + 2 * x + 1];
				out[o + x] = a == b && a == c && a == d ? a : (short) mode(a & 0xffff, b & 0xffff, c & 0xffff, d &
					0xffff);
			}
		}
		return out;
	}

	private static final short[] ZERO = new short[64];

	private static boolean allZero(final short[] in, final int from0, final int from1, final int len) {
		return Arrays.mismatch(in, from0, from0 + len, ZERO, 0, len) < 0 && Arrays.mismatch(
			in, from1, from1 + len, ZERO, 0, len) < 0;
	}

	/**
	 * One output pixel from a 2x2 block (a b / c d). Edge blocks repeat the existing pixels, which keeps the
	 * counts' ratios, so mode and mean stay exact.
	 */
	static int combine(final int a, final int b, final int c, final int d, final Method method) {
		switch (method) {
			case NEAREST:
				return a;
			case MEAN:
				return (int) ((Integer.toUnsignedLong(a) + Integer.toUnsignedLong(b) + Integer.toUnsignedLong(c) +
					Integer.toUnsignedLong(d) + 2) / 4);
			default:
				return mode(a, b, c, d);
		}
	}

	/** The mode of four values (a b / c d) with the tie rule of the class comment. */
	static int mode(final int a, final int b, final int c, final int d) {
		if (a == b) {
			if (a == c || a == d) return a; // three or four of a
			if (c == d) return a != 0 ? a : c; // two against two
			return a;
		}
		if (a == c) {
			if (a == d) return a;
			if (b == d) return a != 0 ? a : b;
			return a;
		}
		if (a == d) {
			if (b == c) return a != 0 ? a : b;
			return a;
		}
		// a occurs once
		if (b == c || b == d) return b;
		if (c == d) return c;
		return a != 0 ? a : b; // all different: the first non-zero
	}

	/** The rule of the class comment, spelled out by counting; the reference {@link #mode} is tested against. */
	static int modeByCounting(final int a, final int b, final int c, final int d) {
		final int[] v = { a, b, c, d };
		int best = v[0], bestCount = -1;
		for (final int x : v) {
			final int k = count(x, a, b, c, d);
			if (k > bestCount || k == bestCount && best == 0 && x != 0) {
				best = x;
				bestCount = k;
			}
		}
		return best;
	}

	private static int count(final int v, final int a, final int b, final int c, final int d) {
		return (v == a ? 1 : 0) + (v == b ? 1 : 0) + (v == c ? 1 : 0) + (v == d ? 1 : 0);
	}
}
