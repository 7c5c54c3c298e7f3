package io.github.biaannotations.metadata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.github.biaannotations.model.OptionException;

/**
 * Release dates as the archive counts them: "today" is the UTC date (archive-server-facts.md, 8), and a study
 * whose release date is today or earlier is public as soon as the archive has processed it; its author can then
 * no longer delete it.
 */
public final class ReleaseDates {

	private ReleaseDates() {}

	/** Today's date in UTC, the archive's today. */
	public static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/** Today's date in UTC by {@code clock}. */
	public static LocalDate today(final Clock clock) {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * Parses a release date as users type it, {@code YYYY-MM-DD}.
	 *
	 * @param option how the user gave it ({@code --release-date}, {@code release_date}), for the message
	 * @throws OptionException naming the option and the text when it is not such a date
	 */
	public static LocalDate parse(final String text, final String option) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (final DateTimeParseException e) {
			throw new OptionException(option, option + " '" + text + "' is not a date of the form YYYY-MM-DD");
		}
	}

	/** Whether a study released on {@code date} is public as soon as the archive processes it. */
	public static boolean publicAtOnce(final LocalDate date, final LocalDate today) {
		return !date.isAfter(today);
	}
}
