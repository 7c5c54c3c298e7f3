package io.github.biaannotations.model;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The archive's rule for file paths (archive-api.md): only {@code 0-9A-Za-z!-_*'(). /}, no leading
 * {@code ./}, no trailing {@code /}, no {@code ../}. Names from users are made to follow it.
 */
public final class ArchivePaths {

	public static final Pattern RULE = Pattern.compile("^(?!\\./)(?!.*/$)(?!.*\\.\\./)[0-9A-Za-z!\\-_*'(). /]+$");
	private static final Pattern NOT_ALLOWED = Pattern.compile("[^0-9A-Za-z!\\-_*'(). ]");

	private ArchivePaths() {}

	public static boolean isValid(final String path) {
		return RULE.matcher(path).matches();
	}

	/**
	 * A file or folder name that the rule accepts: accents are dropped, other characters become {@code _},
	 * runs of dots are reduced to one, and an empty result becomes {@code _}.
	 */
	public static String safeName(final String name) {
		String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		s = NOT_ALLOWED.matcher(s).replaceAll("_").replaceAll("\\.{2,}", ".").trim();
		if (s.startsWith(".")) s = "_" + s.substring(1);
		return s.isEmpty() ? "_" : s;
	}
}
