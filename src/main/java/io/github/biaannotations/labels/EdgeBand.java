package io.github.biaannotations.labels;

import static io.github.biaannotations.labels.EdgeList.EAST;
import static io.github.biaannotations.labels.EdgeList.NORTH;
import static io.github.biaannotations.labels.EdgeList.SOUTH;
import static io.github.biaannotations.labels.EdgeList.WEST;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The edges found in a band of rows, by label in order of first appearance. */
final class EdgeBand {

	private static final int DENSE_LIMIT = 1 << 24;

	final List<EdgeList> order = new ArrayList<>();
	private EdgeList[] dense = new EdgeList[1024];
	private Map<Integer, EdgeList> sparse;
	private int lastLabel;
	private EdgeList last;

	/**
	 * Scans rows {@code from} (inclusive) to {@code to}: every pixel edge between two different values
	 * becomes a directed edge of each non-zero side, running with the label on its right in image
	 * coordinates (y down). Each row is compared with itself shifted by one (vertical edges) and with the
	 * row above (horizontal edges), both with {@link Arrays#mismatch}, which skips equal stretches many
	 * values at a time; the plane's borders count as background.
	 */
	static EdgeBand scan(final LabelTracer.Rows rows, final int width, final int height, final int from, final int to) {
		final EdgeBand band = new EdgeBand();
		int[] above = new int[width], row = new int[width];
		if (from > 0) rows.read(from - 1, above);
		for (int y = from; y < to; y++) {
			rows.read(y, row);
			band.vertical(row, y);
			band.horizontal(row, above, y);
			final int[] t = above;
			above = row;
			row = t;
		}
		if (to == height) {
			for (int x = 0; x < width; x++) {
				final int up = above[x];
				if (up != 0) band.edges(up).add(x + 1, height, WEST);
			}
		}
		return band;
	}

	/** Edges between x-1 and x, including both borders. */
	private void vertical(final int[] row, final int y) {
		final int width = row.length;
		int left = 0;
		int x = 0;
		while (x < width) {
			final int here = row[x];
			if (here != left) {
				if (left != 0) edges(left).add(x, y, SOUTH);
				if (here != 0) edges(here).add(x, y + 1, NORTH);
				left = here;
			}
			// the next change within the row
			final int m = x + 1 < width ? Arrays.mismatch(row, x + 1, width, row, x, width - 1) : -1;
			if (m < 0) break;
			x += 1 + m;
		}
		if (left != 0) edges(left).add(width, y, SOUTH);
	}

	/** Edges between row y-1 ({@code above}) and row y. */
	private void horizontal(final int[] row, final int[] above, final int y) {
		final int width = row.length;
		int x = 0;
		while (x < width) {
			final int m = Arrays.mismatch(row, x, width, above, x, width);
			if (m < 0) break;
			x += m;
			// differences come in runs (the top or bottom of a region): take them one by one
			do {
				final int here = row[x], up = above[x];
				if (here != 0) edges(here).add(x, y, EAST);
				if (up != 0) edges(up).add(x + 1, y, WEST);
				x++;
			} while (x < width && row[x] != above[x]);
		}
	}

	/**
	 * The edge list of {@code label}, created at its first use: found in an array indexed by label value
	 * for values below 2^24 (no boxing on the hot path), in a map above; the last label is cached since
	 * label images come in runs of equal values.
	 */
	EdgeList edges(final int label) {
		if (last != null && label == lastLabel) return last;
		EdgeList list;
		if (label > 0 && label < DENSE_LIMIT) {
			if (label >= dense.length) dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT, Math.max(label + 1, dense.length * 2)));
			list = dense[label];
			if (list == null) {
				list = new EdgeList(label);
				dense[label] = list;
				order.add(list);
			}
		} else {
			if (sparse == null) sparse = new java.util.HashMap<>();
			list = sparse.get(label);
			if (list == null) {
				list = new EdgeList(label);
				sparse.put(label, list);
				order.add(list);
			}
		}
		last = list;
		lastLabel = label;
		return list;
	}

	/** The edges of all bands by label, in order of first appearance from the top. */
	static List<EdgeList> merge(final List<EdgeBand> bands) {
		final EdgeBand all = bands.get(0);
		for (int b = 1; b < bands.size(); b++)
			for (final EdgeList e : bands.get(b).order)
				all.edges(e.label).addAll(e);
		return all.order;
	}
}
