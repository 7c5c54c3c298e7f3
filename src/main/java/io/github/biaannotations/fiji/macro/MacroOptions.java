package io.github.biaannotations.fiji.macro;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ImageJ's macro option string, as in {@code run("Export Annotations...", "output=/data/pkg
 * metadata=[/data/my study.yaml] coco")}: space-separated {@code key=value} pairs, {@code key=[value with
 * spaces]} (up to the first {@code ]}), and bare {@code key}s (ticked checkboxes of ImageJ 1.x dialogs, which
 * SciJava commands ignore). Keys are compared in lower case, as ImageJ does. Unlike ImageJ, a key given twice or a malformed pair is an error, not silently ignored.
 */
public final class MacroOptions {

	/** The value of a bare key (a ticked checkbox). */
	public static final String FLAG = "true";

	private final Map<String, String> values;
	private final java.util.Set<String> bare;

	private MacroOptions(final Map<String, String> values, final java.util.Set<String> bare) {
		this.values = Collections.unmodifiableMap(values);
		this.bare = Collections.unmodifiableSet(bare);
	}

	/**
	 * @throws IllegalArgumentException naming the key or position at fault
	 */
	public static MacroOptions parse(final String options) {
		final Map<String, String> values = new LinkedHashMap<>();
		final java.util.Set<String> bare = new java.util.HashSet<>();
		final String s = options == null ? "" : options;
		int i = 0;
		while (i < s.length()) {
			if (Character.isWhitespace(s.charAt(i))) {
				i++;
				continue;
			}
			int end = i;
			while (end < s.length() && s.charAt(end) != '=' && !Character.isWhitespace(s.charAt(end)))
				end++;
			final String key = s.substring(i, end).toLowerCase(Locale.ROOT);
			String value = FLAG;
			if (end >= s.length() || s.charAt(end) != '=') bare.add(key);
			else {
				if (key.isEmpty()) throw new IllegalArgumentException("'=' without a key at position " + end +
					" of the options: " + s);
				int start = end + 1;
				if (start < s.length() && s.charAt(start) == '[') {
					final int close = s.indexOf(']', start + 1);
					if (close < 0) throw new IllegalArgumentException(key + "=[... has no closing ']' in the options: " + s);
					value = s.substring(start + 1, close);
					end = close + 1;
				}
				else {
					end = start;
					while (end < s.length() && !Character.isWhitespace(s.charAt(end)))
						end++;
					value = s.substring(start, end);
				}
			}
			if (values.put(key, value) != null) throw new IllegalArgumentException(key + " is given twice in the " +
				"options: " + s);
			i = end;
		}
		return new MacroOptions(values, bare);
	}

	/** Keys (lower case) and values in the order given; bare keys have the value {@value #FLAG}. */
	public Map<String, String> values() {
		return values;
	}

	/** Whether the key was given bare, without {@code =value}. */
	public boolean isBare(final String key) {
		return bare.contains(key.toLowerCase(Locale.ROOT));
	}

	/** The value of a key (any case); null when absent. */
	public String get(final String key) {
		return values.get(key.toLowerCase(Locale.ROOT));
	}

	/** How ImageJ's recorder writes a value: in brackets when it holds a space (or is empty). */
	public static String quote(final String value) {
		return value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? "[" + value + "]" : value;
	}
}
