package io.github.biaannotations.geojson;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Plane;

/**
 * Reads GeoJSON as we and QuPath write it: a {@code FeatureCollection}, a bare array of features, or a single
 * {@code Feature}. Streams feature by feature. Every problem is reported as a {@link GeoJsonException} naming
 * the file and the feature (1-based) at fault.
 */
public final class GeoJsonReader {

	private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
		.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

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
		return read(in, source, sink, w -> {});
	}

	/**
	 * @param source names the input in messages (usually its path)
	 * @param sink receives each annotation in file order
	 * @param warnings receives, once per file for each kind, what the file holds that is not imported (cell
	 *          nuclei, child objects, properties QuPath does not write), with how many features hold it
	 * @return the number of features read
	 */
	public int read(final InputStream in, final String source, final Consumer<Annotation> sink,
		final Consumer<String> warnings) throws IOException
	{
		final DroppedMembers dropped = new DroppedMembers();
		final int n = read(in, source, sink, dropped);
		dropped.report(source, warnings);
		return n;
	}

	private int read(final InputStream in, final String source, final Consumer<Annotation> sink,
		final DroppedMembers dropped) throws IOException
	{
		int index = 0;
		try (JsonParser p = MAPPER.getFactory().createParser(in)) {
			JsonToken t = p.nextToken();
			if (t == null) throw new GeoJsonException(source + ": empty file, expected GeoJSON");
			if (t == JsonToken.START_ARRAY) {
				while (p.nextToken() == JsonToken.START_OBJECT)
					sink.accept(feature(p, source, ++index, dropped));
				if (p.currentToken() != JsonToken.END_ARRAY)
					throw new GeoJsonException(source + ": the array must hold only Feature objects (at feature " + (index + 1) + ")");
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
						sink.accept(feature(p, source, ++index, dropped));
					if (p.currentToken() != JsonToken.END_ARRAY)
						throw new GeoJsonException(source + ": 'features' must hold only Feature objects (at feature " + (index + 1) + ")");
				} else {
					members.set(field, p.readValueAsTree());
				}
			}
			final String type = members.path("type").asText(null);
			if ("Feature".equals(type)) {
				try (JsonParser single = MAPPER.treeAsTokens(members)) {
					single.nextToken();
					sink.accept(feature(single, source, ++index, dropped));
				}
				return index;
			}
			if (!"FeatureCollection".equals(type))
				throw new GeoJsonException(source + ": expected a FeatureCollection, a Feature or an array of features, found type " + type);
			return index;
		} catch (final JsonProcessingException e) {
			// JsonParseException, and also Jackson's limits (nesting depth, number length) and type mismatches
			final JsonLocation at = e.getLocation();
			throw new GeoJsonException(source + ": not valid JSON " + (index == 0 ? "before the first feature" : "in feature " + index) +
				(at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + e.getOriginalMessage(), e);
		} catch (final CharConversionException e) {
			// found by GeoJsonFuzzTest: bytes that are not UTF-8/16/32 were reported without the file name
			throw new GeoJsonException(source + ": not a text file in UTF-8 (" + e.getMessage() + ")", e);
		}
	}

	/** QuPath 0.2 wrote the object type as the feature's id. */
	private static final Set<String> LEGACY_TYPE_IDS = Set.of("PathAnnotationObject",
		"PathDetectionObject", "PathCellObject", "PathTileObject", "TMACoreObject", "PathRootObject");

	/** Reads one feature, the parser standing on its START_OBJECT; geometry coordinates are streamed. */
	private Annotation feature(final JsonParser p, final String source, final int index, final DroppedMembers dropped)
		throws IOException
	{
		final FeatureRef where = new FeatureRef(source, index);
		ParsedGeometry geometry = null;
		String id = null;
		ParsedProperties properties = null;
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			final String field = p.getCurrentName();
			final JsonToken value = p.nextToken();
			if ("geometry".equals(field) && value == JsonToken.START_OBJECT) geometry = ParsedGeometry.parse(p, where);
			else if ("properties".equals(field) && value == JsonToken.START_OBJECT) properties = ParsedProperties.parse(p, where, dropped);
			else if ("id".equals(field) && value.isScalarValue()) id = p.getValueAsString();
			else if ("nucleusGeometry".equals(field) && value == JsonToken.START_OBJECT) {
				dropped.add("cell nuclei (nucleusGeometry) not imported: an ImageJ ROI has one outline", where);
				p.skipChildren();
			}
			else p.skipChildren();
		}
		if (geometry == null) throw new GeoJsonException(where + ": no geometry");
		final Geometry g;
		try {
			g = geometry.toJts(this);
		} catch (final IllegalArgumentException e) {
			throw new GeoJsonException(where + ": " + e.getMessage(), e);
		}
		final Annotation.Builder b = Annotation.builder(g);
		if (id != null && LEGACY_TYPE_IDS.contains(id)) {
			if (properties == null || properties.objectType() == null) {
				final Annotation.ObjectType legacy = Annotation.ObjectType.fromJson(id);
				if (legacy != null) b.objectType(legacy);
			}
		} else if (id != null) b.id(id);
		final JsonNode plane = geometry.plane;
		if (plane != null && plane.isObject()) {
			try {
				b.plane(Plane.of(plane.path("c").asInt(Plane.ALL_CHANNELS), plane.path("z").asInt(0), plane.path("t").asInt(0)));
			} catch (final IllegalArgumentException e) {
				throw new GeoJsonException(where + ": " + e.getMessage(), e);
			}
		}
		b.ellipse(geometry.ellipse);
		if (properties != null) properties.applyTo(b, where, dropped);
		return b.build();
	}

	/** Builds a JTS geometry from a GeoJSON type and its coordinates as read by {@link ParsedGeometry}. */
	Geometry geometry(final String type, final Object c) {
		if (type == null) throw new IllegalArgumentException("geometry without type");
		if (c == null) throw new IllegalArgumentException(type + " without coordinates");
		if ("Point".equals(type)) return factory.createPoint(position(c));
		if ("MultiPoint".equals(type) || "LineString".equals(type)) return "LineString".equals(type) ? line(c) : factory.createMultiPointFromCoords(positions(c));
		if (!(c instanceof List)) throw new IllegalArgumentException(type + " with malformed coordinates");
		final List<?> list = (List<?>) c;
		switch (type) {
			case "MultiLineString": {
				final LineString[] lines = new LineString[list.size()];
				for (int i = 0; i < lines.length; i++)
					lines[i] = line(list.get(i));
				return factory.createMultiLineString(lines);
			}
			case "Polygon":
				return polygon(c);
			case "MultiPolygon": {
				final Polygon[] polygons = new Polygon[list.size()];
				for (int i = 0; i < polygons.length; i++)
					polygons[i] = polygon(list.get(i));
				return factory.createMultiPolygon(polygons);
			}
			default:
				throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
		}
	}

	private LineString line(final Object c) {
		final Coordinate[] coords = positions(c);
		if (coords.length < 2) throw new IllegalArgumentException("LineString with fewer than 2 positions");
		return factory.createLineString(coords);
	}

	private Polygon polygon(final Object c) {
		if (c instanceof ParsedGeometry.Positions) throw new IllegalArgumentException("Polygon coordinates must be an array of rings");
		if (!(c instanceof List) || ((List<?>) c).isEmpty()) throw new IllegalArgumentException("Polygon without rings");
		final List<?> rings = (List<?>) c;
		final LinearRing shell = ring(rings.get(0), "exterior ring");
		final LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 0; i < holes.length; i++)
			holes[i] = ring(rings.get(i + 1), "ring " + (i + 2));
		return factory.createPolygon(shell, holes);
	}

	private LinearRing ring(final Object c, final String which) {
		final Coordinate[] coords = positions(c);
		if (coords.length < 4) throw new IllegalArgumentException(which + " has fewer than 4 positions");
		if (!coords[0].equals2D(coords[coords.length - 1])) throw new IllegalArgumentException(which + " is not closed");
		return factory.createLinearRing(coords);
	}

	private static Coordinate[] positions(final Object c) {
		if (c instanceof ParsedGeometry.Positions) {
			final ParsedGeometry.Positions p = (ParsedGeometry.Positions) c;
			final Coordinate[] coords = new Coordinate[p.size];
			for (int i = 0; i < p.size; i++) {
				final double x = p.xy[2 * i], y = p.xy[2 * i + 1];
				if (!Double.isFinite(x) || !Double.isFinite(y))
					throw new IllegalArgumentException("position [" + x + ", " + y + "] is not finite");
				coords[i] = new Coordinate(x, y);
			}
			return coords;
		}
		if (!(c instanceof List)) throw new IllegalArgumentException("expected an array of positions");
		final List<?> list = (List<?>) c;
		final Coordinate[] coords = new Coordinate[list.size()];
		for (int i = 0; i < coords.length; i++)
			coords[i] = position(list.get(i));
		return coords;
	}

	private static Coordinate position(final Object p) {
		if (!(p instanceof double[])) throw new IllegalArgumentException("bad position: expected [x, y]");
		final double[] xy = (double[]) p;
		if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1]))
			throw new IllegalArgumentException("position [" + xy[0] + ", " + xy[1] + "] is not finite");
		return new Coordinate(xy[0], xy[1]);
	}
}
