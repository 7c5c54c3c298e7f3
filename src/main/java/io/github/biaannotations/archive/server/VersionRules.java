package io.github.biaannotations.archive.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real server's rules on a submit's release date and DOI against the accession's persisted version
 * (archive-server-facts.md §7, §8; {@code TimesService.kt}, {@code DoiService.kt}). Each broken rule is a 400
 * "Submission validation errors" cause, in the real server's words.
 */
final class VersionRules {

	/** The prefix of the DOIs the real server mints ({@code BS_DOI_ID}). */
	static final String DOI_PREFIX = "10.6019";

	private VersionRules() {}

	/** The release date of a PageTab as the instant the real server stores: its day's start, UTC. */
	static Instant releaseTime(final String releaseDate) {
		return LocalDate.parse(releaseDate.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * The release-date rules, unless the account may change release dates (a superuser or collection admin): a
	 * first version may not be released before today (the UTC date), and the release date of a public study
	 * cannot change. The release date of an earlier version that is not yet public may change to any date, even
	 * a past one, as on the real server.
	 *
	 * @param previous the persisted version's request, or null
	 */
	static List<String> releaseDate(final PageTabChecker.Result check, final SubmissionRecord.Request previous,
		final boolean mayChangeReleaseDate, final Instant now)
	{
		final List<String> problems = new ArrayList<>();
		if (mayChangeReleaseDate || check.releaseDate == null) return problems;
		final Instant release;
		try {
			release = releaseTime(check.releaseDate);
		}
		catch (final DateTimeParseException e) {
			return problems; // reported by the checker
		}
		final Instant today = now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
		if (previous == null) {
			if (release.isBefore(today)) problems.add("Release date cannot be in the past");
		}
		else if (previous.rtime != null && !Instant.parse(previous.rtime).isAfter(now) && !release.equals(Instant
			.parse(previous.rtime))) problems.add("The release date of a public study cannot be changed");
		return problems;
	}

	/**
	 * The DOI rules: an earlier DOI must be carried over unchanged, and a new DOI attribute (any value) needs a
	 * title and an organisation, for the DOI the real server then registers.
	 *
	 * @param previousDoi the persisted version's DOI, or null
	 */
	static List<String> doi(final JsonNode pageTab, final PageTabChecker.Result check, final String previousDoi) {
		final List<String> problems = new ArrayList<>();
		if (previousDoi != null) {
			if (check.doi == null) problems.add("The previous DOI: '" + previousDoi + "' cannot be removed");
			else if (!check.doi.isEmpty() && !check.doi.equals(previousDoi)) problems.add("The given DOI '" + check.doi +
				"' should match the previous DOI '" + previousDoi + "'");
		}
		else if (check.doi != null) {
			if (check.title == null) problems.add("A title is required for DOI registration");
			else if (!hasOrganisation(pageTab.path("section"))) problems.add(
				"The required DOI field 'Organization' could not be found");
		}
		return problems;
	}

	/** The DOI of the new version: the earlier one, {@code 10.6019/<accNo>} for a new DOI attribute, or null. */
	static String doiOf(final PageTabChecker.Result check, final String previousDoi, final String accNo) {
		if (previousDoi != null) return previousDoi;
		return check.doi == null ? null : DOI_PREFIX + "/" + accNo;
	}

	private static boolean hasOrganisation(final JsonNode section) {
		final String type = section.path("type").asText("").toLowerCase(Locale.ROOT);
		if (type.equals("organization") || type.equals("organisation")) return true;
		for (final JsonNode sub : PageTabChecker.elements(section.path("subsections"))) {
			if (hasOrganisation(sub)) return true;
		}
		return false;
	}
}
