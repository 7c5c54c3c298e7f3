package io.github.biaannotations.geojson;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.Plane;
import io.github.biaannotations.model.Rgb;

/**
 * Writes annotations as a GeoJSON {@code FeatureCollection} in the form QuPath 0.7 writes and reads: geometry with
 * {@code plane} (left out for QuPath's default plane c = -1, z = 0, t = 0) and {@code isEllipse} members, properties
 * {@code objectType}, {@code name}, {@code color} (left out when it is the class's colour, which QuPath shows for an
 * object without its own), {@code classification} as {@code name} (or {@code names} of a derived class such as
 * "Tumor: Positive") with its {@code color}, which QuPath requires, {@code isLocked}, {@code measurements} and
 * {@code metadata}. Coordinates keep full double precision. Streams: each feature is written as it comes.
 */
public final class GeoJsonWriter implements AnnotationWriter {

	private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

	private final JsonGenerator out;

	public GeoJsonWriter(final OutputStream stream) throws IOException {
		out = FACTORY.createGenerator(stream, JsonEncoding.UTF8);
		out.writeStartObject();
		out.writeStringField("type", "FeatureCollection");
		out.writeArrayFieldStart("features");
	}

	@Override
	public void write(final Annotation a) throws IOException {
		out.writeRaw('\n');
		out.writeStartObject();
		out.writeStringField("type", "Feature");
		if (a.id().isPresent()) out.writeStringField("id", a.id().get());
		out.writeFieldName("geometry");
		out.writeStartObject();
		writeGeometry(a.geometry());
		if (a.plane().isPresent() && !Plane.DEFAULT.equals(a.plane().get())) writePlane(a.plane().get());
		if (a.isEllipse()) out.writeBooleanField("isEllipse", true);
		out.writeEndObject();
		writeProperties(a);
		out.writeEndObject();
	}

	private void writePlane(final Plane p) throws IOException {
		out.writeObjectFieldStart("plane");
		out.writeNumberField("c", p.c());
		out.writeNumberField("z", p.z());
		out.writeNumberField("t", p.t());
		out.writeEndObject();
	}

	private void writeProperties(final Annotation a) throws IOException {
		out.writeObjectFieldStart("properties");
		out.writeStringField("objectType", a.objectType().json());
		if (a.name().isPresent()) out.writeStringField("name", a.name().get());
		final Rgb classColor = a.classification().isPresent()
			? a.classificationColor().orElseGet(() -> ClassColors.of(a.classification().get())) : null;
		if (a.color().isPresent() && !sameRgb(a.color().get(), classColor)) writeColor("color", a.color().get());
		if (a.classification().isPresent()) writeClassification(a.classification().get(), classColor);
		if (a.isLocked()) out.writeBooleanField("isLocked", true);
		if (!a.measurements().isEmpty()) {
			out.writeObjectFieldStart("measurements");
			for (final Map.Entry<String, Double> m : a.measurements().entrySet())
				out.writeNumberField(m.getKey(), m.getValue());
			out.writeEndObject();
		}
		if (!a.metadata().isEmpty()) {
			out.writeObjectFieldStart("metadata");
			for (final Map.Entry<String, String> m : a.metadata().entrySet())
				out.writeStringField(m.getKey(), m.getValue());
			out.writeEndObject();
		}
		out.writeEndObject();
	}

	/**
	 * QuPath's form: {@code {"name": "Tumor", "color": [r, g, b]}}, or for a derived class
	 * {@code {"names": ["Tumor", "Positive"], ...}}; QuPath refuses a classification object without a colour.
	 */
	private void writeClassification(final String name, final Rgb color) throws IOException {
		out.writeObjectFieldStart("classification");
		final List<String> names = new ArrayList<>();
		for (final String part : name.split(":"))
			if (!part.isBlank()) names.add(part.strip());
		if (names.size() <= 1) out.writeStringField("name", names.isEmpty() ? name : names.get(0));
		else {
			out.writeArrayFieldStart("names");
			for (final String n : names)
				out.writeString(n.strip());
			out.writeEndArray();
		}
		writeColor("color", color);
		out.writeEndObject();
	}

	private static boolean sameRgb(final Rgb a, final Rgb b) {
		return b != null && (a.argb() & 0xffffff) == (b.argb() & 0xffffff);
	}

	private void writeColor(final String field, final Rgb c) throws IOException {
		out.writeArrayFieldStart(field);
		out.writeNumber(c.red());
		out.writeNumber(c.green());
		out.writeNumber(c.blue());
		out.writeEndArray();
	}

	private void writeGeometry(final Geometry g) throws IOException {
		out.writeStringField("type", g.getGeometryType());
		out.writeFieldName("coordinates");
		if (g instanceof Point) writePosition(((Point) g).getCoordinate());
		else if (g instanceof LineString) writeSequence(((LineString) g).getCoordinateSequence());
		else if (g instanceof Polygon) writePolygon((Polygon) g);
		else if (g instanceof MultiPoint) {
			out.writeStartArray();
			for (int i = 0; i < g.getNumGeometries(); i++)
				writePosition(g.getGeometryN(i).getCoordinate());
			out.writeEndArray();
		} else if (g instanceof MultiLineString) {
			out.writeStartArray();
			for (int i = 0; i < g.getNumGeometries(); i++)
				writeSequence(((LineString) g.getGeometryN(i)).getCoordinateSequence());
			out.writeEndArray();
		} else if (g instanceof MultiPolygon) {
			out.writeStartArray();
			for (int i = 0; i < g.getNumGeometries(); i++)
				writePolygon((Polygon) g.getGeometryN(i));
			out.writeEndArray();
		} else throw new IllegalArgumentException("Cannot write " + g.getGeometryType() + " as GeoJSON");
	}

	private void writePolygon(final Polygon p) throws IOException {
		out.writeStartArray();
		if (!p.isEmpty()) {
			writeSequence(p.getExteriorRing().getCoordinateSequence());
			for (int i = 0; i < p.getNumInteriorRing(); i++)
				writeSequence(p.getInteriorRingN(i).getCoordinateSequence());
		}
		out.writeEndArray();
	}

	private void writeSequence(final CoordinateSequence s) throws IOException {
		out.writeStartArray();
		for (int i = 0; i < s.size(); i++) {
			out.writeStartArray();
			writeNumber(s.getX(i));
			writeNumber(s.getY(i));
			out.writeEndArray();
		}
		out.writeEndArray();
	}

	private void writePosition(final Coordinate c) throws IOException {
		out.writeStartArray();
		writeNumber(c.x);
		writeNumber(c.y);
		out.writeEndArray();
	}

	/** Whole numbers (pixel corners) without ".0": shorter files, faster to read; others at full precision. */
	private void writeNumber(final double v) throws IOException {
		if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) out.writeNumber((long) v);
		else out.writeNumber(v);
	}

	@Override
	public void close() throws IOException {
		out.writeRaw('\n');
		out.writeEndArray();
		out.writeEndObject();
		out.writeRaw('\n');
		out.close();
	}
}
