package io.github.biaannotations.labels;

import static io.github.biaannotations.labels.EdgeList.DX;
import static io.github.biaannotations.labels.EdgeList.DY;
import static io.github.biaannotations.labels.EdgeList.dir;
import static io.github.biaannotations.labels.EdgeList.x;
import static io.github.biaannotations.labels.EdgeList.y;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * Joins a label's edges into rings. Edges are found by their start vertex in a table (reused from label to
 * label), so each step of a walk is a lookup, not a search. The table is indexed by position in the label's
 * box when that box is small next to the outline, else it is an open-addressing hash table: memory stays in
 * proportion to the outline whatever the label's extent. A vertex starts at most two edges of one label:
 * that is where the label touches itself at a corner.
 */
final class OutlineWalker {

	/** Boxes of up to this many vertices, or up to 8 per edge, are indexed directly. */
	private static final int SMALL_BOX = 1 << 16;

	private long[] vertices = new long[0];
	private int[] first = new int[0], second = new int[0];
	private int[] next = new int[0];
	/** Whether each edge ends where its label touches itself at a corner (a vertex a ring may pass twice). */
	private boolean[] pinched = new boolean[0];
	/** The slot each edge's start vertex took, so that exactly those slots are emptied afterwards. */
	private int[] slotOf = new int[0];
	private boolean[] used = new boolean[0];
	private boolean boxed;
	private int minX, minY, stride, mask;

	Geometry geometry(final EdgeList e, final GeometryFactory factory, final double ox, final double oy) {
		index(e);
		final boolean touching = link(e);
		clear(e);
		final List<Ring> shells = new ArrayList<>();
		final List<Ring> holes = new ArrayList<>();
		for (int i = 0; i < e.size; i++) {
			if (used[i]) continue;
			final Ring ring = walk(e.keys, i);
			if (touching) ring.split(shells, holes);
			else (ring.area > 0 ? shells : holes).add(ring);
		}
		Arrays.fill(used, 0, e.size, false);
		return assemble(factory, shells, holes, ox, oy);
	}

	/** Fills the table with the edges of {@code e}: the first and second edge (+1) starting at each vertex. */
	private void index(final EdgeList e) {
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
		for (int i = 0; i < e.size; i++) {
			final int x = x(e.keys[i]), y = y(e.keys[i]);
			x0 = Math.min(x0, x);
			x1 = Math.max(x1, x);
			y0 = Math.min(y0, y);
			y1 = Math.max(y1, y);
		}
		// every edge ends where another starts: the box of the start vertices holds all vertices
		final long cells = (x1 - (long) x0 + 1) * (y1 - (long) y0 + 1);
		boxed = cells <= Math.max(SMALL_BOX, 8L * e.size);
		final int capacity = boxed ? (int) cells : Integer.highestOneBit(Math.max(4, e.size * 2 - 1)) << 1;
		if (first.length < capacity) {
			first = new int[capacity];
			second = new int[capacity];
		}
		if (!boxed && vertices.length < capacity) vertices = new long[capacity];
		if (used.length < e.size) {
			used = new boolean[Math.max(e.size, 2 * used.length)];
			slotOf = new int[used.length];
		}
		minX = x0;
		minY = y0;
		stride = x1 - x0 + 1;
		mask = capacity - 1;
		for (int i = 0; i < e.size; i++) {
			final int s = slot(x(e.keys[i]), y(e.keys[i]));
			slotOf[i] = s;
			if (first[s] == 0) {
				if (!boxed) vertices[s] = e.keys[i] >>> 2;
				first[s] = i + 1;
			} else second[s] = i + 1;
		}
	}

	/**
	 * Empties the slots {@code e} took, so that the table is clear for the next label. They are the slots
	 * recorded when filling it: probing for them again would stop early at a slot already emptied and leave
	 * the rest of a probe chain behind (found by a test of many sparse labels in a row).
	 */
	private void clear(final EdgeList e) {
		for (int i = 0; i < e.size; i++) {
			first[slotOf[i]] = 0;
			second[slotOf[i]] = 0;
		}
	}

	/** The slot of vertex (x, y): its place in the box, or its place (or the empty slot for it) in the hash table. */
	private int slot(final int x, final int y) {
		if (boxed) return (y - minY) * stride + x - minX;
		final long vertex = ((long) y << 31) | x;
		int s = (int) ((vertex * 0x9E3779B97F4A7C15L) >>> 40) & mask;
		while (first[s] != 0 && vertices[s] != vertex)
			s = (s + 1) & mask;
		return s;
	}

	/**
	 * Finds the edge that follows each edge, every edge on its own (the lookups do not wait on one another
	 * as a walk's steps do). Returns whether the label touches itself at a corner anywhere.
	 */
	private boolean link(final EdgeList e) {
		if (next.length < e.size) {
			next = new int[Math.max(e.size, 2 * next.length)];
			pinched = new boolean[next.length];
		}
		final long[] edges = e.keys;
		boolean touching = false;
		for (int i = 0; i < e.size; i++) {
			final long edge = edges[i];
			final int d = dir(edge);
			final int ex = x(edge) + DX[d], ey = y(edge) + DY[d];
			final int s = slot(ex, ey);
			int n = first[s] - 1;
			if (n < 0) throw new IllegalStateException("Broken outline at " + ex + "," + ey);
			final int other = second[s] - 1;
			pinched[i] = other >= 0;
			if (other >= 0) {
				// a corner where the label touches itself diagonally: turn right to keep pixels 4-connected
				touching = true;
				if (dir(edges[other]) == ((d + 1) & 3)) n = other;
			}
			next[i] = n;
		}
		return touching;
	}

	/** Follows edges from {@code start} until the ring closes, keeping only the corners. */
	private Ring walk(final long[] edges, final int start) {
		final Ring ring = new Ring();
		int cur = start;
		int steps = 0;
		do {
			// a ring never has more edges than its label: more would mean a broken outline, never a hang
			if (++steps > edges.length) throw new IllegalStateException("Broken outline at edge " + start);
			used[cur] = true;
			final long edge = edges[cur];
			final int n = next[cur];
			final int d = dir(edge);
			if (dir(edges[n]) != d) ring.add(x(edge) + DX[d], y(edge) + DY[d], pinched[cur]);
			cur = n;
		} while (cur != start);
		ring.close();
		return ring;
	}

	/**
	 * A closed ring of corner vertices with its signed area (positive for outer boundaries). It may pass twice
	 * through a vertex where its label touches itself at a corner: {@link #split} then makes simple rings of it.
	 */
	private static final class Ring {

		int[] xy = new int[16];
		int size;
		double area;
		/** How many corners are at a pinch vertex: a ring with fewer than two passes none twice. */
		private int pinches;
		private boolean[] pinch;

		void add(final int x, final int y) {
			if (2 * size + 2 > xy.length) xy = Arrays.copyOf(xy, xy.length * 2);
			xy[2 * size] = x;
			xy[2 * size + 1] = y;
			size++;
		}

		void add(final int x, final int y, final boolean atPinch) {
			if (atPinch) {
				if (pinch == null) pinch = new boolean[Math.max(16, size + 1)];
				else if (pinch.length <= size) pinch = Arrays.copyOf(pinch, Math.max(size + 1, 2 * pinch.length));
				pinch[size] = true;
				pinches++;
			}
			add(x, y);
		}

		private boolean atPinch(final int corner) {
			return corner < pinch.length && pinch[corner];
		}

		private long vertex(final int corner) {
			return ((long) xy[2 * corner] << 32) | (xy[2 * corner + 1] & 0xffffffffL);
		}

		/**
		 * Adds this ring to {@code shells} or {@code holes} by the sign of its area, first cut into simple rings
		 * at every vertex it passes twice. Such a vertex is where the outline of one 4-connected part meets
		 * itself at a corner: the part's outer boundary there encloses a hole that touches it at that point, or
		 * two holes touch. Cut apart, they are a shell and holes touching it at single points, which JTS (and
		 * OGC) accept as a valid polygon, with the same covered pixels.
		 */
		void split(final List<Ring> shells, final List<Ring> holes) {
			if (pinches < 2) {
				(area > 0 ? shells : holes).add(this);
				return;
			}
			// a stack of corners: when a pinch vertex comes round again, the corners since its first pass close a ring
			final int[] stack = new int[size];
			int top = 0;
			final Map<Long, Integer> onStack = new java.util.HashMap<>();
			for (int i = 0; i < size; i++) {
				if (atPinch(i)) {
					final Integer first = onStack.putIfAbsent(vertex(i), top);
					if (first != null) {
						final Ring loop = new Ring();
						for (int k = first; k < top; k++) {
							final int c = stack[k];
							loop.add(xy[2 * c], xy[2 * c + 1]);
							if (k > first && atPinch(c)) onStack.remove(vertex(c));
						}
						loop.close();
						(loop.area > 0 ? shells : holes).add(loop);
						top = first + 1; // the vertex stays, as the corner the rest of the ring turns at
						continue;
					}
				}
				stack[top++] = i;
			}
			final Ring rest = new Ring();
			for (int k = 0; k < top; k++)
				rest.add(xy[2 * stack[k]], xy[2 * stack[k] + 1]);
			rest.close();
			(rest.area > 0 ? shells : holes).add(rest);
		}

		void close() {
			long twice = 0;
			for (int i = 0; i < size; i++) {
				final int j = i + 1 == size ? 0 : i + 1;
				twice += (long) xy[2 * i] * xy[2 * j + 1] - (long) xy[2 * j] * xy[2 * i + 1];
			}
			area = twice / 2.0;
		}

		LinearRing toJts(final GeometryFactory f, final double ox, final double oy) {
			final double[] c = new double[2 * size + 2];
			for (int i = 0; i < 2 * size; i += 2) {
				c[i] = xy[i] + ox;
				c[i + 1] = xy[i + 1] + oy;
			}
			c[2 * size] = c[0];
			c[2 * size + 1] = c[1];
			return f.createLinearRing(new PackedCoordinateSequence.Double(c, 2, 0));
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
		if (holes.isEmpty() && shells.size() == 1) return f.createPolygon(shells.get(0).toJts(f, ox, oy));
		final List<LinearRing> shellRings = new ArrayList<>(shells.size());
		for (final Ring s : shells)
			shellRings.add(s.toJts(f, ox, oy));
		final List<List<LinearRing>> holesOf = new ArrayList<>(shells.size());
		for (int i = 0; i < shells.size(); i++)
			holesOf.add(new ArrayList<>());
		for (final Ring h : holes) {
			// the hole belongs to the smallest outline around a pixel inside it; with one outline, to that one
			int best = shells.size() == 1 ? 0 : -1;
			if (best < 0) {
				final Coordinate inside = h.insidePoint(ox, oy);
				for (int i = 0; i < shells.size(); i++) {
					if ((best < 0 || shells.get(i).area < shells.get(best).area) && encloses(shellRings.get(i), inside))
						best = i;
				}
			}
			if (best < 0) throw new IllegalStateException("Hole outside every outline");
			holesOf.get(best).add(h.toJts(f, ox, oy));
		}
		final Polygon[] polygons = new Polygon[shells.size()];
		for (int i = 0; i < polygons.length; i++)
			polygons[i] = f.createPolygon(shellRings.get(i), holesOf.get(i).toArray(new LinearRing[0]));
		return polygons.length == 1 ? polygons[0] : f.createMultiPolygon(polygons);
	}

	/**
	 * Whether {@code p} (a pixel centre, so never on an outline) lies inside {@code ring}: a ray-crossing count
	 * after a box test, where {@code Polygon.contains} would build a topology graph for every hole.
	 */
	private static boolean encloses(final LinearRing ring, final Coordinate p) {
		return ring.getEnvelopeInternal().contains(p) && RayCrossingCounter.locatePointInRing(p, ring
			.getCoordinateSequence()) == Location.INTERIOR;
	}
}
