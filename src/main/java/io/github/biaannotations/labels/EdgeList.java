package io.github.biaannotations.labels;

import java.util.Arrays;

/** The directed edges of one label, packed as (y &lt;&lt; 33 | x &lt;&lt; 2 | direction) of their start vertex. */
final class EdgeList {

	final int label;
	long[] keys = new long[32];
	int size;

	EdgeList(final int label) {
		this.label = label;
	}

	void add(final int x, final int y, final int dir) {
		if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
		keys[size++] = ((long) y << 33) | ((long) x << 2) | dir;
	}

	void addAll(final EdgeList other) {
		if (size + other.size > keys.length) keys = Arrays.copyOf(keys, Math.max(size + other.size, 2 * keys.length));
		System.arraycopy(other.keys, 0, keys, size, other.size);
		size += other.size;
	}

	/** The four directions an edge runs, as its low two bits hold them. */
	static final int EAST = 0, SOUTH = 1, WEST = 2, NORTH = 3;
	/** The step in x and y of each direction. */
	static final int[] DX = { 1, 0, -1, 0 };
	static final int[] DY = { 0, 1, 0, -1 };

static int dir(final long e) { return (int) (e & 3); }
static int x(final long e) { return (int) ((e >>> 2) & 0x7fffffffL); }
static int y(final long e) { return (int) (e >>> 33); }
}
