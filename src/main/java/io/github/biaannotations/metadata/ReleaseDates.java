package io.github.biaannotations.metadata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

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

	/** Whether a study released on {@code date} is public as soon as the archive processes it. */
	public static boolean publicAtOnce(final LocalDate date, final LocalDate today) {
		return !date.isAfter(today);
	}
}
