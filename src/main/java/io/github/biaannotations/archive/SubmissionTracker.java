package io.github.biaannotations.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A push's submission after the submit: recorded in the package's journal and followed until the archive is done
 * with it; and what an earlier push of the package left (a submission to follow, or a submit whose answer was lost),
 * which decides whether this push submits at all.
 */
final class SubmissionTracker {

	private final ArchiveClient client;
	private final PushListener listener;
	private final SubmitRecovery recovery;
	private final RequestFollower follower;
	private final Clock clock;
	private final Duration resendAfter;

	SubmissionTracker(final ArchiveClient client, final PushListener listener, final SubmitRecovery recovery,
		final RequestFollower follower, final Clock clock, final Duration resendAfter)
	{
		this.client = client;
		this.listener = listener;
		this.recovery = recovery;
		this.follower = follower;
		this.clock = clock;
		this.resendAfter = resendAfter;
	}

	/**
	 * What an earlier push of this package left: follows a submitted request (null when the archive no longer
	 * knows it: the record is dropped), or finds the submission of a lost answer (null: submit, when it is safe).
	 */
	PushResult resume(final PushJournal journal, final String archive, final PushJournal.Entry entry,
		final PackageIdentity identity, final int files) throws ArchiveException
	{
		if (PushJournal.SUBMITTED.equals(entry.state) || PushJournal.PROCESSED.equals(entry.state)) {
			listener.step("Already submitted as " + entry.accNo + (entry.version > 0 ? " (version " + entry.version + ")"
				: "") + ": following it, not submitting again");
			final PushResult r = followRecorded(journal, archive, entry, identity, files);
			if (r != null) return r;
			journal.put(archive, client.login(), null);
			return null;
		}
		if (!PushJournal.SUBMITTING.equals(entry.state)) return null;
		listener.step("The previous push sent a submit whose answer was lost: asking the archive");
		final SubmitReceipt found = recovery.find(entry, identity);
		if (found != null) {
			recordSubmitted(journal, archive, entry, found);
			listener.step("The archive has it: " + found.accNo);
			return follow(journal, archive, entry, identity, 0, files, 0, true);
		}
		if (!SubmitRecovery.maySendAgain(entry, clock.instant(), resendAfter)) throw new ArchiveException(
			ArchiveException.Kind.UNKNOWN_OUTCOME, "The archive does not list the submission of the submit sent at " +
				entry.startedAt + " (yet): it may still be working on it, so push does not submit again now. Push again " +
				"after " + instant(entry.startedAt).plus(resendAfter) + " (UTC): if the archive still shows none, push " +
				"submits then; nothing is ever submitted twice", null);
		listener.step("The archive never received the submit sent at " + entry.startedAt + ": submitting again");
		return null;
	}

	/** Follows a recorded request; null when the archive no longer knows it (after saying so). */
	private PushResult followRecorded(final PushJournal journal, final String archive, final PushJournal.Entry entry,
		final PackageIdentity identity, final int files) throws ArchiveException
	{
		try {
			return follower.follow(journal, archive, client.login(), entry, identity, 0, files, 0, true);
		}
		catch (final RequestFollower.Unknown e) {
			listener.step("The archive no longer knows " + entry.accNo + (entry.version > 0 ? " version " + entry.version
				: "") + " as this package's submission (the record of an archive that was reset?): pushing the package " +
				"as not submitted");
			return null;
		}
	}

	/** Follows a submission that the archive shows was made from this package by a push without a record here. */
	PushResult followFound(final PushJournal journal, final String archive, final SubmissionSummary found,
		final PackageIdentity identity, final String title, final int files) throws ArchiveException
	{
		listener.step("This package was already submitted as " + found.accNo + ": following it, not submitting again");
		final PushJournal.Entry e = new PushJournal.Entry();
		e.state = PushJournal.SUBMITTED;
		e.packageId = identity.id;
		e.folder = identity.folder;
		e.title = title;
		e.accNo = found.accNo;
		journal.put(archive, client.login(), e);
		final PushResult r = followRecorded(journal, archive, e, identity, files);
		if (r == null) throw new ArchiveException(ArchiveException.Kind.SERVER, "The archive lists " + found.accNo +
			" but gives no state for it; push again later", null);
		return r;
	}

	void recordSubmitted(final PushJournal journal, final String archive, final PushJournal.Entry entry,
		final SubmitReceipt receipt) throws ArchiveException
	{
		entry.state = PushJournal.SUBMITTED;
		entry.accNo = receipt.accNo;
		entry.version = receipt.version;
		entry.status = null;
		entry.statusSince = null;
		journal.put(archive, client.login(), entry);
	}

	PushResult follow(final PushJournal journal, final String archive, final PushJournal.Entry entry,
		final PackageIdentity identity, final int uploaded, final int skipped, final long bytes, final boolean before)
		throws ArchiveException
	{
		try {
			return follower.follow(journal, archive, client.login(), entry, identity, uploaded, skipped, bytes, before);
		}
		catch (final RequestFollower.Unknown e) {
			throw new ArchiveException(ArchiveException.Kind.SERVER, "The archive accepted " + entry.accNo + " but " +
				"knows nothing of its request; push again later to follow it", null);
		}
	}

	static Instant instant(final String text) {
		try {
			return text == null ? null : Instant.parse(text);
		}
		catch (final DateTimeParseException e) {
			return null;
		}
	}
}
