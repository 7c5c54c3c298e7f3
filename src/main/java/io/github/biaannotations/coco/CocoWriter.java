package io.github.biaannotations.coco;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;

/**
 * Writes area annotations of one image as COCO JSON: categories from the classification (or "object"),
 * polygons with corner-based pixel coordinates, bounding boxes {@code [x, y, w, h]} and areas. A polygon with
 * holes, which COCO polygons cannot express, is written as uncompressed RLE of the pixels whose centres it
 * covers. Line and point annotations are not COCO objects and are counted in {@link #skipped()}.
 */
public final class CocoWriter implements AnnotationWriter {

	private static final String DEFAULT_CATEGORY = "object";

	private final JsonGenerator out;
	private final int width;
	private final int height;
	private final Map<String, Integer> categories = new LinkedHashMap<>();
	private int nextId = 1;
	private int skipped;

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

	/** Number of annotations not written because they are lines or points. */
	public int skipped() {
		return skipped;
	}

	@Override
	public void write(final Annotation a) throws IOException {
		if (a.kind() != Annotation.Kind.AREA) {
			skipped++;
			return;
		}
		final Geometry g = a.geometry();
		final String category = a.classification().orElse(DEFAULT_CATEGORY);
		final int categoryId = categories.computeIfAbsent(category, k -> categories.size() + 1);
		final Envelope env = g.getEnvelopeInternal();
		out.writeRaw('\n');
		out.writeStartObject();
		out.writeNumberField("id", nextId++);
		out.writeNumberField("image_id", 1);
		out.writeNumberField("category_id", categoryId);
		out.writeFieldName("segmentation");
		if (hasHoles(g)) writeRle(g);
		else writePolygons(g);
		out.writeNumberField("area", g.getArea());
		out.writeArrayFieldStart("bbox");
		out.writeNumber(env.getMinX());
		out.writeNumber(env.getMinY());
		out.writeNumber(env.getWidth());
		out.writeNumber(env.getHeight());
		out.writeEndArray();
		out.writeNumberField("iscrowd", 0);
		if (a.name().isPresent()) out.writeStringField("name", a.name().get());
		out.writeEndObject();
	}

	private static boolean hasHoles(final Geometry g) {
		for (int i = 0; i < g.getNumGeometries(); i++)
			if (((Polygon) g.getGeometryN(i)).getNumInteriorRing() > 0) return true;
		return false;
	}

	private void writePolygons(final Geometry g) throws IOException {
		out.writeStartArray();
		for (int i = 0; i < g.getNumGeometries(); i++) {
			final CoordinateSequence s = ((Polygon) g.getGeometryN(i)).getExteriorRing().getCoordinateSequence();
			out.writeStartArray();
			for (int j = 0; j < s.size() - 1; j++) {
				out.writeNumber(s.getX(j));
				out.writeNumber(s.getY(j));
			}
			out.writeEndArray();
		}
		out.writeEndArray();
	}

	/** COCO's uncompressed RLE: column-major run lengths over the whole image, starting with background. */
	private void writeRle(final Geometry g) throws IOException {
		final IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(g);
		final Envelope env = g.getEnvelopeInternal();
		final int x0 = Math.max(0, (int) Math.floor(env.getMinX())), x1 = Math.min(width, (int) Math.ceil(env.getMaxX()));
		final int y0 = Math.max(0, (int) Math.floor(env.getMinY())), y1 = Math.min(height, (int) Math.ceil(env.getMaxY()));
		out.writeStartObject();
		out.writeArrayFieldStart("size");
		out.writeNumber(height);
		out.writeNumber(width);
		out.writeEndArray();
		out.writeArrayFieldStart("counts");
		// only the geometry's box is tested pixel by pixel; the background around it is counted in whole runs
		final Runs runs = new Runs();
		final int xe = Math.max(x0, x1), ye = Math.max(y0, y1);
		runs.add(false, (long) x0 * height);
		final Coordinate c = new Coordinate();
		for (int x = x0; x < xe; x++) {
			runs.add(false, y0);
			for (int y = y0; y < ye; y++) {
				c.x = x + 0.5;
				c.y = y + 0.5;
				runs.add(inside.locate(c) == Location.INTERIOR, 1);
			}
			runs.add(false, height - ye);
		}
		runs.add(false, (long) (width - xe) * height);
		out.writeNumber(runs.run);
		out.writeEndArray();
		out.writeEndObject();
	}

	/** Run lengths of alternating values, background first, written as each run ends. */
	private final class Runs {

		long run;
		boolean value;

		void add(final boolean v, final long n) throws IOException {
			if (n == 0) return;
			if (v != value) {
				out.writeNumber(run);
				run = 0;
				value = v;
			}
			run += n;
		}
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
