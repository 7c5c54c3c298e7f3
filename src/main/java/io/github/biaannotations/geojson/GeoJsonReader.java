package io.github.biaannotations.geojson;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Plane;
import io.github.biaannotations.model.Rgb;

/**
 * Reads GeoJSON as we and QuPath write it: a {@code FeatureCollection}, a bare array of features, or a single
 * {@code Feature}. Streams feature by feature. Every problem is reported as a {@link GeoJsonException} naming
 * the file and the feature (1-based) at fault.
 */
public final class GeoJsonReader {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final GeometryFactory factory;

	public GeoJsonReader(final GeometryFactory factory) {
		this.factory = factory;
	}

	public GeoJsonReader() {
		this(new GeometryFactory());
	}

	/**
	 * @param source names the input in messages (usually its path)
	 * @param sink receives each annotation in file order
	 * @return the number of features read
	 */
	public int read(final InputStream in, final String source, final Consumer<Annotation> sink) throws IOException {
		int index = 0;
		try (JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
			JsonToken t = p.nextToken();
			if (t == null) throw new GeoJsonException(source + ": empty file, expected GeoJSON");
			if (t == JsonToken.START_ARRAY) {
				while (p.nextToken() == JsonToken.START_OBJECT)
					sink.accept(feature(p.readValueAsTree(), source, ++index));
				return index;
			}
			if (t != JsonToken.START_OBJECT) throw new GeoJsonException(source + ": not a GeoJSON object or array");
			// members other than "features" are kept, so that a lone Feature can be read whole
			final ObjectNode members = MAPPER.createObjectNode();
			while (p.nextToken() == JsonToken.FIELD_NAME) {
				final String field = p.getCurrentName();
				p.nextToken();
				if ("features".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
					while (p.nextToken() == JsonToken.START_OBJECT)
						sink.accept(feature(p.readValueAsTree(), source, ++index));
					if (p.currentToken() != JsonToken.END_ARRAY)
						throw new GeoJsonException(source + ": 'features' must hold only Feature objects (at feature " + (index + 1) + ")");
				} else {
					members.set(field, p.readValueAsTree());
				}
			}
			final String type = members.path("type").asText(null);
			if ("Feature".equals(type)) {
				sink.accept(feature(members, source, ++index));
				return index;
			}
			if (!"FeatureCollection".equals(type))
				throw new GeoJsonException(source + ": expected a FeatureCollection, a Feature or an array of features, found type " + type);
			return index;
		} catch (final JsonParseException e) {
			throw new GeoJsonException(source + ": not valid JSON after feature " + index + ": " + e.getOriginalMessage(), e);
		}
	}

	/** Converts one parsed feature. */
	public Annotation feature(final JsonNode f, final String source, final int index) {
		final String where = source + ": feature " + index;
		if (f == null || !f.isObject()) throw new GeoJsonException(where + ": not an object");
		final JsonNode geometry = f.get("geometry");
		if (geometry == null || !geometry.isObject()) throw new GeoJsonException(where + ": no geometry");
		final Geometry g;
		try {
			g = geometry(geometry);
		} catch (final IllegalArgumentException e) {
			throw new GeoJsonException(where + ": " + e.getMessage(), e);
		}
		final Annotation.Builder b = Annotation.builder(g);
		if (f.hasNonNull("id")) b.id(f.get("id").asText());
		final JsonNode plane = geometry.get("plane");
		if (plane != null && plane.isObject()) {
			try {
				b.plane(Plane.of(plane.path("c").asInt(Plane.ALL_CHANNELS), plane.path("z").asInt(0), plane.path("t").asInt(0)));
			} catch (final IllegalArgumentException e) {
				throw new GeoJsonException(where + ": " + e.getMessage(), e);
			}
		}
		b.ellipse(geometry.path("isEllipse").asBoolean(false));
		properties(f.path("properties"), b, where);
		return b.build();
	}

	private static void properties(final JsonNode p, final Annotation.Builder b, final String where) {
		if (!p.isObject()) return;
		if (p.hasNonNull("objectType")) b.objectType(Annotation.ObjectType.fromJson(p.get("objectType").asText()));
		if (p.hasNonNull("name")) b.name(p.get("name").asText());
		final Rgb color = color(p.get("color"), where + ": color");
		if (color != null) b.color(color);
		final JsonNode cls = p.get("classification");
		if (cls != null && cls.isObject() && cls.hasNonNull("name")) {
			Rgb c = color(cls.get("color"), where + ": classification.color");
			if (c == null && cls.has("colorRGB")) c = Rgb.ofArgb(cls.get("colorRGB").asInt());
			b.classification(cls.get("name").asText(), c);
		} else if (cls != null && cls.isTextual()) {
			b.classification(cls.asText(), null);
		}
		final JsonNode meta = p.get("metadata");
		if (meta != null && meta.isObject()) {
			for (final Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext();) {
				final Map.Entry<String, JsonNode> e = it.next();
				b.metadata(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
			}
		}
		final JsonNode measurements = p.get("measurements");
		if (measurements != null && measurements.isObject()) {
			measurements.fields().forEachRemaining(e -> {
				if (e.getValue().isNumber()) b.measurement(e.getKey(), e.getValue().asDouble());
			});
		} else if (measurements != null && measurements.isArray()) {
			// QuPath before 0.4 wrote [{"name": ..., "value": ...}]
			for (final JsonNode m : measurements)
				if (m.hasNonNull("name") && m.path("value").isNumber()) b.measurement(m.get("name").asText(), m.get("value").asDouble());
		}
	}

	private static Rgb color(final JsonNode c, final String where) {
		if (c == null || c.isNull()) return null;
		if (c.isArray() && c.size() >= 3) {
			try {
				return Rgb.of(c.get(0).asInt(-1), c.get(1).asInt(-1), c.get(2).asInt(-1));
			} catch (final IllegalArgumentException e) {
				throw new GeoJsonException(where + ": " + e.getMessage());
			}
		}
		if (c.isInt()) return Rgb.ofArgb(0xff000000 | c.asInt());
		throw new GeoJsonException(where + ": expected [r, g, b]");
	}

	Geometry geometry(final JsonNode g) {
		final String type = g.path("type").asText("");
		final JsonNode c = g.get("coordinates");
		if (!"GeometryCollection".equals(type) && (c == null || !c.isArray()))
			throw new IllegalArgumentException(type + " without a coordinates array");
		switch (type) {
			case "Point":
				return factory.createPoint(position(c));
			case "MultiPoint": {
				final Point[] points = new Point[c.size()];
				for (int i = 0; i < points.length; i++)
					points[i] = factory.createPoint(position(c.get(i)));
				return factory.createMultiPoint(points);
			}
			case "LineString":
				return line(c);
			case "MultiLineString": {
				final LineString[] lines = new LineString[c.size()];
				for (int i = 0; i < lines.length; i++)
					lines[i] = line(c.get(i));
				return factory.createMultiLineString(lines);
			}
			case "Polygon":
				return polygon(c);
			case "MultiPolygon": {
				final Polygon[] polygons = new Polygon[c.size()];
				for (int i = 0; i < polygons.length; i++)
					polygons[i] = polygon(c.get(i));
				return factory.createMultiPolygon(polygons);
			}
			default:
				throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
		}
	}

	private LineString line(final JsonNode c) {
		final Coordinate[] coords = positions(c);
		if (coords.length < 2) throw new IllegalArgumentException("LineString with fewer than 2 positions");
		return factory.createLineString(coords);
	}

	private Polygon polygon(final JsonNode rings) {
		if (!rings.isArray() || rings.size() == 0) throw new IllegalArgumentException("Polygon without rings");
		final LinearRing shell = ring(rings.get(0), "exterior ring");
		final LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 0; i < holes.length; i++)
			holes[i] = ring(rings.get(i + 1), "ring " + (i + 2));
		return factory.createPolygon(shell, holes);
	}

	private LinearRing ring(final JsonNode c, final String which) {
		final Coordinate[] coords = positions(c);
		if (coords.length < 4) throw new IllegalArgumentException(which + " has fewer than 4 positions");
		if (!coords[0].equals2D(coords[coords.length - 1])) throw new IllegalArgumentException(which + " is not closed");
		return factory.createLinearRing(coords);
	}

	private static Coordinate[] positions(final JsonNode c) {
		if (!c.isArray()) throw new IllegalArgumentException("expected an array of positions");
		final Coordinate[] coords = new Coordinate[c.size()];
		for (int i = 0; i < coords.length; i++)
			coords[i] = position(c.get(i));
		return coords;
	}

	private static Coordinate position(final JsonNode p) {
		if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber())
			throw new IllegalArgumentException("bad position " + p + ": expected [x, y]");
		final double x = p.get(0).asDouble(), y = p.get(1).asDouble();
		if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("position " + p + " is not finite");
		return new Coordinate(x, y);
	}
}
