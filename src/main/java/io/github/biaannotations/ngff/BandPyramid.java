package io.github.biaannotations.ngff;

import io.github.biaannotations.labels.Downsampling;
import io.github.biaannotations.zarr.PlaneStreamWriter;

import java.io.IOException;
import java.lang.reflect.Array;

/**
 * Builds the lower pyramid levels of one plane band by band instead of plane by plane, for arrays one
 * plane deep: level 1 is halved straight from bands of the full-resolution plane, and each further level
 * from rows of the level above gathered in a small buffer. No whole level plane is ever held, so memory
 * stays bounded however large a plane is.
 */
final class BandPyramid {

	private final PlaneStreamWriter[] writers;
	private final long[][] sizes;
	private final Downsampling.Method method;
	/** Per level k >= 2: rows of level k-1 gathered until there are enough for a band of level k. */
	private final Object[] buffers;
	private final int[] filled, received, nextRow;

	/** @param writers one per level, level 0 first (it is written elsewhere); every level takes rows */
	BandPyramid(final PlaneStreamWriter[] writers, final AxisLayout layout, final Downsampling.Method method) {
		this.writers = writers;
		this.method = method;
		sizes = new long[writers.length][];
		for (int level = 0; level < writers.length; level++)
			sizes[level] = layout.planeSize(level);
		buffers = new Object[writers.length];
		filled = new int[writers.length];
		received = new int[writers.length];
		nextRow = new int[writers.length];
	}

	/** Whether every lower level can be written as bands. */
	static boolean applies(final PlaneStreamWriter[] writers) {
		for (int level = 1; level < writers.length; level++)
			if (writers[level].rowBlock() == 0) return false;
		return writers.length > 1;
	}

	/** Writes levels 1.. of a full-resolution plane. */
	void write(final long[] leading, final Object plane0) throws IOException {
		final int w0 = (int) sizes[0][1], h0 = (int) sizes[0][0], h1 = (int) sizes[1][0];
		final int block = writers[1].rowBlock();
		for (int level = 2; level < writers.length; level++) {
			filled[level] = 0;
			received[level] = 0;
			nextRow[level] = 0;
		}
		for (int y1 = 0; y1 < h1; y1 += block) {
			final int rows = Math.min(block, h1 - y1);
			final int from = 2 * y1, count = Math.min(2 * rows, h0 - from);
			final Object band = Downsampling.halve(plane0, w0, from, count, method);
			writers[1].writeRows(leading, y1, band);
			feed(2, leading, band, rows);
		}
	}

	/** Hands {@code rows} rows of level {@code level - 1} to level {@code level}. */
	private void feed(final int level, final long[] leading, final Object rowsAbove, final int rows)
		throws IOException
	{
		if (level >= writers.length) return;
		final int width = (int) sizes[level - 1][1], heightAbove = (int) sizes[level - 1][0];
		final int capacity = 2 * writers[level].rowBlock();
		if (buffers[level] == null || Array.getLength(buffers[level]) != capacity * width || buffers[level]
			.getClass() != rowsAbove.getClass()) buffers[level] = Array.newInstance(rowsAbove.getClass()
				.getComponentType(), capacity * width);
		int offset = 0;
		while (offset < rows) {
			final int n = Math.min(rows - offset, capacity - filled[level]);
			System.arraycopy(rowsAbove, offset * width, buffers[level], filled[level] * width, n * width);
			offset += n;
			filled[level] += n;
			received[level] += n;
			if (filled[level] == capacity || received[level] == heightAbove) {
				final Object band = Downsampling.halve(buffers[level], width, 0, filled[level], method);
				final int out = (filled[level] + 1) / 2;
				writers[level].writeRows(leading, nextRow[level], band);
				nextRow[level] += out;
				filled[level] = 0;
				feed(level + 1, leading, band, out);
			}
		}
	}
}
