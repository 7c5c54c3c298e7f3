package io.github.biaannotations.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Recognises the submission made by a submit whose answer was lost, from the archive's list compared with what
 * the list showed just before the submit (no clocks are compared, and the list's missing versions are not needed):
 * for an update, the accession's entry changed; for a new submission, an entry with the package's title appeared
 * that was not there before, whose stored version (once there is one) was uploaded from this package. A new
 * submission is sent again only when the archive shows none and the submit is long past, so that a submit the
 * archive was still working on is never doubled into a second accession.
 */
final class SubmitRecovery {

	private final ArchiveClient client;
	private final SubmissionLookup lookup;

	SubmitRecovery(final ArchiveClient client, final SubmissionLookup lookup) {
		this.client = client;
		this.lookup = lookup;
	}

	/**
	 * Records in {@code next} what the archive lists before its submit is sent.
	 *
	 * @param sameTitle the list's entries with the package's title, when just read; null to read them
	 */
	void snapshot(final PushJournal.Entry next, final List<SubmissionSummary> sameTitle) throws ArchiveException {
		if (next.accNo != null) {
			final SubmissionSummary s = client.submission(next.accNo);
			next.mtimeBefore = s == null ? null : s.mtime;
			next.sameTitleBefore = null;
		}
		else next.sameTitleBefore = SubmissionLookup.accessions(sameTitle != null ? sameTitle : lookup.withTitle(
			next.title));
	}

	/**
	 * The submission that the submit recorded in {@code entry} made, or null when the archive shows none.
	 *
	 * @throws ArchiveException UNKNOWN_OUTCOME when several new submissions could be it
	 */
	SubmitReceipt find(final PushJournal.Entry entry, final PackageIdentity identity) throws ArchiveException {
		if (entry.accNo != null) {
			final SubmissionSummary s = client.submission(entry.accNo);
			return s != null && !Objects.equals(s.mtime, entry.mtimeBefore) ? new SubmitReceipt(entry.accNo,
				entry.version) : null;
		}
		final List<String> before = entry.sameTitleBefore == null ? Collections.emptyList() : entry.sameTitleBefore;
		final List<String> unsure = new ArrayList<>();
		for (final SubmissionSummary s : lookup.withTitle(entry.title)) {
			if (before.contains(s.accNo)) continue;
			final String root = lookup.storedRootPath(s.accNo);
			if (root == null) unsure.add(s.accNo); // not stored yet: no RootPath to tell by
			else if (identity.uploadedInto(root) || root.equals(entry.folder)) return new SubmitReceipt(s.accNo, 1);
		}
		if (unsure.size() == 1) return new SubmitReceipt(unsure.get(0), 1);
		if (unsure.isEmpty()) return null;
		throw new ArchiveException(ArchiveException.Kind.UNKNOWN_OUTCOME, "The answer to a submit of this package was " +
			"lost, and the archive now lists " + unsure.size() + " new submissions titled '" + entry.title + "': " +
			String.join(", ", unsure) + ". Push cannot tell which one is this package's and does not submit it " +
			"again; once one of them is stored, push again to follow it ('bia-annotations submissions' lists them)",
			null);
	}

	/**
	 * Whether a submit that the archive does not show may be sent again: only long after it was sent, when the
	 * archive cannot still be working on it (an update makes no new accession and may go again at once).
	 */
	static boolean maySendAgain(final PushJournal.Entry entry, final Instant now, final Duration settle) {
		if (entry.accNo != null) return true;
		final Instant sent = entry.startedAt == null ? null : Instant.parse(entry.startedAt);
		return sent == null || !now.isBefore(sent.plus(settle));
	}
}
