package io.github.biaannotations.geojson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GeoJSON geometry object read token by token: its coordinates as nested lists whose leaves are
 * {@code double[]} positions (far lighter than a JSON tree), plus QuPath's {@code plane} and
 * {@code isEllipse} members. Members may come in any order.
 */
final class ParsedGeometry {

	String type;
	Object coordinates;
	JsonNode plane;
	boolean ellipse;

	/** Reads the geometry object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
	static ParsedGeometry parse(final JsonParser p, final FeatureRef where) throws IOException {
		final ParsedGeometry g = new ParsedGeometry();
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			final String field = p.getCurrentName();
			final JsonToken t = p.nextToken();
			switch (field) {
				case "type":
					g.type = p.getValueAsString();
					break;
				case "coordinates":
					if (t != JsonToken.START_ARRAY) throw new GeoJsonException(where + ": coordinates must be an array");
					g.coordinates = nested(p, where);
					break;
				case "plane":
					g.plane = p.readValueAsTree();
					break;
				case "isEllipse":
					g.ellipse = t == JsonToken.VALUE_TRUE;
					break;
				default:
					p.skipChildren();
			}
		}
		return g;
	}

	/**
	 * An array of numbers becomes a position ({@code double[]}); an array of positions one flat
	 * {@link Positions}; any other array of arrays a list.
	 */
	private static Object nested(final JsonParser p, final FeatureRef where) throws IOException {
		JsonToken t = p.nextToken();
		if (isNumber(t)) return position(p, t, where);
		if (t == JsonToken.END_ARRAY) return new ArrayList<>();
		if (t != JsonToken.START_ARRAY) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + t);
		// peek: an array of positions is packed as it is read
		t = p.nextToken();
		if (isNumber(t)) {
			final Positions positions = new Positions();
			addPosition(p, t, positions, where);
			while ((t = p.nextToken()) == JsonToken.START_ARRAY)
				addPosition(p, p.nextToken(), positions, where);
			if (t != JsonToken.END_ARRAY) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + t);
			return positions;
		}
		final List<Object> list = new ArrayList<>(4);
		list.add(rest(p, t, where));
		while ((t = p.nextToken()) == JsonToken.START_ARRAY)
			list.add(nested(p, where));
		if (t != JsonToken.END_ARRAY) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + t);
		return list;
	}

	/** Finishes an array whose first token (after its START_ARRAY) was already read. */
	private static Object rest(final JsonParser p, final JsonToken first, final FeatureRef where) throws IOException {
		if (first == JsonToken.END_ARRAY) return new ArrayList<>();
		if (first != JsonToken.START_ARRAY) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + first);
		final List<Object> list = new ArrayList<>(4);
		list.add(nested(p, where));
		JsonToken t;
		while ((t = p.nextToken()) == JsonToken.START_ARRAY)
			list.add(nested(p, where));
		if (t != JsonToken.END_ARRAY) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + t);
		return list;
	}

	private static boolean isNumber(final JsonToken t) {
		return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
	}

	/** Reads one position straight into {@code into}, the first token already read; extra numbers (z) are ignored. */
	private static void addPosition(final JsonParser p, JsonToken t, final Positions into, final FeatureRef where)
		throws IOException
	{
		if (!isNumber(t)) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + t);
		final double x = p.getDoubleValue();
		t = p.nextToken();
		if (!isNumber(t)) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + t);
		into.add(x, p.getDoubleValue());
		while (isNumber(t = p.nextToken())) {
			// a z (or more) is allowed by GeoJSON; planes say where annotations lie instead
		}
		if (t != JsonToken.END_ARRAY) throw new GeoJsonException(where + ": bad position: expected only numbers, found " + t);
	}

	/** Reads the numbers of one position, the first token already read; extra numbers (z) are ignored. */
	private static double[] position(final JsonParser p, JsonToken t, final FeatureRef where) throws IOException {
		final double[] v = new double[2];
		int n = 0;
		for (; isNumber(t); t = p.nextToken()) {
			if (n < 2) v[n] = p.getDoubleValue();
			n++;
		}
		if (t != JsonToken.END_ARRAY) throw new GeoJsonException(where + ": bad position: expected only numbers, found " + t);
		if (n < 2) throw new GeoJsonException(where + ": bad position: expected [x, y]");
		return v;
	}

	/** Positions read from one array, packed x0, y0, x1, y1, ... */
	static final class Positions {

		double[] xy = new double[16];
		int size;

		void add(final double x, final double y) {
			if (2 * size + 2 > xy.length) xy = Arrays.copyOf(xy, xy.length * 2);
			xy[2 * size] = x;
			xy[2 * size + 1] = y;
			size++;
		}
	}

	Geometry toJts(final GeoJsonReader reader) {
		return reader.geometry(type, coordinates);
	}
}
