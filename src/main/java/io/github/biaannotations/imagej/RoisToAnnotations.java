package io.github.biaannotations.imagej;

import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.GeometryFactory;

import ij.ImagePlus;
import ij.gui.Arrow;
import ij.gui.EllipseRoi;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.RotatedRectRoi;
import ij.gui.ShapeRoi;
import ij.gui.TextRoi;
import ij.process.FloatPolygon;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.RoiException;

/**
 * ImageJ ROI &rarr; annotations, converting and writing nothing (writing is the export's): the one entry point
 * for this direction, dispatching on the ROI's kind. A point
 * ROI whose points lie on several planes or counters becomes one feature per plane and counter; every other ROI
 * becomes one annotation. Where the GeoJSON form is not exactly the ROI (curves flattened, text as its box,
 * invalid polygons replaced by their mask's outline), a warning names the ROI.
 */
public final class RoisToAnnotations {

	/** Largest bounding box (in pixels) whose mask is traced for a self-crossing outline: 16 M (80 MB). */
	static final long MAX_TRACED_PIXELS = 16L << 20;

	private static final double FILL_FLATNESS = 0.01;

	private final RoiGeometries geometries;
	private final ImagePlus image;
	private final Consumer<String> warnings;
	private int pointSets;

	/**
	 * @param image the image the ROIs belong to, to map stack positions to planes; may be null
	 * @param warnings receives one line per ROI that is not exported exactly
	 */
	public RoisToAnnotations(final ImagePlus image, final Consumer<String> warnings) {
		ImageJQuirks.apply();
		this.geometries = new RoiGeometries(new GeometryFactory());
		this.image = image;
		this.warnings = warnings;
	}

	/** A short description of a ROI for messages: its index (1-based) and name. */
	public static String describe(final Roi roi, final int index) {
		return describe(roi.getName(), index);
	}

	/** A short description of a ROI for messages from its name (may be null) and index (1-based). */
	public static String describe(final String name, final int index) {
		return "ROI " + index + (name == null || name.isEmpty() ? "" : " '" + name + "'");
	}

	/**
	 * Converts one ROI.
	 *
	 * @param index 1-based index of the ROI in its source, for messages
	 * @throws IllegalArgumentException naming the ROI when its coordinates are not finite
	 */
	public List<Annotation> toAnnotations(final Roi roi, final int index) {
		final RoiKind kind = RoiKind.of(roi);
		final String who = describe(roi, index);
		checkFinite(roi, who);
		if (kind == RoiKind.POINT) return points((PointRoi) roi, who);
		final Annotation.Builder b = Annotation.builder(geometry(roi, kind, who));
		b.metadata(ImageJKeys.TYPE, kind.key());
		RoiStyle.export(roi, b);
		final String position = RoiPlanes.positionKey(roi);
		b.plane(RoiPlanes.toPlane(position, image)).metadata(ImageJKeys.POSITION, allPlanes(position));
		if (kind == RoiKind.OVAL) b.ellipse(true);
		extras(roi, kind, b);
		return List.of(b.build());
	}

	private Geometry geometry(final Roi roi, final RoiKind kind, final String who) {
		final GeometryFactory f = geometries.factory();
		switch (kind) {
			case LINE:
			case ARROW: {
				final Line l = (Line) roi;
				return f.createLineString(new Coordinate[] {
					new Coordinate(l.x1d + RoiGeometries.CENTRE, l.y1d + RoiGeometries.CENTRE),
					new Coordinate(l.x2d + RoiGeometries.CENTRE, l.y2d + RoiGeometries.CENTRE) });
			}
			case POLYLINE:
			case FREELINE:
			case ANGLE:
				return f.createLineString(geometries.lineCoordinates(roi.getFloatPolygon()));
			case OVAL:
				return oval((OvalRoi) roi, who);
			case COMPOSITE: {
				final Geometry g = geometries.composite((ShapeRoi) roi, FILL_FLATNESS);
				if (g.isEmpty()) throw new RoiException(who + ": composite ROI encloses no area", null, who);
				return g;
			}
			case RECTANGLE:
				if (roi.getCornerDiameter() > 0) {
					if (!traceable(roi.getBounds(), roi.getFloatPolygon().npoints)) {
						// too large to trace through a mask (found by RoiFilesFuzzTest): ImageJ's own outline
						warnings.accept(who + ": rounded rectangle exported as ImageJ's outline of it " +
							"(corner diameter kept in metadata)");
						return areaPolygon(roi, who);
					}
					warnings.accept(who + ": rounded rectangle exported as the outline of its pixels " +
						"(corner diameter kept in metadata)");
					return geometries.maskOutline(roi);
				}
				return areaPolygon(roi, who);
			case TEXT:
				warnings.accept(who + ": text ROI exported as its bounding box (text and font kept in metadata)");
				return areaPolygon(roi, who);
			case IMAGE:
				warnings.accept(who + ": image ROI exported as its bounding box (its pixels are not exported)");
				return areaPolygon(roi, who);
			default:
				return areaPolygon(roi, who);
		}
	}

	/**
	 * An oval as the outline of its pixels (ImageJ's own polygon of it), or, when its mask would be too large to
	 * hold (ImageJ builds one to trace it; found by RoiFilesFuzzTest), ImageJ's smooth approximation of the ellipse.
	 */
	private Geometry oval(final OvalRoi roi, final String who) {
		final java.awt.Rectangle b = roi.getBounds();
		if (!traceable(b)) {
			warnings.accept(who + ": oval spans " + b.width + " x " + b.height + " pixels, too many to trace; " +
				"exported as ImageJ's smooth outline of the ellipse");
			return geometries.polygon(roi.getFloatPolygon());
		}
		final java.awt.Polygon p = roi.getPolygon();
		return geometries.polygon(new FloatPolygon(toFloat(p.xpoints), toFloat(p.ypoints), p.npoints));
	}

	/**
	 * Whether a ROI's mask can be traced: its box holds at most {@link #MAX_TRACED_PIXELS} pixels. A box whose
	 * size overflowed to a negative number (found by RoiFilesFuzzTest) cannot.
	 */
	private static boolean traceable(final java.awt.Rectangle b) {
		// both sides at least 1: a box 0 rows high and 200 million columns wide holds no pixel, but tracing it
		// would still allocate rows of its width (found by RoiFilesFuzzTest)
		return b.width > 0 && b.height > 0 && (long) b.width * b.height <= MAX_TRACED_PIXELS;
	}

	/**
	 * Whether an outline of {@code vertices} vertices can be traced: its box is {@link #traceable(java.awt.Rectangle)}
	 * and ImageJ's filling of it stays cheap. The filler visits every edge on every row of the box, so a box one
	 * pixel wide and millions of rows tall with a thousand vertices took minutes (found by RoiFilesFuzzTest).
	 */
	private static boolean traceable(final java.awt.Rectangle b, final int vertices) {
		return traceable(b) && (long) b.height * Math.max(1, vertices) <= MAX_FILL_STEPS;
	}

	/**
	 * Whether ImageJ's mask of a ROI ({@link Roi#getMask()}) is cheap to make, by the same bounds as tracing:
	 * at most {@link #MAX_TRACED_PIXELS} pixels in its box and {@link #MAX_FILL_STEPS} for the filler.
	 */
	public static boolean maskIsAffordable(final Roi roi) {
		return traceable(roi.getBounds(), roi.getFloatPolygon().npoints);
	}

	/** Rows times edges ImageJ's polygon filler may visit for one ROI: well under a second of work. */
	static final long MAX_FILL_STEPS = 1L << 26;

	private Geometry areaPolygon(final Roi roi, final String who) {
		final FloatPolygon fp = roi.getFloatPolygon();
		if (fp.npoints < 3) throw new RoiException(who + ": area ROI with fewer than 3 vertices", null, who);
		final Geometry g = geometries.polygon(fp);
		if (g.isValid()) return g;
		final java.awt.Rectangle b = roi.getBounds();
		Geometry traced = null;
		if (traceable(b, fp.npoints)) {
			try {
				traced = geometries.maskOutline(roi);
			}
			catch (final RuntimeException e) {
				// ImageJ's mask of an outline with far-flung vertices overflows (found by RoiFilesFuzzTest)
				traced = null;
			}
		}
		if (traced == null) {
			// Tracing needs the mask in memory (a byte a pixel, plus the traced edges): a self-crossing outline
			// over a whole slide would end the program with an OutOfMemoryError (found by RoiFilesFuzzTest)
			final Geometry fixed = GeometryFixer.fix(g);
			if (fixed.isEmpty()) throw new RoiException(who + ": outline crosses itself and encloses nothing", null, who);
			warnings.accept(who + ": outline crosses itself and spans " + b.width + " x " + b.height +
				" pixels, too many to trace; exported as JTS's repair of the outline");
			return fixed;
		}
		warnings.accept(who + ": outline crosses itself; exported as the outline of its pixels");
		if (traced.isEmpty()) throw new RoiException(who + ": ROI covers no pixel", null, who);
		return traced;
	}

	private static float[] toFloat(final int[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++)
			f[i] = v[i];
		return f;
	}

	private static void extras(final Roi roi, final RoiKind kind, final Annotation.Builder b) {
		if (roi.getCornerDiameter() > 0) b.metadata(ImageJKeys.CORNER_DIAMETER, Integer.toString(roi.getCornerDiameter()));
		if (roi instanceof EllipseRoi) b.metadata(ImageJKeys.PARAMS, join(((EllipseRoi) roi).getParams()));
		// An oval's pixel outline can be smaller than its bounds (2 pixels wide: the end rows hold no pixel),
		// so import could not rebuild it from the outline; found by MillionRoisRoundTripBenchmark.
		if (kind == RoiKind.OVAL) {
			final java.awt.geom.Rectangle2D r = roi.getFloatBounds();
			b.metadata(ImageJKeys.PARAMS, join(new double[] { r.getX(), r.getY(), r.getWidth(), r.getHeight() }));
		}
		if (roi instanceof RotatedRectRoi) b.metadata(ImageJKeys.PARAMS, join(((RotatedRectRoi) roi).getParams()));
		if (roi instanceof PolygonRoi && ((PolygonRoi) roi).isSplineFit()) b.metadata(ImageJKeys.SPLINE_FIT, "true");
		if (roi instanceof Arrow) {
			final Arrow a = (Arrow) roi;
			b.metadata(ImageJKeys.ARROW_STYLE, Integer.toString(a.getStyle()));
			b.metadata(ImageJKeys.ARROW_HEAD_SIZE, Double.toString(a.getHeadSize()));
			if (a.getDoubleHeaded()) b.metadata(ImageJKeys.ARROW_DOUBLE_HEADED, "true");
			if (a.getOutline()) b.metadata(ImageJKeys.ARROW_OUTLINE, "true");
		}
		if (kind == RoiKind.TEXT) {
			final TextRoi t = (TextRoi) roi;
			b.metadata(ImageJKeys.TEXT, t.getText().replaceAll("\n$", ""));
			final Font font = t.getCurrentFont();
			b.metadata(ImageJKeys.FONT, font.getName() + "," + font.getStyle() + "," + font.getSize2D());
			if (t.getAngle() != 0) b.metadata(ImageJKeys.TEXT_ANGLE, Double.toString(t.getAngle()));
			b.metadata(ImageJKeys.JUSTIFICATION, Integer.toString(t.getJustification()));
		}
	}

	static String join(final double[] v) {
		final StringBuilder sb = new StringBuilder();
		for (final double d : v)
			sb.append(sb.length() == 0 ? "" : ",").append(d);
		return sb.toString();
	}

	/** One feature per (position, counter) of a point ROI, in order of first appearance. */
	private List<Annotation> points(final PointRoi roi, final String who) {
		final FloatPolygon fp = roi.getFloatPolygon();
		if (fp.npoints == 0) throw new RoiException(who + ": point ROI without points", null, who);
		final String roiPosition = roi.hasHyperStackPosition() ? RoiPlanes.positionKey(roi) : null;
		final int[] counters = roi.getCounters();
		final Map<String, List<Coordinate>> parts = new LinkedHashMap<>();
		final Map<String, StringBuilder> indices = new LinkedHashMap<>();
		// joining the parts again keeps the original order exactly when each part is one run of points
		int runs = 0;
		String previous = null;
		for (int i = 0; i < fp.npoints; i++) {
			// a damaged file may hold fewer counters than points (found by RoiFilesFuzzTest)
			final int counter = counters == null || i >= counters.length ? 0 : counters[i] & 0xff;
			final int slice = roiPosition != null ? 0 : roi.getPointPosition(i);
			final String position = roiPosition != null ? roiPosition : slice > 0 ? Integer.toString(slice) : "";
			final String key = counter + "|" + position;
			if (!key.equals(previous)) runs++;
			previous = key;
			parts.computeIfAbsent(key, k -> new ArrayList<>())
				.add(new Coordinate(fp.xpoints[i] + RoiGeometries.CENTRE, fp.ypoints[i] + RoiGeometries.CENTRE));
			final StringBuilder sb = indices.computeIfAbsent(key, k -> new StringBuilder());
			sb.append(sb.length() == 0 ? "" : ",").append(i);
		}
		final boolean reordered = runs != parts.size();
		final String set = parts.size() > 1 ? Integer.toString(++pointSets) : null;
		final boolean usesCounters = parts.keySet().stream().anyMatch(k -> !k.startsWith("0|"));
		final List<Annotation> result = new ArrayList<>(parts.size());
		final GeometryFactory f = geometries.factory();
		for (final Map.Entry<String, List<Coordinate>> e : parts.entrySet()) {
			final String[] key = e.getKey().split("\\|", -1);
			final List<Coordinate> c = e.getValue();
			final Geometry g = c.size() == 1 ? f.createPoint(c.get(0)) : f.createMultiPointFromCoords(c.toArray(new Coordinate[0]));
			final Annotation.Builder b = Annotation.builder(g).metadata(ImageJKeys.TYPE, RoiKind.POINT.key());
			RoiStyle.export(roi, b);
			final String position = key[1].isEmpty() ? null : key[1];
			b.plane(RoiPlanes.toPlane(position, image)).metadata(ImageJKeys.POSITION, allPlanes(position));
			b.metadata(ImageJKeys.POINT_SET, set);
			if (reordered) b.metadata(ImageJKeys.POINT_INDICES, indices.get(e.getKey()).toString());
			if (usesCounters) {
				final int counter = Integer.parseInt(key[0]);
				b.metadata(ImageJKeys.COUNTER, key[0]);
				b.classification(counterName(roi, counter), QuPathMembers.counterColor(counter));
			}
			// one QuPath object per id: the parts after the first are new objects
			if (!result.isEmpty()) b.id(null);
			result.add(b.build());
		}
		return result;
	}

	/**
	 * The position key to record: a ROI without a position in a stack lies on every plane, which GeoJSON's plane
	 * cannot say (QuPath puts it on the first), so "0" records it; in a 2D image no position is the image itself.
	 */
	private String allPlanes(final String position) {
		return position == null && image != null && image.getStackSize() > 1 ? "0" : position;
	}

	/** The counter's name from the ROI property {@code counter.N} if set, else "Counter N". */
	private static String counterName(final PointRoi roi, final int counter) {
		final String named = roi.getProperty("counter." + counter);
		return named != null && !named.isEmpty() ? named : "Counter " + counter;
	}

	private static void checkFinite(final Roi roi, final String who) {
		final FloatPolygon fp = roi instanceof Line ? null : roi.getFloatPolygon();
		if (roi instanceof Line) {
			final Line l = (Line) roi;
			if (!finite(l.x1d, l.y1d, l.x2d, l.y2d)) throw new RoiException(who + ": coordinates are NaN or infinite", null, who);
			return;
		}
		for (int i = 0; i < fp.npoints; i++)
			if (!Float.isFinite(fp.xpoints[i]) || !Float.isFinite(fp.ypoints[i]))
				throw new RoiException(who + ": vertex " + (i + 1) + " is NaN or infinite", null, who);
	}

	private static boolean finite(final double... v) {
		for (final double d : v)
			if (!Double.isFinite(d)) return false;
		return true;
	}
}
