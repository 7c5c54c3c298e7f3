package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.model.Folders;

/**
 * A submit, checked in the real server's order (archive-server-facts.md §4, §7, §8; {@code SubmitWebHandler.kt}):
 * file lists that cannot be read (500); a new version while the accession's request is still processing (500
 * "... is currently being processed."); who may give the accession or attach to the collection (500 "not
 * allowed"); then what the real server maps inside the submit (400 "Submission validation errors"): release
 * date, DOI and, with asyncMode false, every listed file. An accepted submit gets the accession (or its next
 * version: the persisted version plus one, so that a retry after INVALID reuses the INVALID request's version)
 * and is processed in the background (async) or before the answer (sync).
 */
final class Submitter {

	/** What a submit was given. */
	static final class Submitted {

		final String accNo;
		final int version;

		Submitted(final String accNo, final int version) {
			this.accNo = accNo;
			this.version = version;
		}
	}

	private static final Pattern ACCESSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final PageTabChecker checker;
	private final Permissions permissions;
	private final SubmissionProcessor processor;
	private final ServerSettings settings;

	Submitter(final ArchiveStore store, final ObjectMapper json, final SubmissionProcessor processor,
		final ServerSettings settings)
	{
		this.store = store;
		this.json = json;
		this.checker = new PageTabChecker(json);
		this.permissions = new Permissions(store);
		this.processor = processor;
		this.settings = settings;
	}

	Submitted submit(final JsonNode pageTab, final String login, final boolean async) throws IOException, ApiError {
		final UserArea area = store.areaOf(login);
		final String given = pageTab.path("accno").asText("").trim();
		final SubmissionRecord before = given.isEmpty() ? null : store.record(given);
		final SubmissionRecord.Request previous = before == null ? null : before.persisted();
		final Path previousFiles = previous == null ? null : processor.filesOf(given, before.persistedVersion());
		final PageTabChecker.Result check = checker.check(pageTab, area, previousFiles);
		if (check.fileListFailure != null) throw ApiError.fail(500, check.fileListFailure);
		if (check.collection != null && !AccountEndpoints.COLLECTION.equalsIgnoreCase(check.collection))
			throw notAllowedToSubmitTo(login, check.collection);
		checkAccess(given, before, check, login);
		final List<String> problems = new ArrayList<>(check.problems);
		if (!settings.asyncMode) problems.addAll(check.fileErrors());
		problems.addAll(VersionRules.releaseDate(check, previous, permissions.canUpdateReleaseDate(login,
			check.collection), Instant.now()));
		problems.addAll(VersionRules.doi(pageTab, check, previous == null ? null : previous.doi));
		if (!given.isEmpty() && before == null && !ACCESSION.matcher(given).matches()) problems.add(
			"The accession number '" + given + "' is not valid");
		if (!problems.isEmpty()) throw ApiError.fail(400, "Submission validation errors", problems);
		final Submitted s = register(pageTab, check, login, given);
		if (async) {
			processor.enqueue(s.accNo, s.version);
			return s;
		}
		final SubmissionRecord.Request done;
		try {
			done = processor.process(s.accNo, s.version);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("The local archive is stopping; " + s.accNo + " will be processed at the next start");
		}
		catch (final SubmissionProcessor.StageFailure e) {
			throw ApiError.fail(500, e.getMessage());
		}
		if (done.invalid()) throw ApiError.fail(400, "Submission validation errors", done.errors);
		return s;
	}

	/** The real server's permission checks on the accession ({@code AccNoService.kt}); each refusal is a 500. */
	private void checkAccess(final String given, final SubmissionRecord record, final PageTabChecker.Result check,
		final String login) throws ApiError
	{
		if (given.isEmpty()) {
			if (check.collection != null && !permissions.canSubmitToCollection(login, check.collection))
				throw notAllowedToSubmitTo(login, check.collection);
			return;
		}
		if (record != null && record.latest() != null && record.latest().processing()) throw beingProcessed(given);
		final String user = ArchiveStore.emailOf(login);
		if (record != null && record.persistedVersion() > 0) {
			if (!permissions.canResubmit(login, record)) throw ApiError.fail(500, "The user " + user +
				" is not allowed to update the submission " + given);
		}
		else if (!permissions.canProvideAccNo(login, check.collection)) throw ApiError.fail(500, "The user " + user +
			" is not allowed to provide accession number directly");
	}

	private static ApiError notAllowedToSubmitTo(final String login, final String collection) {
		return ApiError.fail(500, "The user " + ArchiveStore.emailOf(login) + " is not allowed to submit to " +
			collection + " collection");
	}

	/** The real server's {@code ConcurrentSubException}, a plain runtime error (500). */
	private static ApiError beingProcessed(final String accNo) {
		return ApiError.fail(500, "Submission request can't be accepted. Submission with '" + accNo +
			"' is currently being processed.");
	}

	/** Assigns the accession (or the next version of a given one) and saves the request. */
	private Submitted register(final JsonNode pageTab, final PageTabChecker.Result check, final String login,
		final String given) throws IOException, ApiError
	{
		synchronized (store) {
			SubmissionRecord record = given.isEmpty() ? null : store.record(given);
			if (record != null && record.latest() != null && record.latest().processing()) throw beingProcessed(given);
			if (record == null) {
				record = new SubmissionRecord();
				String accNo = given;
				// an accession a superuser gave is never handed out again
				while (accNo.isEmpty() || given.isEmpty() && store.record(accNo) != null) {
					accNo = store.nextAccession(check.collection == null ? "S-BSST" : "S-BIAD");
				}
				record.accNo = accNo;
				record.owner = login;
				record.ctime = Instant.now().toString();
			}
			final int previousVersion = record.persistedVersion();
			final SubmissionRecord.Request previous = record.persisted();
			final int version = previousVersion + 1;
			final SubmissionRecord.Request replaced = record.requests.get(version);
			final SubmissionRecord.Request req = new SubmissionRecord.Request();
			final String now = Instant.now().toString();
			req.status = RequestStatus.REQUESTED;
			req.title = check.title;
			req.collection = check.collection;
			req.rootPath = check.rootPath;
			req.rtime = VersionRules.releaseTime(check.releaseDate).toString();
			req.ctime = replaced != null && replaced.ctime != null ? replaced.ctime : now;
			req.mtime = now;
			req.submitter = login;
			req.newSubmission = replaced != null ? replaced.newSubmission : given.isEmpty();
			req.previousVersion = previousVersion;
			req.doi = VersionRules.doiOf(check, previous == null ? null : previous.doi, record.accNo);
			record.requests.put(version, req);
			record.version = version;
			final Path dir = store.submissionDir(record.accNo).resolve(Integer.toString(version));
			if (Files.exists(dir)) Folders.deleteTree(dir);
			Files.createDirectories(dir);
			store.writeJson(dir.resolve("submission.json"), stored(pageTab, record.accNo, req.doi));
			store.save(record);
			return new Submitted(record.accNo, version);
		}
	}

	/** The PageTab as the real server stores it: with its accession, and its DOI's value. */
	private static ObjectNode stored(final JsonNode pageTab, final String accNo, final String doi) {
		final ObjectNode stored = pageTab.deepCopy();
		stored.put("accno", accNo);
		if (doi != null) {
			for (final JsonNode a : stored.path("attributes")) {
				if ("DOI".equals(a.path("name").asText())) ((ObjectNode) a).put("value", doi);
			}
		}
		return stored;
	}
}
