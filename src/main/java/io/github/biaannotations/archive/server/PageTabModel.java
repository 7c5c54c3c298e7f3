package io.github.biaannotations.archive.server;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads PageTab JSON into the shape the real server maps it to (archive-api.md, PageTab JSON): a submission
 * with {@code accno}, {@code attributes}, {@code section} and {@code "type": "submission"}; attributes with a
 * required {@code name}; sections, files and links with their own fields. Unknown properties are dropped and
 * empty fields omitted, as the stored submission has them. What cannot be mapped (an attribute without a
 * name, a list that is not a list, a file without a path...) is a mapping error, which the real server
 * answers with 500.
 */
final class PageTabModel {

	/** The message of a mapping error; its causes say where. */
	static final String MAPPING_ERROR = "Submission mapping error";

	private final ObjectMapper json;

	PageTabModel(final ObjectMapper json) {
		this.json = json;
	}

	/** The submission as the server keeps it; throws a 500 naming the first place that cannot be mapped. */
	ObjectNode submission(final JsonNode in) throws ApiError {
		final ObjectNode out = object(in, "the submission");
		text(in, "accno", out, "accno");
		attributes(in, out, "");
		final JsonNode section = in.get("section");
		if (section != null && !section.isNull()) out.set("section", section(section, "section"));
		out.put("type", "submission");
		return out;
	}

	private ObjectNode section(final JsonNode in, final String where) throws ApiError {
		final ObjectNode out = object(in, where);
		text(in, "accno", out, where + ".accno");
		text(in, "type", out, where + ".type");
		attributes(in, out, where + ".");
		elements(in, "files", out, where, Kind.FILE);
		elements(in, "links", out, where, Kind.LINK);
		elements(in, "subsections", out, where, Kind.SECTION);
		return out;
	}

	private enum Kind {
		FILE, LINK, SECTION
	}

	/** A member whose elements are objects or tables (arrays of objects). */
	private void elements(final JsonNode in, final String name, final ObjectNode out, final String where,
		final Kind kind) throws ApiError
	{
		final ArrayNode list = array(in, name, where);
		if (list == null) return;
		final ArrayNode result = json.createArrayNode();
		for (int i = 0; i < list.size(); i++) {
			final String at = where + "." + name + "[" + i + "]";
			final JsonNode e = list.get(i);
			if (e.isArray()) {
				final ArrayNode table = result.addArray();
				for (int j = 0; j < e.size(); j++)
					table.add(element(e.get(j), at + "[" + j + "]", kind));
			}
			else result.add(element(e, at, kind));
		}
		if (result.size() > 0) out.set(name, result);
	}

	private ObjectNode element(final JsonNode in, final String where, final Kind kind) throws ApiError {
		switch (kind) {
			case SECTION:
				return section(in, where);
			case FILE: {
				final ObjectNode out = object(in, where);
				if (!text(in, "path", out, where + ".path")) throw mapping(where + ": a file needs a path");
				attributes(in, out, where + ".");
				text(in, "type", out, where + ".type");
				return out;
			}
			default: {
				final ObjectNode out = object(in, where);
				if (!text(in, "url", out, where + ".url")) throw mapping(where + ": a link needs a url");
				attributes(in, out, where + ".");
				return out;
			}
		}
	}

	private void attributes(final JsonNode in, final ObjectNode out, final String where) throws ApiError {
		final ArrayNode list = array(in, "attributes", where);
		if (list == null) return;
		final ArrayNode result = json.createArrayNode();
		for (int i = 0; i < list.size(); i++)
			result.add(attribute(list.get(i), where + "attributes[" + i + "]", true));
		if (result.size() > 0) out.set("attributes", result);
	}

	/** An attribute, or a qualifier ({@code nmqual}/{@code valqual} element, which has no qualifiers itself). */
	private ObjectNode attribute(final JsonNode in, final String where, final boolean withQualifiers)
		throws ApiError
	{
		final ObjectNode out = object(in, where);
		if (!text(in, "name", out, where + ".name")) throw mapping(where + ": an attribute needs a name");
		text(in, "value", out, where + ".value");
		final JsonNode reference = in.get("reference");
		if (reference != null && !reference.isNull()) {
			if (!reference.isBoolean()) throw mapping(where + ".reference: expected true or false");
			if (reference.booleanValue()) out.put("reference", true);
		}
		if (!withQualifiers) return out;
		for (final String q : List.of("nmqual", "valqual")) {
			final ArrayNode list = array(in, q, where);
			if (list == null) continue;
			final ArrayNode result = json.createArrayNode();
			for (int i = 0; i < list.size(); i++)
				result.add(attribute(list.get(i), where + "." + q + "[" + i + "]", false));
			if (result.size() > 0) out.set(q, result);
		}
		return out;
	}

	private ObjectNode object(final JsonNode in, final String where) throws ApiError {
		if (!in.isObject()) throw mapping(where + ": expected an object");
		return json.createObjectNode();
	}

	private static ArrayNode array(final JsonNode in, final String name, final String where) throws ApiError {
		final JsonNode v = in.get(name);
		if (v == null || v.isNull()) return null;
		if (!v.isArray()) throw mapping(where + (where.isEmpty() || where.endsWith(".") ? "" : ".") + name +
			": expected a list");
		return (ArrayNode) v;
	}

	/**
	 * Copies a text member when it has a value (numbers and booleans as their text); returns whether it did.
	 * An object or a list where text belongs cannot be mapped.
	 */
	private static boolean text(final JsonNode in, final String name, final ObjectNode out, final String where)
		throws ApiError
	{
		final JsonNode v = in.get(name);
		if (v == null || v.isNull()) return false;
		if (!v.isValueNode()) throw mapping(where + ": expected text");
		final String s = v.asText();
		if (s.isEmpty()) return false;
		out.put(name, s);
		return true;
	}

	static ApiError mapping(final String cause) {
		return ApiError.fail(500, MAPPING_ERROR, List.of(cause));
	}
}
