package io.github.biaannotations.geojson;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Rgb;

/**
 * A feature's {@code properties} as QuPath writes them, read token by token: {@code objectType}, {@code name},
 * {@code color}, {@code classification}, {@code measurements} (an object, or QuPath's older array of name/value
 * pairs) and {@code metadata}. Unknown members are skipped.
 */
final class ParsedProperties {

	private String objectType;
	private String name;
	private JsonNode color;
	private JsonNode classification;
	private JsonNode measurements;
	private final Map<String, String> metadata = new LinkedHashMap<>();

	/** Reads the object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
	static ParsedProperties parse(final JsonParser p, final FeatureRef where) throws IOException {
		final ParsedProperties props = new ParsedProperties();
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			final String field = p.getCurrentName();
			final JsonToken t = p.nextToken();
			switch (field) {
				case "objectType":
					props.objectType = t.isScalarValue() ? p.getValueAsString() : skip(p);
					break;
				case "name":
					props.name = t == JsonToken.VALUE_NULL ? null : t.isScalarValue() ? p.getValueAsString() : skip(p);
					break;
				case "color":
					props.color = p.readValueAsTree();
					break;
				case "classification":
					props.classification = p.readValueAsTree();
					break;
				case "measurements":
					props.measurements = p.readValueAsTree();
					break;
				case "metadata":
					if (t == JsonToken.START_OBJECT) readMetadata(p, props.metadata);
					else p.skipChildren();
					break;
				default:
					p.skipChildren();
			}
		}
		return props;
	}

	private static String skip(final JsonParser p) throws IOException {
		p.skipChildren();
		return null;
	}

	private static void readMetadata(final JsonParser p, final Map<String, String> into) throws IOException {
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			final String key = p.getCurrentName();
			final JsonToken t = p.nextToken();
			if (t.isScalarValue()) {
				if (t != JsonToken.VALUE_NULL) into.put(key, p.getValueAsString());
			} else {
				into.put(key, p.readValueAsTree().toString());
			}
		}
	}

	void applyTo(final Annotation.Builder b, final FeatureRef where) {
		if (objectType != null) b.objectType(Annotation.ObjectType.fromJson(objectType));
		if (name != null) b.name(name);
		final Rgb c = color(color, where, "color");
		if (c != null) b.color(c);
		if (classification != null && classification.isObject() && classification.hasNonNull("name")) {
			Rgb cc = color(classification.get("color"), where, "classification.color");
			if (cc == null && classification.has("colorRGB")) cc = Rgb.ofArgb(0xff000000 | classification.get("colorRGB").asInt());
			b.classification(classification.get("name").asText(), cc);
		} else if (classification != null && classification.isTextual()) {
			b.classification(classification.asText(), null);
		}
		if (measurements != null && measurements.isObject()) {
			measurements.fields().forEachRemaining(e -> {
				if (e.getValue().isNumber()) b.measurement(e.getKey(), e.getValue().asDouble());
			});
		} else if (measurements != null && measurements.isArray()) {
			for (final JsonNode m : measurements)
				if (m.hasNonNull("name") && m.path("value").isNumber()) b.measurement(m.get("name").asText(), m.get("value").asDouble());
		}
		b.metadata(metadata);
	}

	private static Rgb color(final JsonNode c, final FeatureRef where, final String field) {
		if (c == null || c.isNull()) return null;
		if (c.isArray() && c.size() >= 3) {
			try {
				return Rgb.of(c.get(0).asInt(-1), c.get(1).asInt(-1), c.get(2).asInt(-1));
			} catch (final IllegalArgumentException e) {
				throw new GeoJsonException(where + ": " + field + ": " + e.getMessage());
			}
		}
		if (c.isInt()) return Rgb.ofArgb(0xff000000 | c.asInt());
		throw new GeoJsonException(where + ": " + field + ": expected [r, g, b]");
	}
}
