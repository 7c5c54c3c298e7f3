package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.metadata.PageTabAttributes;
import io.github.biaannotations.model.ArchivePaths;

/**
 * Pushes a submission package (a folder with {@code submission.json}, PageTab JSON, and the files it lists)
 * to the archive: signs in, uploads every file into a user-area folder named for the package (skipping files
 * the archive already has whole), submits with {@code RootPath} set to that folder, and follows the request
 * until it is PROCESSED or INVALID. A second push of the same package resumes: it never submits twice, and
 * after a submit whose answer was lost it asks the archive before trying again. With {@link #updating} the
 * package becomes the next version of an existing submission instead of a new one.
 */
public final class PackagePusher {

	private static final ObjectMapper JSON = new ObjectMapper();
	/** What an accession looks like: S-BIAD1752, S-BSST12, E-MTAB-123. */
	private static final Pattern ACCESSION = Pattern.compile("[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+");

	private final ArchiveClient client;
	private final PushListener listener;
	private Duration firstPoll = Duration.ofSeconds(1);
	private Duration maxPoll = Duration.ofSeconds(20);
	private Duration maxWait = Duration.ofHours(2);
	private String update;

	public PackagePusher(final ArchiveClient client, final PushListener listener) {
		this.client = client;
		this.listener = listener == null ? PushListener.NONE : listener;
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
	 * {@code accNo} trimmed, or null when blank.
	 *
	 * @throws IllegalArgumentException when it does not look like an accession
	 */
	public static String accession(final String accNo) {
		final String a = accNo == null || accNo.isBlank() ? null : accNo.trim();
		if (a != null && !ACCESSION.matcher(a).matches()) throw new IllegalArgumentException("'" + accNo +
			"' is not an accession (such as S-BIAD1752)");
		return a;
	}

	/** The folder of the user area that a package folder is uploaded into (its name, made safe for the archive). */
	public static String remoteFolder(final Path dir) {
		return PackageFiles.folderName(dir);
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
		final String archive = client.baseUri().toString();
		final PushJournal journal = PushJournal.read(dir);
		PushJournal.Entry entry = journal.get(archive, client.login());
		final String title = title(pageTab);
		// a resumed push keeps the folder its files went to, even if a later version names folders differently
		final String folder = entry != null && entry.folder != null && ArchivePaths.isValid(entry.folder) && !entry.folder
			.contains("/") ? entry.folder : PackageFiles.folderName(dir);
		if (update != null && entry != null && entry.accNo != null && !update.equals(entry.accNo)) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "This package was already submitted to " +
				archive + " as " + entry.accNo + "; it cannot also update " + update + ". Export it again into a new " +
				"folder to update " + update + ".", null);
		}
		client.signIn();
		listener.step("Signed in to " + archive + " as " + client.login());

		if (entry != null && (PushJournal.SUBMITTED.equals(entry.state) || PushJournal.PROCESSED.equals(
			entry.state)))
		{
			listener.step("Already submitted as " + entry.accNo + " (version " + entry.version +
				"): following it, not submitting again");
			return follow(journal, archive, entry, 0, files.size(), 0, true);
		}
		if (entry != null && PushJournal.SUBMITTING.equals(entry.state)) {
			listener.step("The previous push sent a submit whose answer was lost: asking the archive");
			final SubmitReceipt found = findSubmitted(entry);
			if (found != null) {
				recordSubmitted(journal, archive, entry, found);
				return follow(journal, archive, entry, 0, files.size(), 0, true);
			}
			listener.step("The archive has no such submission: submitting");
		}

		// the version an update starts from: a lost answer to its submit is recognised by a later version
		int baseVersion = entry == null ? 0 : entry.version;
		if (update != null && (entry == null || entry.accNo == null)) {
			baseVersion = currentVersion(update);
			listener.step("Updating " + update + ", now at version " + baseVersion);
		}
		else if (entry == null) {
			final SubmissionSummary earlier = findEarlierPush(title, folder);
			if (earlier != null) {
				entry = new PushJournal.Entry();
				entry.folder = folder;
				entry.title = title;
				entry.accNo = earlier.accNo;
				entry.version = earlier.version;
				if ("INVALID".equals(earlier.status)) {
					entry.state = PushJournal.INVALID;
					listener.step("This package was submitted before as " + earlier.accNo + " and found invalid: " +
						"updating it");
				}
				else {
					entry.state = PushJournal.SUBMITTED;
					journal.put(archive, client.login(), entry);
					listener.step("This package was already submitted as " + earlier.accNo + ": following it, not " +
						"submitting again");
					return follow(journal, archive, entry, 0, files.size(), 0, true);
				}
			}
		}

		final long[] uploaded = upload(files, folder, entry == null || entry.startedAt == null ? null : Instant.parse(
			entry.startedAt));
		setRootPath(pageTab, folder);
		// After an INVALID request (or a lost submit of an update) the same accession is updated, not a new one made.
		final String previousAcc = update != null ? update : entry != null && (PushJournal.INVALID.equals(entry.state) ||
			PushJournal.SUBMITTING.equals(entry.state)) ? entry.accNo : null;
		if (previousAcc != null) pageTab.put("accno", previousAcc);
		final PushJournal.Entry next = new PushJournal.Entry();
		next.folder = folder;
		next.title = title;
		next.accNo = previousAcc;
		next.version = baseVersion;
		next.state = PushJournal.SUBMITTING;
		next.startedAt = Instant.now().toString();
		journal.put(archive, client.login(), next);
		final SubmitReceipt receipt;
		try {
			receipt = submit(pageTab, next);
		}
		catch (final ArchiveException e) {
			// A refusal is definite: nothing was submitted, the record goes back to what it was.
			if (e.kind() != ArchiveException.Kind.UNKNOWN_OUTCOME) journal.put(archive, client.login(), entry);
			throw e;
		}
		recordSubmitted(journal, archive, next, receipt);
		listener.step("Submitted: " + receipt.accNo + " version " + receipt.version);
		return follow(journal, archive, next, (int) uploaded[0], (int) uploaded[1], uploaded[2], false);
	}

	/**
	 * The current version of the user's submission {@code accNo}, found through its stored PageTab's title;
	 * fails with a usage error when the archive has no such submission of this user.
	 */
	private int currentVersion(final String accNo) throws ArchiveException {
		final JsonNode stored;
		try {
			stored = client.pageTab(accNo);
		}
		catch (final ArchiveException e) {
			if (e.kind() != ArchiveException.Kind.REJECTED) throw e;
			throw new ArchiveException(ArchiveException.Kind.USAGE, accNo + " is not a submission of " + client
				.login() + " at " + client.baseUri() + " (" + e.getMessage() + ")", e);
		}
		final String title = title(stored);
		for (final SubmissionSummary s : client.search(title)) {
			if (accNo.equals(s.accNo)) return s.version;
		}
		throw new ArchiveException(ArchiveException.Kind.SERVER, "The archive has " + accNo + " but does not list " +
			"it among " + client.login() + "'s submissions", null);
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

	/** Uploads what the archive lacks; returns {uploaded files, skipped files, bytes uploaded}. */
	private long[] upload(final List<PackageFiles.Entry> files, final String folder, final Instant lastUpload)
		throws ArchiveException
	{
		final Map<String, Long> remote = remoteSizes(folder);
		long total = 0;
		for (final PackageFiles.Entry e : files) {
			total += e.size;
		}
		final ProgressMeter meter = new ProgressMeter(total, listener);
		int sent = 0;
		int skipped = 0;
		long bytes = 0;
		for (final PackageFiles.Entry e : files) {
			final Long have = remote.get(e.path);
			if (have != null && have == e.size && !changedSince(e, lastUpload)) {
				skipped++;
				meter.skip(e.size);
				listener.skipped(e.path, e.size);
				continue;
			}
			final String target = e.parent().isEmpty() ? folder : folder + "/" + e.parent();
			meter.start(e.path, e.size);
			client.upload(e.file, target, e.name(), meter::add, meter::restart);
			meter.finish();
			sent++;
			bytes += e.size;
		}
		listener.step("Uploaded " + sent + " files (" + TransferProgress.size(bytes) + ")" + (skipped > 0 ? ", " +
			skipped + " already in the archive" : ""));
		return new long[] { sent, skipped, bytes };
	}

	/**
	 * Sizes of the files already in the package's user-area folder. Lists the user root first and descends
	 * only into folders the archive shows, so that a folder that does not exist yet is never queried.
	 */
	private Map<String, Long> remoteSizes(final String folder) throws ArchiveException {
		final Map<String, Long> out = new HashMap<>();
		for (final RemoteFile f : client.list("")) {
			if (f.directory && f.name.equals(folder)) listRemote(folder, "", out);
		}
		return out;
	}

	/** Whether a file was modified after the last push of this package finished uploading. */
	private static boolean changedSince(final PackageFiles.Entry e, final Instant lastUpload) {
		if (lastUpload == null) return false;
		try {
			return Files.getLastModifiedTime(e.file).toInstant().isAfter(lastUpload);
		}
		catch (final IOException x) {
			return true;
		}
	}

	private void listRemote(final String folder, final String prefix, final Map<String, Long> out)
		throws ArchiveException
	{
		for (final RemoteFile f : client.list(prefix.isEmpty() ? folder : folder + "/" + prefix)) {
			final String rel = prefix.isEmpty() ? f.name : prefix + "/" + f.name;
			if (f.directory) listRemote(folder, rel, out);
			else out.put(rel, f.size);
		}
	}

	/** Sends the submit once; resolves a lost answer by asking the archive, never by sending it blindly. */
	private SubmitReceipt submit(final ObjectNode pageTab, final PushJournal.Entry entry)
		throws ArchiveException
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
			final boolean unknown = e.kind() == ArchiveException.Kind.UNKNOWN_OUTCOME || e.kind() ==
				ArchiveException.Kind.SERVER && e.serverMessage() == null;
			if (!unknown) throw e;
			listener.step("The answer to the submit was lost: asking the archive whether it arrived");
			final SubmitReceipt found;
			try {
				found = findSubmitted(entry);
			}
			catch (final ArchiveException ask) {
				throw new ArchiveException(ArchiveException.Kind.UNKNOWN_OUTCOME, "The submit was sent but its answer " +
					"was lost, and the archive cannot be asked now (" + ask.getMessage() + "). Push again later: it " +
					"checks before submitting, so nothing is submitted twice.", e.request(), e.status(), null, null, e);
			}
			if (found != null) return found;
			listener.step("The archive did not receive it: submitting again");
			return client.submitAsync(body);
		}
	}

	/** A submission of this package the archive has, made by a submit whose answer was lost; or null. */
	private SubmitReceipt findSubmitted(final PushJournal.Entry entry) throws ArchiveException {
		if (entry.accNo == null) {
			final SubmissionSummary s = findByRootPath(entry.title, entry.folder);
			return s == null ? null : new SubmitReceipt(s.accNo, s.version);
		}
		for (final SubmissionSummary s : client.search(entry.title)) {
			if (entry.accNo.equals(s.accNo) && s.version > entry.version) return new SubmitReceipt(s.accNo, s.version);
		}
		return null;
	}

	/** The user's submission with this title whose {@code RootPath} is this package's folder, or null. */
	private SubmissionSummary findByRootPath(final String title, final String folder) throws ArchiveException {
		for (final SubmissionSummary s : client.search(title)) {
			if (title != null && !title.equals(s.title)) continue;
			final JsonNode stored;
			try {
				stored = client.pageTab(s.accNo);
			}
			catch (final ArchiveException e) {
				if (e.kind() == ArchiveException.Kind.REJECTED) continue;
				throw e;
			}
			if (folder.equals(PageTabAttributes.value(stored, "RootPath"))) return s;
		}
		return null;
	}

	/**
	 * Without a record of earlier pushes (another machine, a deleted record), asks the archive whether this
	 * package was submitted already. Best effort: when the archive cannot be searched, the push goes on.
	 */
	private SubmissionSummary findEarlierPush(final String title, final String folder) throws ArchiveException {
		try {
			return findByRootPath(title, folder);
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
		journal.put(archive, client.login(), entry);
	}

	/** Polls the request until it ends, records the end and returns it. */
	private PushResult follow(final PushJournal journal, final String archive, final PushJournal.Entry entry,
		final int uploaded, final int skipped, final long bytes, final boolean before) throws ArchiveException
	{
		final long deadline = System.nanoTime() + maxWait.toNanos();
		long wait = firstPoll.toMillis();
		String last = null;
		while (true) {
			final String status = client.requestStatus(entry.accNo, entry.version);
			if (!status.equals(last)) listener.step("Submission " + entry.accNo + ": " + status);
			last = status;
			if ("PROCESSED".equals(status) || "POST_PROCESSED".equals(status) || "INVALID".equals(status)) {
				final List<String> errors = "INVALID".equals(status) ? client.requestErrors(entry.accNo, entry.version)
					: new ArrayList<>();
				entry.state = "INVALID".equals(status) ? PushJournal.INVALID : PushJournal.PROCESSED;
				journal.put(archive, client.login(), entry);
				return new PushResult(entry.accNo, entry.version, status, errors, uploaded, skipped, bytes, before);
			}
			if (System.nanoTime() > deadline) throw new ArchiveException(ArchiveException.Kind.SERVER, "Submission " +
				entry.accNo + " is still " + status + " after " + maxWait.toMinutes() +
				" min; push again later to follow it (it will not be submitted twice)", null);
			try {
				Thread.sleep(wait);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Interrupted while following " +
					entry.accNo, e);
			}
			wait = Math.min(maxPoll.toMillis(), wait * 3 / 2 + 1);
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
