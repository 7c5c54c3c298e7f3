package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the text values of the metadata model. */
final class Values {

	private Values() {}

	/** The text without surrounding blanks, or null when nothing is left. */
	static String trim(final String s) {
		if (s == null) return null;
		final String t = s.trim();
		return t.isEmpty() ? null : t;
	}

	static boolean isBlank(final String s) {
		return trim(s) == null;
	}

	/** A copy of a YAML value made of maps, lists and strings, deep enough that edits do not leak. */
	@SuppressWarnings("unchecked")
	static <T> T deepCopy(final T value) {
		if (value instanceof Map) {
			final Map<String, Object> copy = new LinkedHashMap<>();
			((Map<String, Object>) value).forEach((k, v) -> copy.put(k, deepCopy(v)));
			return (T) copy;
		}
		if (value instanceof List) {
			final List<Object> copy = new ArrayList<>();
			for (final Object v : (List<Object>) value)
				copy.add(deepCopy(v));
			return (T) copy;
		}
		return value;
	}
}
