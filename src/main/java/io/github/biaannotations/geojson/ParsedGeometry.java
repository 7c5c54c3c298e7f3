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
	static ParsedGeometry parse(final JsonParser p, final String where) throws IOException {
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

	/** An array of numbers becomes a position; an array of arrays a list. */
	private static Object nested(final JsonParser p, final String where) throws IOException {
		JsonToken t = p.nextToken();
		if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
			double[] v = new double[2];
			int n = 0;
			for (; t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT; t = p.nextToken()) {
				if (n == v.length) v = Arrays.copyOf(v, n * 2);
				v[n++] = p.getDoubleValue();
			}
			if (t != JsonToken.END_ARRAY) throw new GeoJsonException(where + ": bad position: expected only numbers, found " + t);
			if (n < 2) throw new GeoJsonException(where + ": bad position: expected [x, y]");
			return v;
		}
		final List<Object> list = new ArrayList<>();
		for (; t == JsonToken.START_ARRAY; t = p.nextToken())
			list.add(nested(p, where));
		if (t != JsonToken.END_ARRAY) throw new GeoJsonException(where + ": bad position: expected [x, y], found " + t);
		return list;
	}

	Geometry toJts(final GeoJsonReader reader) {
		return reader.geometry(type, coordinates);
	}
}
