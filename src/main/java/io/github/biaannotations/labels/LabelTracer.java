package io.github.biaannotations.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Traces the outlines of every non-zero label of one 2D label plane, in one pass over the pixels, into
 * polygons that run along pixel edges: the area of each label's geometry equals its pixel count, holes become
 * interior rings, and disconnected parts become a MultiPolygon.
 * <p>
 * Foreground is 4-connected: two pixels of a label that touch only at a corner are separate parts. Where a
 * label's outline touches itself at a corner the polygon is repaired with JTS's {@link GeometryFixer}, which
 * keeps the covered pixels as they are.
 */
public final class LabelTracer {

	private static final int EAST = 0, SOUTH = 1, WEST = 2, NORTH = 3;
	private static final int[] DX = { 1, 0, -1, 0 };
	private static final int[] DY = { 0, 1, 0, -1 };

	private final GeometryFactory factory;

	public LabelTracer(final GeometryFactory factory) {
		this.factory = factory;
	}

	public LabelTracer() {
		this(new GeometryFactory());
	}

	/**
	 * Traces all labels of a plane given row by row.
	 *
	 * @param labels {@code width * height} label values, row-major; 0 is background; values are unsigned
	 * @param offsetX added to every x coordinate (to place a cropped plane in its image)
	 * @param offsetY added to every y coordinate
	 * @return one geometry (Polygon or MultiPolygon) per label, in order of first appearance in the scan
	 */
	public Map<Integer, Geometry> trace(final int[] labels, final int width, final int height, final double offsetX,
		final double offsetY)
	{
		if (labels.length < (long) width * height)
			throw new IllegalArgumentException("Label plane has " + labels.length + " values, expected " + width + "x" + height);
		final Map<Integer, EdgeList> edges = collectEdges(labels, width, height);
		final Map<Integer, Geometry> result = new LinkedHashMap<>(edges.size() * 2);
		for (final Map.Entry<Integer, EdgeList> e : edges.entrySet())
			result.put(e.getKey(), e.getValue().toGeometry(factory, offsetX, offsetY));
		return result;
	}

	/**
	 * One scan: every pixel edge between two different values becomes a directed edge of each non-zero side.
	 * Each row is compared with itself shifted by one (vertical edges) and with the row above (horizontal
	 * edges); the borders count as background.
	 */
	private static Map<Integer, EdgeList> collectEdges(final int[] labels, final int width, final int height) {
		final Map<Integer, EdgeList> edges = new LinkedHashMap<>();
		final Lookup lookup = new Lookup(edges);
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			int left = 0;
			for (int x = 0; x < width; x++) {
				final int here = labels[row + x];
				if (here != left) {
					if (left != 0) lookup.get(left).add(x, y, SOUTH);
					if (here != 0) lookup.get(here).add(x, y + 1, NORTH);
					left = here;
				}
			}
			if (left != 0) lookup.get(left).add(width, y, SOUTH);
			if (y == 0) {
				for (int x = 0; x < width; x++) {
					final int here = labels[x];
					if (here != 0) lookup.get(here).add(x, 0, EAST);
				}
			} else {
				final int up = row - width;
				for (int x = 0; x < width; x++) {
					final int here = labels[row + x], above = labels[up + x];
					if (above != here) {
						if (here != 0) lookup.get(here).add(x, y, EAST);
						if (above != 0) lookup.get(above).add(x + 1, y, WEST);
					}
				}
			}
		}
		final int last = (height - 1) * width;
		for (int x = 0; height > 0 && x < width; x++) {
			final int above = labels[last + x];
			if (above != 0) lookup.get(above).add(x + 1, height, WEST);
		}
		return edges;
	}

	/**
	 * Edge lists by label: an array indexed by label value for values below 2^24 (no boxing on the hot
	 * path), a map above; the last label is cached since label images come in runs of equal values.
	 */
	private static final class Lookup {

		private static final int DENSE_LIMIT = 1 << 24;

		private final Map<Integer, EdgeList> edges;
		private EdgeList[] dense = new EdgeList[1024];
		private int lastLabel;
		private EdgeList last;

		Lookup(final Map<Integer, EdgeList> edges) {
			this.edges = edges;
		}

		EdgeList get(final int label) {
			if (last != null && label == lastLabel) return last;
			EdgeList list;
			if (label > 0 && label < DENSE_LIMIT) {
				if (label >= dense.length) dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT, Math.max(label + 1, dense.length * 2)));
				list = dense[label];
				if (list == null) {
					list = new EdgeList();
					dense[label] = list;
					edges.put(label, list);
				}
			} else {
				list = edges.computeIfAbsent(label, k -> new EdgeList());
			}
			last = list;
			lastLabel = label;
			return list;
		}
	}

	/** The directed edges of one label, packed as (y &lt;&lt; 33 | x &lt;&lt; 2 | direction) of their start vertex. */
	private static final class EdgeList {

		private long[] keys = new long[16];
		private int size;

		void add(final int x, final int y, final int dir) {
			if (size == keys.length) keys = Arrays.copyOf(keys, size * 2);
			keys[size++] = ((long) y << 33) | ((long) x << 2) | dir;
		}

		Geometry toGeometry(final GeometryFactory factory, final double ox, final double oy) {
			final long[] sorted = Arrays.copyOf(keys, size);
			Arrays.sort(sorted);
			final boolean[] used = new boolean[size];
			final List<Ring> shells = new ArrayList<>();
			final List<Ring> holes = new ArrayList<>();
			boolean touching = false;
			for (int i = 0; i < size; i++) {
				if (used[i]) continue;
				final Ring ring = walk(sorted, used, i);
				touching |= ring.touching;
				(ring.area > 0 ? shells : holes).add(ring);
			}
			final Geometry g = assemble(factory, shells, holes, ox, oy);
			return touching && !g.isValid() ? GeometryFixer.fix(g) : g;
		}

		/** Follows edges from {@code start} until the ring closes, keeping only the corners. */
		private static Ring walk(final long[] edges, final boolean[] used, final int start) {
			final Ring ring = new Ring();
			int cur = start;
			do {
				used[cur] = true;
				final int d = dir(edges[cur]);
				final long ex = x(edges[cur]) + DX[d], ey = y(edges[cur]) + DY[d];
				final int lo = find(edges, ex, ey);
				int next = lo;
				if (lo + 1 < edges.length && sameVertex(edges[lo], edges[lo + 1])) {
					// a corner where the label touches itself diagonally: turn right to keep pixels 4-connected
					ring.touching = true;
					next = dir(edges[lo + 1]) == ((d + 1) & 3) ? lo + 1 : lo;
				}
				if (dir(edges[next]) != d) ring.add(ex, ey);
				cur = next;
			} while (cur != start);
			ring.close();
			return ring;
		}

		private static int find(final long[] edges, final long x, final long y) {
			final long key = (y << 33) | (x << 2);
			int i = Arrays.binarySearch(edges, key);
			if (i < 0) i = -i - 1;
			if (i >= edges.length || (edges[i] & ~3L) != key)
				throw new IllegalStateException("Broken outline at " + x + "," + y);
			return i;
		}

		private static boolean sameVertex(final long a, final long b) {
			return (a & ~3L) == (b & ~3L);
		}
	}

	private static int dir(final long e) { return (int) (e & 3); }
	private static long x(final long e) { return (e >>> 2) & 0x7fffffffL; }
	private static long y(final long e) { return e >>> 33; }

	/** A closed ring of corner vertices with its signed area (positive for outer boundaries). */
	private static final class Ring {

		long[] xy = new long[16];
		int size;
		double area;
		boolean touching;

		void add(final long x, final long y) {
			if (2 * size + 2 > xy.length) xy = Arrays.copyOf(xy, xy.length * 2);
			xy[2 * size] = x;
			xy[2 * size + 1] = y;
			size++;
		}

		void close() {
			long twice = 0;
			for (int i = 0; i < size; i++) {
				final int j = (i + 1) % size;
				twice += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
			}
			area = twice / 2.0;
		}

		LinearRing toJts(final GeometryFactory f, final double ox, final double oy) {
			final Coordinate[] c = new Coordinate[size + 1];
			for (int i = 0; i < size; i++)
				c[i] = new Coordinate(xy[2 * i] + ox, xy[2 * i + 1] + oy);
			c[size] = new Coordinate(c[0]);
			return f.createLinearRing(c);
		}

		/** The centre of the pixel left of this ring's first edge: inside the hole this ring bounds. */
		Coordinate insidePoint(final double ox, final double oy) {
			final double x0 = xy[0], y0 = xy[1], x1 = xy[2], y1 = xy[3];
			final double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
			final double dx = Math.signum(x1 - x0), dy = Math.signum(y1 - y0);
			// left of the walking direction in y-down coordinates is (dy, -dx)
			return new Coordinate(mx + 0.5 * dy + ox, my - 0.5 * dx + oy);
		}
	}

	private static Geometry assemble(final GeometryFactory f, final List<Ring> shells, final List<Ring> holes,
		final double ox, final double oy)
	{
		final List<LinearRing> shellRings = new ArrayList<>(shells.size());
		final List<Polygon> plainShells = new ArrayList<>(shells.size());
		for (final Ring s : shells) {
			final LinearRing r = s.toJts(f, ox, oy);
			shellRings.add(r);
			plainShells.add(f.createPolygon(r));
		}
		final List<List<LinearRing>> holesOf = new ArrayList<>(shells.size());
		for (int i = 0; i < shells.size(); i++)
			holesOf.add(new ArrayList<>());
		for (final Ring h : holes) {
			final var p = f.createPoint(h.insidePoint(ox, oy));
			int best = -1;
			for (int i = 0; i < shells.size(); i++) {
				if ((best < 0 || shells.get(i).area < shells.get(best).area) && plainShells.get(i).contains(p))
					best = i;
			}
			if (best < 0) throw new IllegalStateException("Hole outside every outline");
			holesOf.get(best).add(h.toJts(f, ox, oy));
		}
		final Polygon[] polygons = new Polygon[shells.size()];
		for (int i = 0; i < polygons.length; i++)
			polygons[i] = f.createPolygon(shellRings.get(i), holesOf.get(i).toArray(new LinearRing[0]));
		return polygons.length == 1 ? polygons[0] : f.createMultiPolygon(polygons);
	}
}
