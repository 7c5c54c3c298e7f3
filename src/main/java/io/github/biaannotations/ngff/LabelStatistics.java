package io.github.biaannotations.ngff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Voxel count and bounding box of every non-zero label value, gathered plane by plane in one pass over the
 * full-resolution label image. Rows are scanned as runs of equal values, so a label costs one update per
 * run, not per voxel.
 */
public final class LabelStatistics {

	/** The statistics of one label value; bounding boxes are inclusive, in (t, z, y, x). */
	public static final class Entry {

		long count;
		final int[] min = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE };
		final int[] max = { -1, -1, -1, -1 };

		public long voxelCount() {
			return count;
		}

		/** Inclusive minimum {t, z, y, x}. */
		public int[] min() {
			return min.clone();
		}

		/** Inclusive maximum {t, z, y, x}. */
		public int[] max() {
			return max.clone();
		}

		void add(final int t, final int z, final int y, final int x0, final int x1) {
			count += x1 - x0 + 1;
			if (t < min[0]) min[0] = t;
			if (t > max[0]) max[0] = t;
			if (z < min[1]) min[1] = z;
			if (z > max[1]) max[1] = z;
			if (y < min[2]) min[2] = y;
			if (y > max[2]) max[2] = y;
			if (x0 < min[3]) min[3] = x0;
			if (x1 > max[3]) max[3] = x1;
		}
	}

	private static final int DENSE = 1 << 16;
	private final Entry[] dense = new Entry[DENSE];
	private final Map<Long, Entry> sparse = new HashMap<>();

	/**
	 * Adds one plane at (t, z): byte[], short[] or int[] read as unsigned, or float[] holding whole label
	 * values (ImageJ's 32-bit label images).
	 */
	public void addPlane(final Object plane, final int width, final int t, final int z) {
		if (plane instanceof short[]) addPlane((short[]) plane, width, t, z);
		else if (plane instanceof byte[]) addPlane((byte[]) plane, width, t, z);
		else if (plane instanceof int[]) addPlane((int[]) plane, width, t, z);
		else if (plane instanceof float[]) addPlane((float[]) plane, width, t, z);
		else throw new IllegalArgumentException("label planes are byte[], short[] or int[], not " + plane);
	}

	private static final short[] ZERO_SHORTS = new short[4096];

	private void addPlane(final short[] p, final int width, final int t, final int z) {
		for (int row = 0, y = 0; row < p.length; row += width, y++) {
			final int end = row + width;
			int i = row;
			while (i < end) {
				final short v = p[i];
				if (v == 0) { // background: skip it with the JDK's vectorised comparison
					i = nextNonZero(p, i, end);
					continue;
				}
				final int start = i++;
				while (i < end && p[i] == v)
					i++;
				entry(v & 0xffff).add(t, z, y, start - row, i - 1 - row);
			}
		}
	}

	/** The index of the first non-zero element in p[from, to), or {@code to}. */
	static int nextNonZero(final short[] p, int from, final int to) {
		while (from < to) {
			final int len = Math.min(ZERO_SHORTS.length, to - from);
			final int m = Arrays.mismatch(p, from, from + len, ZERO_SHORTS, 0, len);
			if (m >= 0) return from + m;
			from += len;
		}
		return to;
	}

	private void addPlane(final byte[] p, final int width, final int t, final int z) {
		for (int row = 0, y = 0; row < p.length; row += width, y++)
			for (int x = 0; x < width;) {
				final byte v = p[row + x];
				int end = x;
				while (end + 1 < width && p[row + end + 1] == v)
					end++;
				if (v != 0) entry(v & 0xff).add(t, z, y, x, end);
				x = end + 1;
			}
	}

	private void addPlane(final int[] p, final int width, final int t, final int z) {
		for (int row = 0, y = 0; row < p.length; row += width, y++)
			for (int x = 0; x < width;) {
				final int v = p[row + x];
				int end = x;
				while (end + 1 < width && p[row + end + 1] == v)
					end++;
				if (v != 0) entry(v & 0xffffffffL).add(t, z, y, x, end);
				x = end + 1;
			}
	}

	private void addPlane(final float[] p, final int width, final int t, final int z) {
		for (int row = 0, y = 0; row < p.length; row += width, y++)
			for (int x = 0; x < width;) {
				final float v = p[row + x];
				int end = x;
				while (end + 1 < width && p[row + end + 1] == v)
					end++;
				if (v != 0) entry((long) v).add(t, z, y, x, end);
				x = end + 1;
			}
	}

	private Entry entry(final long v) {
		if (v < DENSE) {
			Entry e = dense[(int) v];
			if (e == null) dense[(int) v] = e = new Entry();
			return e;
		}
		return sparse.computeIfAbsent(v, k -> new Entry());
	}

	/** Every non-zero label value found, in increasing order, with its statistics. */
	public TreeMap<Long, Entry> entries() {
		final TreeMap<Long, Entry> all = new TreeMap<>(sparse);
		for (int v = 1; v < DENSE; v++)
			if (dense[v] != null) all.put((long) v, dense[v]);
		return all;
	}
}
