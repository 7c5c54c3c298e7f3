package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the attributes of a PageTab JSON submission, section or file. Names are matched regardless of case, so
 * that the package validator, the push and the local archive read a submission the same way.
 */
public final class PageTabAttributes {

	private PageTabAttributes() {}

	/** The value of the first attribute of {@code owner} called {@code name}; null when none has a value. */
	public static String value(final JsonNode owner, final String name) {
		for (final JsonNode a : owner.path("attributes"))
			if (name.equalsIgnoreCase(a.path("name").asText())) return text(a);
		return null;
	}

	/** The values of every attribute of {@code owner} called {@code name}, in order (a section's File Lists). */
	public static List<String> values(final JsonNode owner, final String name) {
		final List<String> values = new ArrayList<>();
		for (final JsonNode a : owner.path("attributes"))
			if (name.equalsIgnoreCase(a.path("name").asText()) && text(a) != null) values.add(text(a));
		return values;
	}

	private static String text(final JsonNode attribute) {
		final JsonNode v = attribute.get("value");
		return v == null || v.isNull() ? null : v.asText();
	}
}
