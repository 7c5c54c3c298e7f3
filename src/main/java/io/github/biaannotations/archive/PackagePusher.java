package io.github.biaannotations.archive;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.metadata.ReleaseDates;

/**
 * Pushes a submission package (a folder with {@code submission.json}, PageTab JSON, and the files it lists) to the
 * archive, as the real archive behaves (archive-server-facts.md): signs in, uploads every file into a user-area
 * folder of this package's own (its name carries the package's identity, the sha256 of its manifest, so another
 * export never shares it), submits with {@code RootPath} set to that folder, and follows the request until it is
 * POST_PROCESSED or INVALID. A second push of the same package resumes: it never submits twice, and after a submit
 * whose answer was lost it asks the archive before anything else. A different package (another export) is never
 * taken for one pushed before. With {@link #updating} the package becomes the next version of an existing
 * submission, keeping its release date and DOI. A push that would make a study public at once asks first.
 */
public final class PackagePusher {

	/** What an accession looks like: S-BIAD1752, S-BSST12, E-MTAB-123. */
	private static final Pattern ACCESSION = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

	private final ArchiveClient client;
	private final PushListener listener;
	private final SubmissionLookup lookup;
	private final SubmitRecovery recovery;
	private Clock clock = Clock.systemUTC();
	private Duration firstPoll = Duration.ofMillis(100);
	private Duration maxPoll = Duration.ofSeconds(20);
	private Duration maxWait = Duration.ofHours(2);
	private Duration stallAfter = Duration.ofHours(1);
	private Duration postProcessWait = Duration.ofMinutes(2);
	private Duration resendAfter = Duration.ofMinutes(15);
	private String update;
	private LocalDate releaseDate;
	private PublicRelease publicRelease = PublicRelease.REFUSE;
	private UploadLimits uploads = UploadLimits.DEFAULT;

	public PackagePusher(final ArchiveClient client, final PushListener listener) {
		this.client = client;
		this.listener = listener == null ? PushListener.NONE : listener;
		this.lookup = new SubmissionLookup(client);
		this.recovery = new SubmitRecovery(client, lookup);
	}

	/**
	 * Status polls start {@code first} apart (default 100 ms: the archive may be done at once) and slow down to
	 * {@code max} (default 20 s, what the official client uses).
	 */
	public PackagePusher pollEvery(final Duration first, final Duration max) {
		this.firstPoll = first;
		this.maxPoll = max;
		return this;
	}

	/** How long to follow a request before giving up (a later push picks it up again); default 2 h. */
	public PackagePusher waitAtMost(final Duration wait) {
		this.maxWait = wait;
		return this;
	}

	/**
	 * How long a request may keep one status before the push takes it to have failed there (the real archive keeps
	 * a failed stage's status), counted across pushes; default 1 h.
	 */
	public PackagePusher stallAfter(final Duration stall) {
		this.stallAfter = stall;
		return this;
	}

	/** How long to wait for POST_PROCESSED once the archive has stored the submission (PROCESSED); default 2 min. */
	public PackagePusher postProcessingAtMost(final Duration wait) {
		this.postProcessWait = wait;
		return this;
	}

	/**
	 * How long after a new submission's lost submit, which the archive does not show, it may be sent again: the
	 * archive may still be working on it (default 15 min). Never sooner, so that no second accession is made.
	 */
	public PackagePusher resendAfter(final Duration wait) {
		this.resendAfter = wait;
		return this;
	}

	/**
	 * Submits the package as the next version of the user's existing submission {@code accNo} (the archive keeps
	 * the accession and replaces its content) instead of as a new submission; null (the default) for a new one.
	 *
	 * @throws IllegalArgumentException when {@code accNo} does not look like an accession
	 */
	public PackagePusher updating(final String accNo) {
		this.update = accession(accNo);
		return this;
	}

	/**
	 * The release date to send instead of the package's (for an update, instead of the stored version's, which a
	 * public study keeps); giving it is the user's explicit choice, also of today. Null (default): the package's.
	 */
	public PackagePusher releaseDate(final LocalDate date) {
		this.releaseDate = date;
		return this;
	}

	/** Who says yes or no before the push makes a study public at once; default {@link PublicRelease#REFUSE}. */
	public PackagePusher confirmingPublicRelease(final PublicRelease confirm) {
		this.publicRelease = confirm == null ? PublicRelease.REFUSE : confirm;
		return this;
	}

	/** How files are grouped into upload requests and how many are sent at once (tests). */
	PackagePusher uploads(final UploadLimits limits) {
		this.uploads = limits;
		return this;
	}

	/** The clock for the archive's today and for the journal's times (tests). */
	PackagePusher clock(final Clock c) {
		this.clock = c;
		return this;
	}

	/**
	 * {@code accNo} trimmed and in upper case, as the archive writes accessions; null when blank.
	 *
	 * @throws IllegalArgumentException when it does not look like an accession
	 */
	public static String accession(final String accNo) {
		final String a = accNo == null || accNo.isBlank() ? null : accNo.trim().toUpperCase(Locale.ROOT);
		if (a != null && !ACCESSION.matcher(a).matches()) throw new IllegalArgumentException("'" + accNo +
			"' is not an accession (such as S-BIAD1752)");
		return a;
	}

	/** The folder of the user area that the package in {@code dir} is uploaded into. */
	public static String remoteFolder(final Path dir) throws ArchiveException {
		return PackageIdentity.of(dir, PackageFiles.scan(dir)).folder;
	}

	/**
	 * Pushes the package in {@code dir}.
	 *
	 * @return the accession and the final status; INVALID results carry the archive's errors
	 * @throws ArchiveException when the package is unusable, the archive cannot be reached or refuses a step
	 */
	public PushResult push(final Path dir) throws ArchiveException {
		final ObjectNode pageTab = PushedPageTab.read(dir);
		final List<PackageFiles.Entry> files = PackageFiles.scan(dir);
		final PackageIdentity identity = PackageIdentity.of(dir, files);
		final String archive = client.baseUri().toString();
		final PushJournal journal = PushJournal.read(dir);
		final SubmissionTracker tracker = new SubmissionTracker(client, listener, recovery, follower(), clock,
			resendAfter);
		final String title = PushedPageTab.title(pageTab);
		PushJournal.Entry entry = journal.get(archive, client.login());
		PushJournal.Entry other = null;
		if (entry != null && !identity.id.equals(entry.packageId)) {
			other = entry; // a different package was pushed from this folder: never taken for this one
			entry = null;
		}
		if (update != null && entry != null && entry.accNo != null && !update.equals(entry.accNo) && submitted(entry)) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "This package was already submitted to " +
				archive + " as " + entry.accNo + "; it cannot also update " + update + ". Export it again into a new " +
				"folder to update " + update + ".", null);
		}
		if (!client.signedIn()) client.signIn();
		listener.step("Signed in to " + archive + " as " + client.login());
		if (other != null && other.accNo != null) listener.step("This folder was pushed before as " + other.accNo +
			" from another export: this is a different package (its manifest differs) and is not taken for " + other
				.accNo + (update == null ? "; it becomes a new submission (push --update " + other.accNo + " makes it " +
					other.accNo + "'s next version instead)" : ""));
		if (entry != null) {
			final PushResult resumed = tracker.resume(journal, archive, entry, identity, files.size());
			if (resumed != null) return resumed;
			entry = journal.get(archive, client.login());
		}

		// where the submit goes: a new accession, or the next version of a stored one
		String target = update;
		List<SubmissionSummary> sameTitle = null;
		if (target == null && entry != null && PushJournal.INVALID.equals(entry.state)) {
			if (entry.update) {
				target = entry.accNo;
				listener.step("The last version of " + target + " was invalid: submitting the package again as its next " +
					"version");
			}
			else listener.step(entry.accNo + " was invalid and the archive never stored a version of it; it does " +
				"not let that accession be used again: submitting the package as a new submission");
		}
		else if (target == null && entry != null && entry.accNo != null) target = entry.accNo; // a lost update
		else if (target == null && entry == null) {
			sameTitle = earlierPushes(title);
			final SubmissionSummary mine = sameTitle == null ? null : lookup.storedFrom(sameTitle, identity);
			if (mine != null) return tracker.followFound(journal, archive, mine, identity, title, files.size());
			if (sameTitle != null && !sameTitle.isEmpty()) listener.step("Your submissions " + String.join(", ",
				SubmissionLookup.accessions(sameTitle)) + " have the same title but come from other packages: this push " +
				"makes a new submission (push --update ACCESSION makes the package one of theirs' next version instead)");
		}
		final JsonNode stored = target == null ? null : checkedTarget(target);

		// the release date and DOI, and the user's yes when the study would be public at once
		final ReleasePlan plan = ReleasePlan.decide(pageTab, target, stored, releaseDate, identity.releaseDateChosen,
			ReleaseDates.today(clock));
		for (final String note : plan.notes) {
			listener.step(note);
		}
		if (plan.question != null && !publicRelease.confirm(plan.question)) throw new ArchiveException(
			ArchiveException.Kind.USAGE, "Not submitted: " + plan.question + ". To submit it so, give that release date " +
				"explicitly (push --release-date " + plan.date + ", or release_date=" + plan.date + " in Fiji); for a " +
				"later release, give a later date.", null);
		plan.apply(pageTab);

		final long[] uploaded = new PackageUpload(client, listener, uploads).upload(files, identity.folder, entry ==
			null ? null : SubmissionTracker.instant(entry.startedAt));
		PushedPageTab.setRootPath(pageTab, identity.folder);
		if (target != null) pageTab.put("accno", target);
		final PushJournal.Entry next = new PushJournal.Entry();
		next.state = PushJournal.SUBMITTING;
		next.packageId = identity.id;
		next.folder = identity.folder;
		next.title = title;
		next.accNo = target;
		next.update = target != null;
		recovery.snapshot(next, sameTitle);
		next.startedAt = clock.instant().toString();
		journal.put(archive, client.login(), next);
		final PushJournal.Entry before = entry != null && !PushJournal.SUBMITTING.equals(entry.state) ? entry : entry ==
			null ? other : null;
		final SubmitReceipt receipt = new SubmitSender(client, recovery, listener, firstPoll, resendAfter).send(pageTab,
			next, identity, journal, archive, before);
		tracker.recordSubmitted(journal, archive, next, receipt);
		listener.step("Submitted: " + receipt.accNo + (receipt.version > 0 ? " version " + receipt.version : ""));
		return tracker.follow(journal, archive, next, identity, (int) uploaded[0], (int) uploaded[1], uploaded[2], false);
	}

	/** Whether a record says that the package was submitted and the archive kept it (not a refused first version). */
	private static boolean submitted(final PushJournal.Entry entry) {
		return !PushJournal.INVALID.equals(entry.state) || entry.update;
	}

	/** The stored PageTab of the accession to update, after checking that a new version of it can be sent. */
	private JsonNode checkedTarget(final String target) throws ArchiveException {
		final JsonNode stored;
		try {
			stored = client.storedPageTab(target);
		}
		catch (final ArchiveException e) {
			if (e.kind() != ArchiveException.Kind.REJECTED) throw e;
			throw new ArchiveException(ArchiveException.Kind.USAGE, target + " is not a submission of " + client.login() +
				" at " + client.baseUri() + " (" + e.getMessage() + ")", e);
		}
		if (stored == null) throw new ArchiveException(ArchiveException.Kind.USAGE, target + " is not a submission of " +
			client.login() + " at " + client.baseUri() + " with a stored version (the archive has none: no such " +
			"accession, or its first version is still processing or was invalid); nothing to update", null);
		final SubmissionSummary listed = client.submission(target);
		if (listed != null && "PROCESSING".equalsIgnoreCase(listed.status)) throw new ArchiveException(
			ArchiveException.Kind.USAGE, "The archive is still processing a version of " + target + " and takes no " +
				"new version until it is finished (POST_PROCESSED); push again later ('bia-annotations submissions " +
				"--accession " + target + "' shows its state)", null);
		listener.step("Updating " + target + " (" + PushedPageTab.title(stored) + ")");
		return stored;
	}

	/**
	 * Without a record of earlier pushes (another machine, a deleted record), the user's submissions with the
	 * package's title, to see whether it was submitted already. Best effort: when the list cannot be read, null.
	 */
	private List<SubmissionSummary> earlierPushes(final String title) throws ArchiveException {
		try {
			return lookup.withTitle(title);
		}
		catch (final ArchiveException e) {
			if (e.kind() == ArchiveException.Kind.CONNECTION) throw e;
			listener.step("Could not search the archive for an earlier push of this package (" + e.getMessage() + ")");
			return null;
		}
	}

	private RequestFollower follower() {
		final RequestFollower f = new RequestFollower(client, listener, clock);
		f.firstPoll = firstPoll;
		f.maxPoll = maxPoll;
		f.maxWait = maxWait;
		f.stallAfter = stallAfter;
		f.postProcessWait = postProcessWait;
		return f;
	}
}
