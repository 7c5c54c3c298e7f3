package io.github.biaannotations.geojson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Rgb;

/**
 * A feature's {@code properties} as QuPath (0.2 to 0.7) writes them, read token by token: {@code objectType} (or
 * its older spellings {@code object_type} and {@code type}), {@code name}, {@code color}, {@code classification}
 * (a name, QuPath's {@code names} of a derived class, or the older {@code colorRGB} form), {@code isLocked},
 * {@code measurements} (an object, or the older array of name/value pairs) and {@code metadata}. What cannot be
 * kept (child objects, a TMA core's missing flag, members QuPath does not write) is tallied in
 * {@link DroppedMembers}.
 */
final class ParsedProperties {

	private String objectType;
	private String name;
	private JsonNode color;
	private JsonNode classification;
	private JsonNode measurements;
	private boolean locked;
	private final Map<String, String> metadata = new LinkedHashMap<>();

	/** Reads the object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
	static ParsedProperties parse(final JsonParser p, final FeatureRef where, final DroppedMembers dropped)
		throws IOException
	{
		final ParsedProperties props = new ParsedProperties();
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			final String field = p.getCurrentName();
			final JsonToken t = p.nextToken();
			switch (field) {
				case "objectType":
				case "object_type":
				case "type":
					if (props.objectType == null || "objectType".equals(field))
						props.objectType = t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getValueAsString() : skip(p);
					else p.skipChildren();
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
				case "isLocked":
					props.locked = t == JsonToken.VALUE_TRUE;
					p.skipChildren();
					break;
				case "metadata":
					if (t == JsonToken.START_OBJECT) readMetadata(p, props.metadata);
					else p.skipChildren();
					break;
				case "childObjects":
				case "children":
					if (t == JsonToken.START_ARRAY && p.nextToken() != JsonToken.END_ARRAY) {
						dropped.add("child objects (" + field + ") not imported: ImageJ ROIs have no hierarchy", where);
						p.skipChildren();
						while (p.nextToken() != JsonToken.END_ARRAY)
							p.skipChildren();
					} else p.skipChildren();
					break;
				case "isMissing":
					if (t == JsonToken.VALUE_TRUE) dropped.add("TMA cores' isMissing flag not imported", where);
					p.skipChildren();
					break;
				default:
					dropped.add("property '" + field + "' not imported: QuPath does not write it", where);
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

	/** The object type named in the properties, or null when they name none. */
	String objectType() {
		return objectType;
	}

	void applyTo(final Annotation.Builder b, final FeatureRef where, final DroppedMembers dropped) {
		if (objectType != null) {
			final Annotation.ObjectType type = Annotation.ObjectType.fromJson(objectType);
			// QuPath makes an annotation of an object type it does not know
			if (type == null) dropped.add("objectType '" + objectType + "' unknown to QuPath: imported as an annotation", where);
			b.objectType(type == null ? Annotation.ObjectType.ANNOTATION : type);
		}
		if (name != null) b.name(name);
		final Rgb c = color(color, where, "color");
		if (c != null) b.color(c);
		classification(b, where);
		if (measurements != null && measurements.isObject()) {
			measurements.fields().forEachRemaining(e -> measurement(b, e.getKey(), e.getValue(), where, dropped));
		} else if (measurements != null && measurements.isArray()) {
			for (final JsonNode m : measurements)
				if (m.hasNonNull("name")) measurement(b, m.get("name").asText(), m.path("value"), where, dropped);
		}
		b.locked(locked);
		b.metadata(metadata);
	}

	private void classification(final Annotation.Builder b, final FeatureRef where) {
		if (classification == null || classification.isNull()) return;
		if (classification.isTextual()) {
			if (!classification.asText().isEmpty()) b.classification(classification.asText(), null);
			return;
		}
		if (!classification.isObject()) throw new GeoJsonException(where + ": classification: expected an object or a name");
		String n = null;
		if (classification.hasNonNull("name")) n = classification.get("name").asText();
		else if (classification.path("names").isArray()) {
			// a derived class, e.g. ["Tumor", "Positive"]: QuPath calls it "Tumor: Positive"
			final List<String> names = new ArrayList<>();
			for (final JsonNode part : classification.get("names"))
				names.add(part.asText().strip());
			n = String.join(": ", names);
		}
		if (n == null || n.isEmpty()) return;
		Rgb cc = color(classification.get("color"), where, "classification.color");
		if (cc == null && classification.path("colorRGB").isInt())
			cc = Rgb.ofArgb(0xff000000 | classification.get("colorRGB").asInt());
		b.classification(n, cc);
	}

	/** A number, or QuPath's strings for values that JSON numbers cannot hold ("NaN", "Infinity", "-Infinity"). */
	private static void measurement(final Annotation.Builder b, final String key, final JsonNode v, final FeatureRef where,
		final DroppedMembers dropped)
	{
		if (v.isNumber()) {
			b.measurement(key, v.asDouble());
			return;
		}
		if (v.isTextual()) {
			final String s = v.asText().trim();
			switch (s.toLowerCase(java.util.Locale.ROOT)) {
				case "nan":
					b.measurement(key, Double.NaN);
					return;
				case "infinity":
				case "inf":
					b.measurement(key, Double.POSITIVE_INFINITY);
					return;
				case "-infinity":
				case "-inf":
					b.measurement(key, Double.NEGATIVE_INFINITY);
					return;
				default:
					try {
						b.measurement(key, Double.parseDouble(s));
						return;
					} catch (final NumberFormatException e) {
						// reported below
					}
			}
		}
		dropped.add("measurements that are not numbers not imported", where);
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
