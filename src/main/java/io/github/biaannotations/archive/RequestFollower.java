package io.github.biaannotations.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a submission request until the archive is done with it: POST_PROCESSED or INVALID. PROCESSED is not the
 * end (the archive takes no new version until POST_PROCESSED); a request that stays PROCESSED past a short wait
 * ends the push with a result that says the archive is still post-processing. A request whose status stops moving
 * (the real archive keeps a failed stage's status and never marks it INVALID) ends with a clear message once it
 * has not moved for a bound, counted across pushes from the journal. When the request itself is no longer there
 * (the archive archives finished requests), the user's list of submissions tells the state.
 */
final class RequestFollower {

	private final ArchiveClient client;
	private final PushListener listener;
	private final Clock clock;
	Duration firstPoll = Duration.ofMillis(100);
	Duration maxPoll = Duration.ofSeconds(20);
	Duration maxWait = Duration.ofHours(2);
	Duration stallAfter = Duration.ofHours(1);
	Duration postProcessWait = Duration.ofMinutes(2);

	RequestFollower(final ArchiveClient client, final PushListener listener, final Clock clock) {
		this.client = client;
		this.listener = listener;
		this.clock = clock;
	}

	/** A status, and whether it is the end; the list's errors for an INVALID found there. */
	private static final class Seen {

		final String status;
		final List<String> errors;

		Seen(final String status, final List<String> errors) {
			this.status = status;
			this.errors = errors;
		}
	}

	/** What the archive knows of a request it no longer lists by accession (a stale record): nothing to follow. */
	static final class Unknown extends Exception {

		private static final long serialVersionUID = 1L;
	}

	/**
	 * Polls the request of {@code entry} until it ends, records what it saw in the journal and returns the end.
	 *
	 * @param ours tells whether a stored version's RootPath is this package's (a record is checked by it when its
	 *          request is gone)
	 * @throws Unknown when the archive knows nothing of the request (nor lists the accession as this package's)
	 */
	PushResult follow(final PushJournal journal, final String archive, final String login,
		final PushJournal.Entry entry, final PackageIdentity ours, final int uploaded, final int skipped,
		final long bytes, final boolean before) throws ArchiveException, Unknown
	{
		final Instant started = clock.instant();
		Instant since = parse(entry.statusSince);
		long wait = firstPoll.toMillis();
		String last = null;
		while (true) {
			final Seen seen = status(entry, ours);
			if (seen == null) throw new Unknown();
			final Instant now = clock.instant();
			if (!seen.status.equals(entry.status) || since == null) {
				if (!seen.status.equals(entry.status)) since = now;
				entry.status = seen.status;
				entry.statusSince = since.toString();
				journal.put(archive, login, entry);
			}
			if (!seen.status.equals(last)) listener.step("Submission " + entry.accNo + ": " + seen.status);
			last = seen.status;
			if ("POST_PROCESSED".equals(seen.status) || "INVALID".equals(seen.status)) {
				final boolean invalid = "INVALID".equals(seen.status);
				final List<String> errors = !invalid ? new ArrayList<>() : seen.errors != null ? seen.errors : client
					.requestErrors(entry.accNo, entry.version);
				entry.state = invalid ? PushJournal.INVALID : PushJournal.PROCESSED;
				journal.put(archive, login, entry);
				return new PushResult(entry.accNo, entry.version, seen.status, errors, uploaded, skipped, bytes, before,
					false);
			}
			if ("PROCESSED".equals(seen.status)) {
				if (!now.isBefore(since.plus(postProcessWait))) {
					listener.step("The archive has stored " + entry.accNo + " and is still post-processing it (since " +
						since + "): a new version of it is taken only once that is done (POST_PROCESSED); push again " +
						"later to see it finished" + (Duration.between(since, now).compareTo(stallAfter) > 0 ? ". This has " +
							"lasted " + minutes(since, now) + ": if it goes on, write to " + ArchiveAdvice.TEAM + " about " +
							entry.accNo : ""));
					return new PushResult(entry.accNo, entry.version, seen.status, new ArrayList<>(), uploaded, skipped,
						bytes, before, true);
				}
			}
			else if (Duration.between(since, now).compareTo(stallAfter) >= 0) throw stalled(entry, since, now);
			if (Duration.between(started, now).compareTo(maxWait) > 0) throw new ArchiveException(
				ArchiveException.Kind.SERVER, "Submission " + entry.accNo + " is still " + seen.status + " after " + maxWait
					.toMinutes() + " min; push again later to follow it (it will not be submitted twice)", null);
			sleep(wait, entry);
			wait = Math.min(maxPoll.toMillis(), wait * 3 / 2 + 1);
		}
	}

	/**
	 * The request's status; when the request is gone or its version unknown, the state the user's list gives
	 * (there PROCESSED means that no request is active any more, i.e. POST_PROCESSED); null when neither knows it.
	 */
	private Seen status(final PushJournal.Entry entry, final PackageIdentity ours) throws ArchiveException {
		if (entry.version > 0) {
			final String s = client.requestStatusIfAny(entry.accNo, entry.version);
			if (s != null) return new Seen(s, null);
		}
		final SubmissionSummary listed = client.submission(entry.accNo);
		if (listed == null || listed.status == null) return null;
		// a record whose request is gone is trusted only when the stored version is this package's
		if (entry.version > 0 && !ours.uploadedInto(new SubmissionLookup(client).storedRootPath(entry.accNo))) return null;
		if ("PROCESSED".equalsIgnoreCase(listed.status)) return new Seen("POST_PROCESSED", null);
		if ("INVALID".equalsIgnoreCase(listed.status)) return new Seen("INVALID", listed.errors);
		return new Seen(listed.status, null);
	}

	private ArchiveException stalled(final PushJournal.Entry entry, final Instant since, final Instant now) {
		return new ArchiveException(ArchiveException.Kind.SERVER, "Submission " + entry.accNo + (entry.version > 0
			? " (version " + entry.version + ")" : "") + " has been " + entry.status + " since " + since + " (" + minutes(
				since, now) + ") without moving on. The archive keeps the status of a stage that failed and never marks " +
			"such a request INVALID, so it has most likely failed there: write to " + ArchiveAdvice.TEAM + " quoting " +
			entry.accNo + ". Nothing more is submitted for this package; a later push asks again and follows the " +
			"request if it moves on (to submit the package anew as a new submission, export it again)", null);
	}

	private static String minutes(final Instant since, final Instant now) {
		final long m = Duration.between(since, now).toMinutes();
		return m >= 120 ? m / 60 + " h" : m + " min";
	}

	private static Instant parse(final String instant) {
		try {
			return instant == null ? null : Instant.parse(instant);
		}
		catch (final DateTimeParseException e) {
			return null;
		}
	}

	private static void sleep(final long millis, final PushJournal.Entry entry) throws ArchiveException {
		try {
			Thread.sleep(millis);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Interrupted while following " + entry.accNo, e);
		}
	}
}
