package io.github.biaannotations.imagej;

import java.awt.Font;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

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
import io.github.biaannotations.model.Plane;

/**
 * Annotations &rarr; ImageJ ROIs: the one entry point for this direction. Uses our {@code imagej.*} metadata
 * where present (so our own exports come back as the same ROI types) and otherwise the geometry: axis-aligned
 * rectangles become rectangle ROIs, other polygons polygon ROIs (with holes or several parts, composite ROIs),
 * QuPath's ellipses oval ROIs, lines line ROIs, points point ROIs. Features that one point ROI was split into are
 * joined again. Each classification of a file gets an ImageJ group and the ROIs its colour; what else QuPath
 * gives an object is kept in ROI properties ({@link QuPathMembers}). Planes become positions as
 * {@link RoiPlanes.Layout} says.
 */
public final class AnnotationsToRois {

	private final ImagePlus image;
	private final Consumer<String> warnings;
	private RoiPlanes.Layout layout;
	private ClassGroups groups;
	/** Features of the current file on a plane the image does not have. */
	private int outside;

	/** @param image the target image, to map planes to stack positions; may be null */
	public AnnotationsToRois(final ImagePlus image) {
		this(image, w -> {});
	}

	/**
	 * @param image the target image, to map planes to stack positions; may be null
	 * @param warnings receives what cannot be kept, once per {@link #toRois} call
	 */
	public AnnotationsToRois(final ImagePlus image, final Consumer<String> warnings) {
		ImageJQuirks.apply();
		this.image = image;
		this.warnings = warnings;
		this.layout = RoiPlanes.Layout.of(image, List.of());
		this.groups = new ClassGroups(List.of());
	}

	/**
	 * Converts annotations in order; split point sets are joined where their first part stood.
	 *
	 * @throws IllegalArgumentException naming the annotation (1-based index and name) that cannot be converted
	 */
	public List<Roi> toRois(final List<Annotation> annotations) {
		layout = RoiPlanes.Layout.of(image, annotations);
		groups = new ClassGroups(annotations);
		outside = 0;
		final List<Roi> rois = new ArrayList<>(annotations.size());
		final Map<String, List<Annotation>> pointSets = new LinkedHashMap<>();
		final Map<String, Integer> pointSetSlot = new LinkedHashMap<>();
		for (int i = 0; i < annotations.size(); i++) {
			final Annotation a = annotations.get(i);
			final String set = a.metadata().get(ImageJKeys.POINT_SET);
			if (set != null && a.kind() == Annotation.Kind.POINTS) {
				if (!pointSets.containsKey(set)) {
					pointSetSlot.put(set, rois.size());
					rois.add(null);
				}
				pointSets.computeIfAbsent(set, k -> new ArrayList<>()).add(a);
				continue;
			}
			rois.add(toRoi(a, i + 1));
		}
		for (final Map.Entry<String, List<Annotation>> e : pointSets.entrySet())
			rois.set(pointSetSlot.get(e.getKey()), points(e.getValue(), pointSetSlot.get(e.getKey()) + 1));
		if (outside > 0) warnings.accept(outside + " features lie on planes beyond the image's " + image.getNChannels() +
			" channels, " + image.getNSlices() + " slices, " + image.getNFrames() + " frames: their ROIs keep the " +
			"positions the file gives");
		if (groups.ungrouped() > 0) warnings.accept(groups.ungrouped() + " ROIs have a classification beyond ImageJ's " +
			ClassGroups.MAX_GROUPS + " groups: they get no group (the classification is kept in ROI property " +
			QuPathMembers.CLASSIFICATION + ")");
		return rois;
	}

	private static int[] indices(final Annotation part, final int count, final int total, final int index) {
		final String[] p = part.metadata().get(ImageJKeys.POINT_INDICES).split(",");
		if (p.length != count)
			throw new IllegalArgumentException(describe(part, index) + ": " + ImageJKeys.POINT_INDICES + " lists " + p.length + " indices for " + count + " points");
		final int[] v = new int[count];
		for (int i = 0; i < count; i++) {
			v[i] = (int) RoiStyle.number(p[i], ImageJKeys.POINT_INDICES);
			if (v[i] < 0 || v[i] >= total)
				throw new IllegalArgumentException(describe(part, index) + ": point index " + v[i] + " outside 0-" + (total - 1));
		}
		return v;
	}

	/** Converts one annotation; {@code index} (1-based) only names it in messages. */
	public Roi toRoi(final Annotation a, final int index) {
		try {
			if (a.kind() == Annotation.Kind.POINTS) return points(List.of(a), index);
			final Roi roi = shape(a);
			RoiStyle.apply(a, roi, groups.groupOf(a));
			RoiPlanes.apply(roi, position(a));
			return roi;
		} catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(describe(a, index) + ": " + e.getMessage(), e);
		}
	}

	private static String describe(final Annotation a, final int index) {
		return "feature " + index + a.name().map(n -> " '" + n + "'").orElse("");
	}

	private String position(final Annotation a) {
		final String p = a.metadata().get(ImageJKeys.POSITION);
		if (p != null) return p;
		final Plane plane = a.plane().orElse(null);
		if (image != null && plane != null && (plane.c() >= image.getNChannels() || plane.z() >= image.getNSlices() ||
			plane.t() >= image.getNFrames())) outside++;
		return layout.positionKey(plane);
	}

	private Roi shape(final Annotation a) {
		final Geometry g = a.geometry();
		if (g.isEmpty()) throw new IllegalArgumentException("empty geometry");
		final String typeKey = a.metadata().get(ImageJKeys.TYPE);
		RoiKind kind = RoiKind.fromKey(typeKey);
		if (kind == null || kind.isArea() != (a.kind() == Annotation.Kind.AREA))
			kind = a.kind() == Annotation.Kind.LINE ? RoiKind.POLYLINE : a.isEllipse() ? RoiKind.OVAL
				// QuPath writes its rectangles as axis-aligned polygons of 4 corners
				: isAxisAlignedBox(g) && g.getNumPoints() == 5 ? RoiKind.RECTANGLE : RoiKind.POLYGON;
		final Envelope env = g.getEnvelopeInternal();
		final String params = kind == RoiKind.OVAL || kind == RoiKind.ELLIPSE || kind == RoiKind.ROTATED_RECTANGLE
			? a.metadata().get(ImageJKeys.PARAMS) : null;
		switch (kind) {
			case OVAL:
				if (params != null) {
					final double[] p = numbers(params, 4);
					return new OvalRoi(p[0], p[1], p[2], p[3]);
				}
				return new OvalRoi(env.getMinX(), env.getMinY(), env.getWidth(), env.getHeight());
			case RECTANGLE: {
				final Roi r = new Roi(env.getMinX(), env.getMinY(), env.getWidth(), env.getHeight());
				final String corner = a.metadata().get(ImageJKeys.CORNER_DIAMETER);
				if (corner != null) r.setCornerDiameter((int) RoiStyle.number(corner, ImageJKeys.CORNER_DIAMETER));
				return r;
			}
			case ELLIPSE:
				if (params != null) {
					final double[] p = numbers(params, 5);
					return new EllipseRoi(p[0], p[1], p[2], p[3], p[4]);
				}
				return area(g, Roi.FREEROI);
			case ROTATED_RECTANGLE:
				if (params != null) {
					final double[] p = numbers(params, 5);
					return new RotatedRectRoi(p[0], p[1], p[2], p[3], p[4]);
				}
				return area(g, Roi.POLYGON);
			case TEXT:
				return text(a, env);
			case FREEHAND:
				return area(g, Roi.FREEROI);
			case TRACED:
				return area(g, Roi.TRACED_ROI);
			case COMPOSITE:
				return composite(g);
			case IMAGE:
			case POLYGON:
				return isAxisAlignedBox(g) && kind == RoiKind.IMAGE
					? new Roi(env.getMinX(), env.getMinY(), env.getWidth(), env.getHeight()) : area(g, Roi.POLYGON);
			case LINE:
			case ARROW:
				return line(a, (LineString) firstLine(g), kind);
			case ANGLE:
				return polyline(firstLine(g), Roi.ANGLE);
			case FREELINE:
				return polyline(firstLine(g), Roi.FREELINE);
			default:
				return g instanceof LineString && g.getNumPoints() == 2 ? line(a, (LineString) g, RoiKind.LINE)
					: a.kind() == Annotation.Kind.LINE ? polyline(firstLine(g), Roi.POLYLINE) : area(g, Roi.POLYGON);
		}
	}

	private static boolean isAxisAlignedBox(final Geometry g) {
		return g instanceof Polygon && ((Polygon) g).getNumInteriorRing() == 0 && g.isRectangle();
	}

	private static Geometry firstLine(final Geometry g) {
		if (g.getNumGeometries() > 1)
			throw new IllegalArgumentException("a " + g.getGeometryType() + " with several lines; ImageJ lines have one");
		return g.getGeometryN(0);
	}

	/** A single polygon without holes becomes a polygon ROI of the given type, anything else a composite. */
	private static Roi area(final Geometry g, final int type) {
		if (g instanceof Polygon && ((Polygon) g).getNumInteriorRing() == 0)
			return new PolygonRoi(ring(((Polygon) g).getExteriorRing().getCoordinates(), 0), type);
		return composite(g);
	}

	private static Roi composite(final Geometry g) {
		final Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
		for (int i = 0; i < g.getNumGeometries(); i++) {
			final Geometry part = g.getGeometryN(i);
			if (!(part instanceof Polygon)) throw new IllegalArgumentException("not a polygon: " + part.getGeometryType());
			final Polygon p = (Polygon) part;
			addRing(path, p.getExteriorRing().getCoordinates());
			for (int h = 0; h < p.getNumInteriorRing(); h++)
				addRing(path, p.getInteriorRingN(h).getCoordinates());
		}
		return new ShapeRoi(path);
	}

	private static void addRing(final Path2D path, final Coordinate[] c) {
		path.moveTo(c[0].x, c[0].y);
		for (int i = 1; i < c.length - 1; i++)
			path.lineTo(c[i].x, c[i].y);
		path.closePath();
	}

	/**
	 * A FloatPolygon of a closed ring without its closing vertex, shifted by -shift. Integral coordinates
	 * stay integral, so a polygon from whole pixel corners has the same mask as ImageJ's integer polygon.
	 */
	private static FloatPolygon ring(final Coordinate[] c, final double shift) {
		final int n = c.length > 1 && c[0].equals2D(c[c.length - 1]) ? c.length - 1 : c.length;
		return coordinates(c, n, shift);
	}

	private static FloatPolygon coordinates(final Coordinate[] c, final int n, final double shift) {
		final float[] x = new float[n], y = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = (float) (c[i].x - shift);
			y[i] = (float) (c[i].y - shift);
		}
		return new FloatPolygon(x, y, n);
	}

	private static Roi polyline(final Geometry line, final int type) {
		final Coordinate[] c = line.getCoordinates();
		return new PolygonRoi(coordinates(c, c.length, RoiGeometries.CENTRE), type);
	}

	private static Roi line(final Annotation a, final LineString l, final RoiKind kind) {
		if (l.getNumPoints() != 2) return polyline(l, Roi.POLYLINE);
		final double x1 = l.getCoordinateN(0).x - RoiGeometries.CENTRE, y1 = l.getCoordinateN(0).y - RoiGeometries.CENTRE;
		final double x2 = l.getCoordinateN(1).x - RoiGeometries.CENTRE, y2 = l.getCoordinateN(1).y - RoiGeometries.CENTRE;
		if (kind != RoiKind.ARROW) return new Line(x1, y1, x2, y2);
		final Arrow arrow = new Arrow(x1, y1, x2, y2);
		final Map<String, String> m = a.metadata();
		if (m.containsKey(ImageJKeys.ARROW_STYLE)) arrow.setStyle((int) RoiStyle.number(m.get(ImageJKeys.ARROW_STYLE), ImageJKeys.ARROW_STYLE));
		if (m.containsKey(ImageJKeys.ARROW_HEAD_SIZE)) arrow.setHeadSize(RoiStyle.number(m.get(ImageJKeys.ARROW_HEAD_SIZE), ImageJKeys.ARROW_HEAD_SIZE));
		arrow.setDoubleHeaded("true".equals(m.get(ImageJKeys.ARROW_DOUBLE_HEADED)));
		arrow.setOutline("true".equals(m.get(ImageJKeys.ARROW_OUTLINE)));
		return arrow;
	}

	private static Roi text(final Annotation a, final Envelope env) {
		final Map<String, String> m = a.metadata();
		Font font = null;
		final String f = m.get(ImageJKeys.FONT);
		if (f != null) {
			final String[] p = f.split(",");
			if (p.length == 3) font = new Font(p[0], (int) RoiStyle.number(p[1], ImageJKeys.FONT), 12)
				.deriveFont((float) RoiStyle.number(p[2], ImageJKeys.FONT));
		}
		final TextRoi t = new TextRoi(env.getMinX(), env.getMinY(), env.getWidth(), env.getHeight(),
			m.getOrDefault(ImageJKeys.TEXT, a.name().orElse("")), font);
		if (m.containsKey(ImageJKeys.TEXT_ANGLE)) t.setAngle(RoiStyle.number(m.get(ImageJKeys.TEXT_ANGLE), ImageJKeys.TEXT_ANGLE));
		if (m.containsKey(ImageJKeys.JUSTIFICATION))
			t.setJustification((int) RoiStyle.number(m.get(ImageJKeys.JUSTIFICATION), ImageJKeys.JUSTIFICATION));
		return t;
	}

	private static double[] numbers(final String csv, final int n) {
		final String[] p = csv.split(",");
		if (p.length != n) throw new IllegalArgumentException("Bad " + ImageJKeys.PARAMS + " '" + csv + "': expected " + n + " numbers");
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = RoiStyle.number(p[i], ImageJKeys.PARAMS);
		return v;
	}

	/** Joins the parts of one point set (or converts a lone point feature) into one point ROI. */
	private Roi points(final List<Annotation> parts, final int index) {
		int n = 0;
		for (final Annotation part : parts)
			n += part.geometry().getNumPoints();
		final float[] x = new float[n], y = new float[n];
		final int[] cs = new int[n];
		final boolean[] filled = new boolean[n];
		final boolean ordered = parts.size() > 1 && parts.stream().allMatch(p -> p.metadata().containsKey(ImageJKeys.POINT_INDICES));
		String hyper = null;
		int next = 0;
		for (final Annotation part : parts) {
			final int counter = part.metadata().containsKey(ImageJKeys.COUNTER)
				? (int) RoiStyle.number(part.metadata().get(ImageJKeys.COUNTER), ImageJKeys.COUNTER) : 0;
			if (counter < 0 || counter >= PointRoi.MAX_COUNTERS)
				throw new IllegalArgumentException(describe(part, index) + ": counter " + counter + " outside 0-" + (PointRoi.MAX_COUNTERS - 1));
			final String position = position(part);
			int slice = 0;
			if (position != null) {
				final int[] v = RoiPlanes.parse(position);
				if (v.length == 3) hyper = position;
				else slice = v[0];
			}
			final Coordinate[] coords = part.geometry().getCoordinates();
			final int[] at = ordered ? indices(part, coords.length, n, index) : null;
			for (int i = 0; i < coords.length; i++) {
				final int k = at != null ? at[i] : next++;
				if (filled[k]) throw new IllegalArgumentException(describe(part, index) + ": point index " + k + " given twice");
				filled[k] = true;
				x[k] = (float) (coords[i].x - RoiGeometries.CENTRE);
				y[k] = (float) (coords[i].y - RoiGeometries.CENTRE);
				cs[k] = counter | (slice << 8);
			}
		}
		final PointRoi roi = new PointRoi(x, y, x.length);
		final Annotation first = parts.get(0);
		RoiStyle.apply(first, roi, groups.groupOf(first));
		roi.setCounters(cs);
		// setCounters leaves per-point positions of 0 where there are none; ImageJ's setPosition(0) would drop
		// the positions array that its own getCounters() still reads
		if (hyper != null) RoiPlanes.apply(roi, hyper);
		return roi;
	}
}
