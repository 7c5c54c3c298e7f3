package io.github.biaannotations.archive;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.metadata.PageTabAttributes;
import io.github.biaannotations.metadata.ReleaseDates;

/**
 * The release date and DOI a push sends, and what the user is told about them (archive-server-facts.md, 7 and 8).
 * "Today" is the UTC date, and a study released today is public as soon as it is processed. A new submission is
 * sent with the release date given to push, else the package's; when that is today and the user chose it neither
 * at export nor at push, the push asks first. An update keeps the stored version's release date (the archive
 * refuses to change that of a public study, and the package's may be an export's default) unless push is given
 * one for a study not yet public, and keeps the stored DOI, which the archive refuses to see removed.
 */
final class ReleasePlan {

	/** The release date to send. */
	final LocalDate date;
	/** The DOI to send (the stored version's), or null to send the package's as it is. */
	final String doi;
	/** What the user is told before the upload. */
	final List<String> notes = new ArrayList<>();
	/** The question needing the user's yes before anything is sent; null when none is needed. */
	final String question;

	private ReleasePlan(final LocalDate date, final String doi, final String question) {
		this.date = date;
		this.doi = doi;
		this.question = question;
	}

	/**
	 * @param pageTab the package's PageTab
	 * @param accNo the accession updated, or null for a new submission
	 * @param stored the stored PageTab of {@code accNo}'s latest version, or null (a new submission)
	 * @param given the release date given to push, or null
	 * @param chosenAtExport whether the package's release date was the user's choice at export
	 * @throws ArchiveException USAGE for a release date that cannot be sent
	 */
	static ReleasePlan decide(final JsonNode pageTab, final String accNo, final JsonNode stored, final LocalDate given,
		final boolean chosenAtExport, final LocalDate today) throws ArchiveException
	{
		final LocalDate own = date(PageTabAttributes.value(pageTab, "ReleaseDate"), "submission.json's ReleaseDate");
		if (given != null && given.isBefore(today)) throw new ArchiveException(ArchiveException.Kind.USAGE, "The " +
			"release date " + given + " is in the past (today is " + today + " in UTC, as the archive counts it)", null);
		if (stored == null) {
			if (given == null && own != null && own.isBefore(today)) throw new ArchiveException(ArchiveException.Kind.USAGE,
				"The package's release date " + own + " is in the past (today is " + today + " in UTC, as the archive " +
					"counts it), and the archive refuses it: push with --release-date YYYY-MM-DD (today or later), or " +
					"export again with --release-date", null);
			return forNew(given != null ? given : own, given != null || chosenAtExport, today);
		}
		final LocalDate kept = date(PageTabAttributes.value(stored, "ReleaseDate"), accNo + "'s stored ReleaseDate");
		final String doi = PageTabAttributes.value(stored, "DOI");
		final String ownDoi = PageTabAttributes.value(pageTab, "DOI");
		final boolean isPublic = kept != null && ReleaseDates.publicAtOnce(kept, today);
		final ReleasePlan plan;
		if (isPublic) {
			if (given != null && !given.equals(kept)) throw new ArchiveException(ArchiveException.Kind.USAGE, accNo +
				" is public since " + kept + ", and the archive does not let the release date of a public study " +
				"change: push without --release-date (the new version keeps " + kept + ")", null);
			plan = new ReleasePlan(kept, doi, null);
			plan.notes.add(accNo + " is public (released " + kept + "): the new version keeps that release date and is " +
				"public as soon as the archive has processed it.");
			plan.notes.add("Files of " + accNo + "'s current version that this package changes or leaves out are " +
				"replaced or removed. The archive may refuse that for a public study without an administrator (the " +
				"request then ends INVALID with 'File deletion/modifications require admin permission.'): then write to " +
				ArchiveAdvice.TEAM + ".");
		}
		else {
			final LocalDate date = given != null ? given : kept != null ? kept : own;
			final boolean explicit = given != null || kept == null && chosenAtExport;
			final boolean atOnce = date != null && ReleaseDates.publicAtOnce(date, today);
			plan = new ReleasePlan(date, doi, atOnce && !explicit ? publicAtOnce(date) : null);
			if (given == null && kept != null && own != null && !own.equals(kept)) plan.notes.add("The new version " +
				"keeps " + accNo + "'s release date " + kept + " (this package says " + own + "; push --release-date " +
				"changes it).");
			plan.notes.add("The files of this package replace those of " + accNo + "'s current version.");
			if (atOnce && explicit) plan.notes.add(publicAtOnce(date) + " (as chosen).");
		}
		if (doi != null) plan.notes.add("The new version keeps " + accNo + "'s DOI " + doi + (ownDoi != null && !ownDoi
			.equals(doi) ? " (this package says " + ownDoi + ")" : "") + ".");
		return plan;
	}

	private static ReleasePlan forNew(final LocalDate date, final boolean chosen, final LocalDate today) {
		if (date == null || !ReleaseDates.publicAtOnce(date, today)) return new ReleasePlan(date, null, null);
		if (!chosen) return new ReleasePlan(date, null, publicAtOnce(date));
		final ReleasePlan plan = new ReleasePlan(date, null, null);
		plan.notes.add(publicAtOnce(date) + " (as chosen).");
		return plan;
	}

	private static String publicAtOnce(final LocalDate date) {
		return "The release date is " + date + ", today in UTC as the archive counts it: the study becomes public as " +
			"soon as the archive has processed it, and you can then no longer delete it";
	}

	/** Writes the release date and DOI into the PageTab to send. */
	void apply(final ObjectNode pageTab) {
		if (date != null) set(pageTab, "ReleaseDate", date.toString());
		if (doi != null) set(pageTab, "DOI", doi);
	}

	private static void set(final ObjectNode pageTab, final String name, final String value) {
		final ArrayNode attrs = pageTab.has("attributes") && pageTab.get("attributes").isArray() ? (ArrayNode) pageTab
			.get("attributes") : pageTab.putArray("attributes");
		for (int i = attrs.size() - 1; i >= 0; i--) {
			if (name.equalsIgnoreCase(attrs.get(i).path("name").asText())) attrs.remove(i);
		}
		attrs.addObject().put("name", name).put("value", value);
	}

	private static LocalDate date(final String value, final String what) throws ArchiveException {
		if (value == null || value.isBlank()) return null;
		try {
			return LocalDate.parse(value.trim().length() > 10 ? value.trim().substring(0, 10) : value.trim());
		}
		catch (final DateTimeParseException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, what + " '" + value + "' is not a date (YYYY-MM-DD)",
				e);
		}
	}
}
