package io.github.biaannotations.fiji.commands;

import java.time.LocalDate;
import java.util.function.Predicate;

/** What the user chose for a push besides the package and the account. */
public final class PushOptions {

	private final String update;
	private final LocalDate releaseDate;
	private final Predicate<String> confirmPublic;

	/**
	 * @param update the accession of the user's submission that the package becomes the next version of; null or
	 *          blank for a new submission
	 * @param releaseDate the release date to submit with instead of the package's; null for the package's
	 * @param confirmPublic asked, with what will happen, before a push makes a study public at once; null says no
	 */
	public PushOptions(final String update, final LocalDate releaseDate, final Predicate<String> confirmPublic) {
		this.update = update == null || update.isBlank() ? null : update.trim();
		this.releaseDate = releaseDate;
		this.confirmPublic = confirmPublic == null ? question -> false : confirmPublic;
	}

	/** The accession to update, or null for a new submission. */
	public String update() { return update; }
	/** The release date given for the push, or null for the package's. */
	public LocalDate releaseDate() { return releaseDate; }
	/** Whether the user says yes to a study becoming public at once, told {@code question}. */
	public boolean confirmPublic(final String question) { return confirmPublic.test(question); }
}
