package io.github.biaannotations.imagej;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.process.FloatPolygon;
import ij.process.ImageProcessor;

import io.github.biaannotations.labels.LabelTracer;

/**
 * Geometry of ImageJ ROIs in GeoJSON's pixel coordinates (the coordinate rule of design.md, written once):
 * area ROIs 1:1 on pixel corners, line and point ROIs shifted by +0.5 to pixel centres.
 */
final class RoiGeometries {

	/** Shift from ImageJ's line and point coordinates to GeoJSON's. */
	static final double CENTRE = 0.5;

	private final GeometryFactory factory;
	private final LabelTracer tracer;

	RoiGeometries(final GeometryFactory factory) {
		this.factory = factory;
		this.tracer = new LabelTracer(factory);
	}

	GeometryFactory factory() {
		return factory;
	}

	/** A closed polygon through the vertices of an area ROI; may be invalid (self-intersecting). */
	Polygon polygon(final FloatPolygon p) {
		final Coordinate[] c = new Coordinate[p.npoints + 1];
		for (int i = 0; i < p.npoints; i++)
			c[i] = new Coordinate(p.xpoints[i], p.ypoints[i]);
		c[p.npoints] = new Coordinate(c[0]);
		return factory.createPolygon(c);
	}

	/** Line vertices at pixel centres. */
	Coordinate[] lineCoordinates(final FloatPolygon p) {
		final Coordinate[] c = new Coordinate[p.npoints];
		for (int i = 0; i < p.npoints; i++)
			c[i] = new Coordinate(p.xpoints[i] + CENTRE, p.ypoints[i] + CENTRE);
		return c;
	}

	/**
	 * The outline of exactly the pixels of the ROI's mask, on pixel edges: always a valid geometry, with the
	 * same mask when filled again. Used where the ROI's own outline is not a valid polygon.
	 */
	Geometry maskOutline(final Roi roi) {
		final Rectangle r = roi.getBounds();
		final ImageProcessor mask = roi.getMask();
		final int w = r.width, h = r.height;
		if (mask != null && edgesOver(mask, w, h, MAX_MASK_EDGES))
			throw new IllegalArgumentException("the mask has more than " + MAX_MASK_EDGES + " pixel edges to trace");
		// read row by row: no int copy of the whole mask
		final Map<Integer, Geometry> traced = tracer.trace((y, row) -> {
			if (mask == null) java.util.Arrays.fill(row, 1);
			else for (int x = 0, i = y * w; x < w; x++, i++)
				row[x] = mask.get(i) != 0 ? 1 : 0;
		}, w, h, r.x, r.y);
		final Geometry g = traced.get(1);
		return g != null ? g : factory.createPolygon();
	}

	/**
	 * Pixel edges a traced mask may have: each costs the tracer some 60 bytes at its peak, so this bounds it to about
	 * 120 MB. A mask within the pixel limit can still have an edge at almost every pixel (a ROI file found by
	 * RoiFilesFuzzTest made one that ran a 460 MB heap out of memory in the tracer).
	 */
	static final long MAX_MASK_EDGES = 1L << 21;

	/** Whether the mask has more than {@code limit} edges between a pixel in it and one outside (borders count). */
	static boolean edgesOver(final ImageProcessor mask, final int w, final int h, final long limit) {
		long edges = 0;
		for (int y = 0; y < h; y++) {
			boolean left = false;
			for (int x = 0, i = y * w; x < w; x++, i++) {
				final boolean in = mask.get(i) != 0;
				if (in != left) edges++;
				if (in != (y > 0 && mask.get(i - w) != 0)) edges++;
				left = in;
			}
			if (left) edges++;
			if (edges > limit) return true;
		}
		for (int x = 0, i = (h - 1) * w; h > 0 && x < w; x++, i++)
			if (mask.get(i) != 0) edges++;
		return edges > limit;
	}

	/**
	 * The region of a composite ROI with even-odd filling, as ImageJ's mask has it, made of the shape's
	 * flattened outlines: each ring toggles what it encloses.
	 */
	Geometry composite(final ShapeRoi roi, final double flatness) {
		final Shape shape = roi.getShape();
		final double ox = roi.getXBase(), oy = roi.getYBase();
		final PathIterator it = shape.getPathIterator(null, flatness);
		final List<Polygon> rings = new ArrayList<>();
		final List<Coordinate> ring = new ArrayList<>();
		final double[] s = new double[6];
		while (!it.isDone()) {
			final int seg = it.currentSegment(s);
			if (seg == PathIterator.SEG_MOVETO) {
				addRing(rings, ring);
				ring.add(new Coordinate(s[0] + ox, s[1] + oy));
			} else if (seg == PathIterator.SEG_LINETO) {
				ring.add(new Coordinate(s[0] + ox, s[1] + oy));
			} else if (seg == PathIterator.SEG_CLOSE) {
				addRing(rings, ring);
			}
			it.next();
		}
		addRing(rings, ring);
		Geometry result = factory.createPolygon();
		for (final Polygon p : rings)
			result = result.symDifference(p.isValid() ? p : p.buffer(0));
		return result;
	}

	private void addRing(final List<Polygon> rings, final List<Coordinate> ring) {
		if (ring.size() >= 3) {
			final List<Coordinate> c = new ArrayList<>(ring);
			if (!c.get(0).equals2D(c.get(c.size() - 1))) c.add(new Coordinate(c.get(0)));
			if (c.size() >= 4) {
				final LinearRing lr = factory.createLinearRing(c.toArray(new Coordinate[0]));
				rings.add(factory.createPolygon(lr));
			}
		}
		ring.clear();
	}
}
