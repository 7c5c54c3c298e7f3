package io.github.biaannotations.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax checks and normal forms of the identifiers in MIFA metadata: ORCID iDs (with their ISO 7064 11,2
 * check digit), ROR ids and e-mail addresses.
 */
public final class Identifiers {

	private static final Pattern ORCID = Pattern.compile(
		"(?i)^(?:(?:https?://)?(?:www\\.)?orcid\\.org/|orcid:)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])/?$");
	private static final Pattern ROR = Pattern.compile(
		"(?i)^(?:(?:https?://)?(?:www\\.)?ror\\.org/|ror:)?(0[a-hj-km-np-tv-z0-9]{6}[0-9]{2})/?$");
	private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@.]+$");

	private Identifiers() {}

	/**
	 * The bare form {@code 0000-0002-1825-0097} of an ORCID iD written bare, as a URL
	 * ({@code https://orcid.org/...}) or as a CURIE ({@code ORCID:...}); the text unchanged when it has none of
	 * these forms, so that validation can show what was written.
	 */
	public static String normaliseOrcid(final String text) {
		if (text == null) return null;
		final Matcher m = ORCID.matcher(text.trim());
		return m.matches() ? m.group(1).toUpperCase() : text;
	}

	/** True when the text is an ORCID iD in one of the accepted forms (any check digit). */
	public static boolean isOrcidSyntax(final String text) {
		return text != null && ORCID.matcher(text.trim()).matches();
	}

	/** True when the ORCID iD (any accepted form) has the right check digit (ISO 7064 MOD 11-2). */
	public static boolean hasValidOrcidCheckDigit(final String text) {
		if (!isOrcidSyntax(text)) return false;
		final String digits = normaliseOrcid(text).replace("-", "");
		return orcidCheckDigit(digits.substring(0, 15)) == digits.charAt(15);
	}

	/** The check digit ({@code 0-9} or {@code X}) for the first 15 digits of an ORCID iD. */
	public static char orcidCheckDigit(final String first15Digits) {
		int total = 0;
		for (int i = 0; i < first15Digits.length(); i++)
			total = (total + (first15Digits.charAt(i) - '0')) * 2;
		final int result = (12 - total % 11) % 11;
		return result == 10 ? 'X' : (char) ('0' + result);
	}

	/** True when the text is a ROR id, bare ({@code 02catss52}), as a URL or as a CURIE ({@code ROR:...}). */
	public static boolean isRorSyntax(final String text) {
		return text != null && ROR.matcher(text.trim()).matches();
	}

	/** True when the text looks like an e-mail address: one {@code @}, no blanks, a dot in the domain. */
	public static boolean isEmailSyntax(final String text) {
		return text != null && EMAIL.matcher(text.trim()).matches();
	}
}
