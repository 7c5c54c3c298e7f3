package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.metadata.PageTabAttributes;
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

	private static final ObjectMapper JSON = new ObjectMapper();
	/** What an accession looks like: S-BIAD1752, S-BSST12, E-MTAB-123. */
	private static final Pattern ACCESSION = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

	private final ArchiveClient client;
	private final PushListener listener;
	private final SubmissionLookup lookup;
	private final SubmitRecovery recovery;
	private Clock clock = Clock.systemUTC();
	private Duration firstPoll = Duration.ofSeconds(1);
	private Duration maxPoll = Duration.ofSeconds(20);
	private Duration maxWait = Duration.ofHours(2);
	private Duration stallAfter = Duration.ofHours(1);
	private Duration postProcessWait = Duration.ofMinutes(2);
	private Duration resendAfter = Duration.ofMinutes(15);
	private String update;
	private LocalDate releaseDate;
	private PublicRelease publicRelease = PublicRelease.REFUSE;

	public PackagePusher(final ArchiveClient client, final PushListener listener) {
		this.client = client;
		this.listener = listener == null ? PushListener.NONE : listener;
		this.lookup = new SubmissionLookup(client);
		this.recovery = new SubmitRecovery(client, lookup);
	}

	/** Status polls start {@code first} apart and slow down to {@code max} (the official client uses 20 s). */
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
		final ObjectNode pageTab = readPageTab(dir);
		final List<PackageFiles.Entry> files = PackageFiles.scan(dir);
		final PackageIdentity identity = PackageIdentity.of(dir, files);
		final String archive = client.baseUri().toString();
		final PushJournal journal = PushJournal.read(dir);
		final String title = title(pageTab);
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
			final PushResult resumed = resume(journal, archive, entry, identity, files.size());
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
			if (mine != null) return followFound(journal, archive, mine, identity, title, files.size());
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

		final long[] uploaded = new PackageUpload(client, listener).upload(files, identity.folder, entry == null ? null
			: instant(entry.startedAt));
		setRootPath(pageTab, identity.folder);
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
		recordSubmitted(journal, archive, next, receipt);
		listener.step("Submitted: " + receipt.accNo + (receipt.version > 0 ? " version " + receipt.version : ""));
		return follow(journal, archive, next, identity, (int) uploaded[0], (int) uploaded[1], uploaded[2], false);
	}

	/** Whether a record says that the package was submitted and the archive kept it (not a refused first version). */
	private static boolean submitted(final PushJournal.Entry entry) {
		return !PushJournal.INVALID.equals(entry.state) || entry.update;
	}

	/**
	 * What an earlier push of this package left: follows a submitted request (null when the archive no longer
	 * knows it: the record is dropped), or finds the submission of a lost answer (null: submit, when it is safe).
	 */
	private PushResult resume(final PushJournal journal, final String archive, final PushJournal.Entry entry,
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
			return follower().follow(journal, archive, client.login(), entry, identity, 0, files, 0, true);
		}
		catch (final RequestFollower.Unknown e) {
			listener.step("The archive no longer knows " + entry.accNo + (entry.version > 0 ? " version " + entry.version
				: "") + " as this package's submission (the record of an archive that was reset?): pushing the package " +
				"as not submitted");
			return null;
		}
	}

	/** Follows a submission that the archive shows was made from this package by a push without a record here. */
	private PushResult followFound(final PushJournal journal, final String archive, final SubmissionSummary found,
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
		listener.step("Updating " + target + " (" + title(stored) + ")");
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

	private void recordSubmitted(final PushJournal journal, final String archive, final PushJournal.Entry entry,
		final SubmitReceipt receipt) throws ArchiveException
	{
		entry.state = PushJournal.SUBMITTED;
		entry.accNo = receipt.accNo;
		entry.version = receipt.version;
		entry.status = null;
		entry.statusSince = null;
		journal.put(archive, client.login(), entry);
	}

	private PushResult follow(final PushJournal journal, final String archive, final PushJournal.Entry entry,
		final PackageIdentity identity, final int uploaded, final int skipped, final long bytes, final boolean before)
		throws ArchiveException
	{
		try {
			return follower().follow(journal, archive, client.login(), entry, identity, uploaded, skipped, bytes, before);
		}
		catch (final RequestFollower.Unknown e) {
			throw new ArchiveException(ArchiveException.Kind.SERVER, "The archive accepted " + entry.accNo + " but " +
				"knows nothing of its request; push again later to follow it", null);
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

	private ObjectNode readPageTab(final Path dir) throws ArchiveException {
		final Path file = dir.resolve("submission.json");
		if (!Files.isRegularFile(file)) throw new ArchiveException(ArchiveException.Kind.USAGE, "Not a package: " +
			dir + " has no submission.json", null);
		try {
			final JsonNode node = JSON.readTree(file.toFile());
			if (node == null || !node.isObject() || !node.path("section").isObject()) {
				throw new ArchiveException(ArchiveException.Kind.USAGE, file +
					" is not a PageTab submission (no root 'section')", null);
			}
			return (ObjectNode) node;
		}
		catch (final IOException e) {
			if (e instanceof ArchiveException) throw (ArchiveException) e;
			throw new ArchiveException(ArchiveException.Kind.USAGE, file + " is not valid JSON: " + e.getMessage(), e);
		}
	}

	private static Instant instant(final String text) {
		try {
			return text == null ? null : Instant.parse(text);
		}
		catch (final DateTimeParseException e) {
			return null;
		}
	}

	private static String title(final JsonNode pageTab) {
		final String t = PageTabAttributes.value(pageTab, "Title");
		return t != null ? t : PageTabAttributes.value(pageTab.path("section"), "Title");
	}

	private static void setRootPath(final ObjectNode pageTab, final String folder) {
		final ArrayNode attrs = pageTab.has("attributes") && pageTab.get("attributes").isArray() ? (ArrayNode) pageTab
			.get("attributes") : pageTab.putArray("attributes");
		for (int i = attrs.size() - 1; i >= 0; i--) {
			if ("RootPath".equalsIgnoreCase(attrs.get(i).path("name").asText())) attrs.remove(i);
		}
		attrs.addObject().put("name", "RootPath").put("value", folder);
	}
}
