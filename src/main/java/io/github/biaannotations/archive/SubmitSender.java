package io.github.biaannotations.archive;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends a push's submit, once. A refusal by the archive itself is definite (the record goes back to what it was,
 * and the refusal says what to do when the user cannot fix it in the package); an answer that was lost, or a
 * gateway's error page, is resolved by asking the archive ({@link SubmitRecovery}), never by sending blindly: an
 * update (which makes no new accession) is sent again when the archive shows nothing of it, a new submission only
 * by a later push, long after.
 */
final class SubmitSender {

	private static final ObjectMapper JSON = new ObjectMapper();
	/** How often the archive's list is read after a lost answer before the push stops and says to come back. */
	private static final int LOOKS_AFTER_LOSS = 3;

	private final ArchiveClient client;
	private final SubmitRecovery recovery;
	private final PushListener listener;
	private final Duration firstPoll;
	private final Duration resendAfter;

	SubmitSender(final ArchiveClient client, final SubmitRecovery recovery, final PushListener listener,
		final Duration firstPoll, final Duration resendAfter)
	{
		this.client = client;
		this.recovery = recovery;
		this.listener = listener;
		this.firstPoll = firstPoll;
		this.resendAfter = resendAfter;
	}

	/**
	 * Sends the submit once. A definite refusal restores the record to {@code before}; a lost answer is resolved
	 * by asking the archive, never by sending blindly.
	 */
	SubmitReceipt send(final ObjectNode pageTab, final PushJournal.Entry next, final PackageIdentity identity,
		final PushJournal journal, final String archive, final PushJournal.Entry before) throws ArchiveException
	{
		final byte[] body;
		try {
			body = JSON.writeValueAsBytes(pageTab);
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot encode submission.json", e);
		}
		try {
			return client.submitAsync(body);
		}
		catch (final ArchiveException e) {
			if (definite(e)) {
				journal.put(archive, client.login(), before);
				throw advised(e);
			}
		}
		listener.step("The answer to the submit was lost: asking the archive whether it arrived");
		for (int look = 1; look <= LOOKS_AFTER_LOSS; look++) {
			final SubmitReceipt found;
			try {
				found = recovery.find(next, identity);
			}
			catch (final ArchiveException ask) {
				if (ask.kind() == ArchiveException.Kind.UNKNOWN_OUTCOME) throw ask;
				throw new ArchiveException(ArchiveException.Kind.UNKNOWN_OUTCOME, "The submit was sent but its answer " +
					"was lost, and the archive cannot be asked now (" + ask.getMessage() + "). Push again later: it " +
					"checks before submitting, so nothing is submitted twice.", ask.request(), ask.status(), null, null,
					ask);
			}
			if (found != null) return found;
			pause(firstPoll.multipliedBy(look));
		}
		if (next.accNo != null) {
			// an update makes no new accession: sent again, the archive takes it, or says that it has it already
			listener.step("The archive did not receive it: submitting again");
			try {
				return client.submitAsync(body);
			}
			catch (final ArchiveException e) {
				if (!(e.serverMessage() != null && e.serverMessage().contains("is currently being processed"))) {
					if (definite(e)) journal.put(archive, client.login(), before);
					throw advised(e);
				}
				return new SubmitReceipt(next.accNo, 0);
			}
		}
		throw new ArchiveException(ArchiveException.Kind.UNKNOWN_OUTCOME, "The submit was sent but its answer was lost, " +
			"and the archive does not list the submission (yet): it may still be working on it. Push again after " +
			Instant.parse(next.startedAt).plus(resendAfter) + " (UTC): push looks first, and submits again only if the " +
			"archive never received it, so nothing is submitted twice.", null);
	}

	/** Whether a failed submit surely did nothing: a refusal by the archive itself, or nothing sent at all. */
	private static boolean definite(final ArchiveException e) {
		switch (e.kind()) {
			case REJECTED:
			case AUTHENTICATION:
			case USAGE:
			case CONNECTION:
				return true;
			case SERVER:
				return e.fromArchive() && e.serverMessage() != null;
			default:
				return false;
		}
	}

	/** The refusal with what to do about it, when the archive's message is one the user cannot fix in the package. */
	private ArchiveException advised(final ArchiveException e) {
		final String advice = ArchiveAdvice.forRefusal(e.serverMessage(), client.login());
		if (advice == null) return e;
		return new ArchiveException(e.kind(), e.getMessage() + "\n" + advice, e.request(), e.status(), e.serverMessage(),
			e.details(), e.fromArchive(), e);
	}

	private static void pause(final Duration d) throws ArchiveException {
		try {
			Thread.sleep(d.toMillis());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Interrupted while asking the archive", e);
		}
	}
}
