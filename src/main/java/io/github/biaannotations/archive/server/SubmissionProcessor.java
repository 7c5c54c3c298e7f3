package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks submission requests through the real server's stages, REQUESTED, FILES_VALIDATED, INDEXED, LOADED,
 * INDEXED_CLEANED, VALIDATED, CLEANED, FILES_COPIED, CHECK_RELEASED, PERSISTED, PROCESSED and, after the
 * post-process delay, POST_PROCESSED, or to INVALID where the real server sets it (archive-server-facts.md §4,
 * §5, §7). As on the real server, a stage that fails otherwise leaves the request in the status it had, for
 * ever: with asyncMode false a missing file or a circular reference found while processing keeps it REQUESTED
 * (the reason goes to the server log only). Each step is saved, and requests left unfinished by a stop are
 * resumed when the server starts again. Files of a persisted version are linked (or copied) into the
 * submission's own folder ({@link SubmittedFiles}), so that later changes to the user area do not alter it.
 */
final class SubmissionProcessor implements AutoCloseable {

	private static final Logger LOG = Logger.getLogger(SubmissionProcessor.class.getName());

	/** The real server's INVALID error for any other failure of the files stage with asyncMode true. */
	static final String UNKNOWN_ERROR = "Unknown processing error. Please contact Admin.";
	static final String FILE_CHANGES_REFUSED = "File deletion/modifications require admin permission.";

	/** A stage that failed: the request keeps its status, as on the real server. */
	static final class StageFailure extends Exception {

		private static final long serialVersionUID = 1L;

		StageFailure(final String message, final Throwable cause) {
			super(message, cause);
		}
	}

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final PageTabChecker checker;
	private final Permissions permissions;
	private final ServerSettings settings;
	/**
	 * A few workers: requests of different accessions are processed side by side (a workshop submits at
	 * once); one accession never has two requests in flight, because a new version is refused until the
	 * previous one has ended.
	 */
	private final ExecutorService worker = Executors.newFixedThreadPool(4, r -> {
		final Thread t = new Thread(r, "local-archive-processor");
		t.setDaemon(true);
		return t;
	});

	SubmissionProcessor(final ArchiveStore store, final ObjectMapper json, final ServerSettings settings) {
		this.store = store;
		this.json = json;
		this.checker = new PageTabChecker(json);
		this.permissions = new Permissions(store);
		this.settings = settings;
	}

	/** Queues every request that a previous run left unfinished. */
	void resumeUnfinished() throws IOException {
		for (final SubmissionRecord r : store.records()) {
			final SubmissionRecord.Request req = r.latest();
			if (req != null && req.processing()) enqueue(r.accNo, r.version);
		}
	}

	void enqueue(final String accNo, final int version) {
		worker.submit(() -> {
			try {
				process(accNo, version);
			}
			catch (final InterruptedException e) {
				// stopped: the request stays as saved and is resumed at the next start
			}
			catch (final StageFailure | IOException e) {
				// logged by process
			}
		});
	}

	/**
	 * Processes one request to its end (POST_PROCESSED or INVALID) and returns its final state.
	 *
	 * @throws StageFailure when a stage fails: the request keeps its status (logged as a warning)
	 */
	SubmissionRecord.Request process(final String accNo, final int version) throws IOException,
		InterruptedException, StageFailure
	{
		final SubmissionRecord.Request req = request(accNo, version);
		try {
			// a request persisted before a stop only has its post-processing left
			if (RequestStatus.PROCESSED.equals(req.status)) return postProcess(accNo, version);
			return stages(accNo, version, req);
		}
		catch (final StageFailure e) {
			LOG.warning("Submission " + accNo + " version " + version + " stays " + request(accNo, version).status +
				", as the real server leaves it: " + e.getMessage());
			throw e;
		}
		catch (final IOException | ApiError | RuntimeException e) {
			LOG.log(Level.WARNING, "Submission " + accNo + " version " + version + " stays " + request(accNo, version)
				.status + ": processing failed", e);
			throw new StageFailure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
		}
	}

	private SubmissionRecord.Request stages(final String accNo, final int version, final SubmissionRecord.Request req)
		throws IOException, ApiError, InterruptedException, StageFailure
	{
		final SubmissionRecord record = store.record(accNo);
		final Path versionDir = store.submissionDir(accNo).resolve(Integer.toString(version));
		final JsonNode pageTab = json.readTree(versionDir.resolve("submission.json").toFile());
		final Path previousFiles = req.previousVersion > 0 ? filesOf(accNo, req.previousVersion) : null;
		final PageTabChecker.Result check = checker.check(pageTab, store.areaOf(record.owner), previousFiles);
		pause();
		// REQUESTED -> FILES_VALIDATED: the real server maps every file again (SubmissionRequestFilesValidator)
		final List<String> fileErrors = check.fileErrors();
		if (!fileErrors.isEmpty()) {
			if (settings.asyncMode) return finish(accNo, version, RequestStatus.INVALID, fileErrors);
			throw new StageFailure(String.join("\n", fileErrors), null);
		}
		final String circular = SubmittedFiles.circularReferences(check.files);
		if (circular != null) {
			if (settings.asyncMode) return finish(accNo, version, RequestStatus.INVALID, List.of(UNKNOWN_ERROR));
			throw new StageFailure(circular, null);
		}
		for (final String s : new String[] { RequestStatus.FILES_VALIDATED, RequestStatus.INDEXED,
			RequestStatus.LOADED, RequestStatus.INDEXED_CLEANED })
			advance(accNo, version, s);
		// -> VALIDATED: the real server's SubmissionRequestValidator
		if (settings.preventFileDeletion && previousFiles != null && released(record, req.previousVersion) &&
			!permissions.canDeleteFiles(req.submitter == null ? record.owner : req.submitter, record) && SubmittedFiles
				.changed(previousFiles, check.files)) return finish(accNo, version, RequestStatus.INVALID, List.of(
					FILE_CHANGES_REFUSED));
		advance(accNo, version, RequestStatus.VALIDATED);
		advance(accNo, version, RequestStatus.CLEANED);
		SubmittedFiles.copy(check.files, versionDir.resolve("Files"));
		for (final String s : new String[] { RequestStatus.FILES_COPIED, RequestStatus.CHECK_RELEASED,
			RequestStatus.PERSISTED })
			advance(accNo, version, s);
		return postProcess(accNo, version);
	}

	/** PROCESSED, then POST_PROCESSED after the post-process delay. */
	private SubmissionRecord.Request postProcess(final String accNo, final int version) throws IOException,
		InterruptedException
	{
		update(accNo, version, RequestStatus.PROCESSED, null);
		if (settings.postProcessDelayMillis > 0) Thread.sleep(settings.postProcessDelayMillis);
		return update(accNo, version, RequestStatus.POST_PROCESSED, null);
	}

	private static boolean released(final SubmissionRecord record, final int version) {
		final SubmissionRecord.Request r = record.requests.get(version);
		return r != null && r.rtime != null && !Instant.parse(r.rtime).isAfter(Instant.now());
	}

	/** The folder of the files of a version of an accession. */
	Path filesOf(final String accNo, final int version) {
		return store.submissionDir(accNo).resolve(Integer.toString(version)).resolve("Files");
	}

	private SubmissionRecord.Request request(final String accNo, final int version) throws IOException {
		final SubmissionRecord record = store.record(accNo);
		final SubmissionRecord.Request req = record == null ? null : record.requests.get(version);
		if (req == null) throw new IOException("No request " + accNo + " version " + version);
		return req;
	}

	private void advance(final String accNo, final int version, final String status) throws IOException,
		InterruptedException
	{
		update(accNo, version, status, null);
		pause();
	}

	private SubmissionRecord.Request finish(final String accNo, final int version, final String status,
		final List<String> errors) throws IOException
	{
		return update(accNo, version, status, errors);
	}

	private SubmissionRecord.Request update(final String accNo, final int version, final String status,
		final List<String> errors) throws IOException
	{
		synchronized (store) {
			final SubmissionRecord record = store.record(accNo);
			final SubmissionRecord.Request req = record.requests.get(version);
			req.status = status;
			if (errors != null) req.errors = errors;
			store.save(record);
			return req;
		}
	}

	private void pause() throws InterruptedException {
		if (Thread.interrupted()) throw new InterruptedException();
		if (settings.stageDelayMillis > 0) Thread.sleep(settings.stageDelayMillis);
	}

	@Override
	public void close() {
		worker.shutdownNow();
		try {
			worker.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
