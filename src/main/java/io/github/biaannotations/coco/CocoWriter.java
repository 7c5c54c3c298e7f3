package io.github.biaannotations.coco;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.PixelMask;
import io.github.biaannotations.model.Plane;

/**
 * Writes area annotations of one image as COCO JSON: categories from the classification (or "object"),
 * segmentations in corner-based pixel coordinates, and {@code area} and {@code bbox} of the pixels the
 * segmentation covers, as pycocotools measures its mask. An outline on the pixel grid (whole-number vertices,
 * horizontal and vertical edges), inside the image and without holes, is written as a polygon, which
 * pycocotools fills to exactly the pixels inside it. Any other area is written as uncompressed RLE of its pixels:
 * of the {@link PixelMask} given with it (ImageJ's mask of the ROI), or else, for an outline on the grid, of the
 * pixels whose centres it covers. An outline off the grid without a mask is written as a polygon, whose pixels
 * pycocotools decides at the edges: {@link #approximate()} counts those. An annotation on a plane carries it as
 * {@code plane} (0-based {@code c}, {@code z}, {@code t}, c = -1 for all channels), as in the GeoJSON. Line and
 * point annotations are not COCO objects and are counted in {@link #skipped()}; areas that cover no pixel of the
 * image in {@link #empty()}.
 */
public final class CocoWriter implements AnnotationWriter {

	private static final String DEFAULT_CATEGORY = "object";

	private final JsonGenerator out;
	private final int width;
	private final int height;
	private final Map<String, Integer> categories = new LinkedHashMap<>();
	private int nextId = 1;
	private int skipped;
	private int empty;
	private int approximate;

	/**
	 * @param fileName the image's file name as COCO's {@code images[0].file_name}
	 */
	public CocoWriter(final OutputStream stream, final String fileName, final int width, final int height) throws IOException {
		this.width = width;
		this.height = height;
		out = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8);
		out.writeStartObject();
		out.writeObjectFieldStart("info");
		out.writeStringField("description", "Annotations of " + fileName + " exported by bia-annotations");
		out.writeEndObject();
		out.writeArrayFieldStart("images");
		out.writeStartObject();
		out.writeNumberField("id", 1);
		out.writeNumberField("width", width);
		out.writeNumberField("height", height);
		out.writeStringField("file_name", fileName);
		out.writeEndObject();
		out.writeEndArray();
		out.writeArrayFieldStart("annotations");
	}

	/** Number of annotations written. */
	public int written() {
		return nextId - 1;
	}

	/** Number of annotations not written because they are lines or points. */
	public int skipped() {
		return skipped;
	}

	/** Number of areas not written because they cover no pixel of the image. */
	public int empty() {
		return empty;
	}

	/** Number of areas written as polygons off the pixel grid, without a mask: their edge pixels are pycocotools'. */
	public int approximate() {
		return approximate;
	}

	/**
	 * Whether every vertex of {@code g} has whole-number coordinates and every edge is horizontal or vertical:
	 * such an outline encloses whole pixels, and needs no mask to be written exactly.
	 */
	public static boolean isOnPixelGrid(final Geometry g) {
		for (int i = 0; i < g.getNumGeometries(); i++) {
			final Polygon p = (Polygon) g.getGeometryN(i);
			if (!isOnPixelGrid(p.getExteriorRing())) return false;
			for (int r = 0; r < p.getNumInteriorRing(); r++)
				if (!isOnPixelGrid(p.getInteriorRingN(r))) return false;
		}
		return true;
	}

	private static boolean isOnPixelGrid(final LinearRing ring) {
		final CoordinateSequence s = ring.getCoordinateSequence();
		for (int j = 0; j < s.size(); j++) {
			final double x = s.getX(j), y = s.getY(j);
			if (x != Math.rint(x) || y != Math.rint(y)) return false;
			if (j > 0 && x != s.getX(j - 1) && y != s.getY(j - 1)) return false;
		}
		return true;
	}

	@Override
	public void write(final Annotation a) throws IOException {
		write(a, null);
	}

	/**
	 * Writes an area annotation; {@code mask}, when given, holds the pixels it covers (used unless the outline is
	 * on the pixel grid, inside the image and without holes, which is written as the polygon it is).
	 */
	public void write(final Annotation a, final PixelMask mask) throws IOException {
		if (a.kind() != Annotation.Kind.AREA) {
			skipped++;
			return;
		}
		final Geometry g = a.geometry();
		final Envelope env = g.getEnvelopeInternal();
		final boolean onGrid = isOnPixelGrid(g), holes = hasHoles(g);
		if (onGrid && !holes && env.getMinX() >= 0 && env.getMinY() >= 0 && env.getMaxX() <= width &&
			env.getMaxY() <= height)
		{
			writePolygons(a, g, Math.round(g.getArea()), env);
		} else if (mask != null) {
			writeRle(a, mask.x(), mask.y(), mask.x() + mask.width(), mask.y() + mask.height(), mask::covers);
		} else if (onGrid || holes) {
			// on the grid no pixel centre lies on the outline, so the centres inside are exactly its pixels
			final IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(g);
			final Coordinate c = new Coordinate();
			writeRle(a, (int) Math.floor(env.getMinX()), (int) Math.floor(env.getMinY()), (int) Math.ceil(env.getMaxX()),
				(int) Math.ceil(env.getMaxY()), (x, y) -> {
					c.x = x + 0.5;
					c.y = y + 0.5;
					return inside.locate(c) == Location.INTERIOR;
				});
		} else {
			approximate++;
			writePolygons(a, g, g.getArea(), env);
		}
	}

	private static boolean hasHoles(final Geometry g) {
		for (int i = 0; i < g.getNumGeometries(); i++)
			if (((Polygon) g.getGeometryN(i)).getNumInteriorRing() > 0) return true;
		return false;
	}

	private void writePolygons(final Annotation a, final Geometry g, final double area, final Envelope env)
		throws IOException
	{
		start(a);
		out.writeArrayFieldStart("segmentation");
		for (int i = 0; i < g.getNumGeometries(); i++) {
			final CoordinateSequence s = ((Polygon) g.getGeometryN(i)).getExteriorRing().getCoordinateSequence();
			out.writeStartArray();
			for (int j = 0; j < s.size() - 1; j++) {
				writeCoordinate(s.getX(j));
				writeCoordinate(s.getY(j));
			}
			out.writeEndArray();
		}
		out.writeEndArray();
		if (area == Math.rint(area)) out.writeNumberField("area", (long) area);
		else out.writeNumberField("area", area);
		out.writeArrayFieldStart("bbox");
		writeCoordinate(env.getMinX());
		writeCoordinate(env.getMinY());
		writeCoordinate(env.getWidth());
		writeCoordinate(env.getHeight());
		out.writeEndArray();
		end(a);
	}

	/** Whole numbers without a fraction, so that a polygon on the grid reads as one. */
	private void writeCoordinate(final double v) throws IOException {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) out.writeNumber((long) v);
		else out.writeNumber(v);
	}

	/** A pixel test in image coordinates. */
	private interface Pixels {
		boolean covers(int x, int y);
	}

	/**
	 * COCO's uncompressed RLE: column-major run lengths over the whole image, starting with background. Only the
	 * box ({@code x0..x1, y0..y1}, exclusive ends, clipped to the image) is tested pixel by pixel.
	 */
	private void writeRle(final Annotation a, final int bx0, final int by0, final int bx1, final int by1,
		final Pixels pixels) throws IOException
	{
		final int x0 = clamp(bx0, width), x1 = Math.max(x0, clamp(bx1, width));
		final int y0 = clamp(by0, height), y1 = Math.max(y0, clamp(by1, height));
		final Runs runs = new Runs();
		long area = 0;
		int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
		runs.add(false, (long) x0 * height);
		for (int x = x0; x < x1; x++) {
			runs.add(false, y0);
			for (int y = y0; y < y1; y++) {
				final boolean covered = pixels.covers(x, y);
				if (covered) {
					area++;
					minX = Math.min(minX, x);
					maxX = x;
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
				runs.add(covered, 1);
			}
			runs.add(false, height - y1);
		}
		runs.add(false, (long) (width - x1) * height);
		if (area == 0) {
			empty++;
			return;
		}
		start(a);
		out.writeObjectFieldStart("segmentation");
		out.writeArrayFieldStart("size");
		out.writeNumber(height);
		out.writeNumber(width);
		out.writeEndArray();
		out.writeArrayFieldStart("counts");
		for (int i = 0; i < runs.size; i++)
			out.writeNumber(runs.counts[i]);
		out.writeNumber(runs.run);
		out.writeEndArray();
		out.writeEndObject();
		out.writeNumberField("area", area);
		out.writeArrayFieldStart("bbox");
		out.writeNumber(minX);
		out.writeNumber(minY);
		out.writeNumber(maxX - minX + 1);
		out.writeNumber(maxY - minY + 1);
		out.writeEndArray();
		end(a);
	}

	private static int clamp(final int v, final int max) {
		return Math.max(0, Math.min(max, v));
	}

	/** Run lengths of alternating values, background first; the last run is still open in {@code run}. */
	private static final class Runs {

		long[] counts = new long[16];
		int size;
		long run;
		boolean value;

		void add(final boolean v, final long n) {
			if (n == 0) return;
			if (v != value) {
				if (size == counts.length) counts = Arrays.copyOf(counts, size * 2);
				counts[size++] = run;
				run = 0;
				value = v;
			}
			run += n;
		}
	}

	private void start(final Annotation a) throws IOException {
		final String category = a.classification().orElse(DEFAULT_CATEGORY);
		final int categoryId = categories.computeIfAbsent(category, k -> categories.size() + 1);
		out.writeRaw('\n');
		out.writeStartObject();
		out.writeNumberField("id", nextId++);
		out.writeNumberField("image_id", 1);
		out.writeNumberField("category_id", categoryId);
	}

	private void end(final Annotation a) throws IOException {
		out.writeNumberField("iscrowd", 0);
		if (a.name().isPresent()) out.writeStringField("name", a.name().get());
		if (a.plane().isPresent()) {
			final Plane p = a.plane().get();
			out.writeObjectFieldStart("plane");
			out.writeNumberField("c", p.c());
			out.writeNumberField("z", p.z());
			out.writeNumberField("t", p.t());
			out.writeEndObject();
		}
		out.writeEndObject();
	}

	@Override
	public void close() throws IOException {
		out.writeRaw('\n');
		out.writeEndArray();
		out.writeArrayFieldStart("categories");
		for (final Map.Entry<String, Integer> c : categories.entrySet()) {
			out.writeStartObject();
			out.writeNumberField("id", c.getValue());
			out.writeStringField("name", c.getKey());
			out.writeEndObject();
		}
		out.writeEndArray();
		out.writeEndObject();
		out.writeRaw('\n');
		out.close();
	}
}
