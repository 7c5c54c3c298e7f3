package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks submission requests through the real server's stages (REQUESTED, FILES_VALIDATED, ... PROCESSED)
 * or to INVALID when listed files are missing. Each step is saved, and requests left unfinished by a stop
 * are resumed when the server starts again. Files of a processed version are linked (or copied) into the
 * submission's own folder, so that later changes to the user area do not alter it.
 */
final class SubmissionProcessor implements AutoCloseable {

	private static final Logger LOG = Logger.getLogger(SubmissionProcessor.class.getName());

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final PageTabChecker checker;
	private final long stageDelayMillis;
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

	SubmissionProcessor(final ArchiveStore store, final ObjectMapper json, final long stageDelayMillis) {
		this.store = store;
		this.json = json;
		this.checker = new PageTabChecker(json);
		this.stageDelayMillis = stageDelayMillis;
	}

	/** Queues every request that a previous run left unfinished. */
	void resumeUnfinished() throws IOException {
		for (final SubmissionRecord r : store.records()) {
			final SubmissionRecord.Request req = r.latest();
			if (req != null && !req.terminal()) enqueue(r.accNo, r.version);
		}
	}

	void enqueue(final String accNo, final int version) {
		worker.submit(() -> {
			try {
				processOrInvalidate(accNo, version);
			}
			catch (final InterruptedException e) {
				// stopped: the request stays as saved and is resumed at the next start
			}
			catch (final IOException e) {
				LOG.log(Level.WARNING, "Cannot save the state of " + accNo, e);
			}
		});
	}

	/**
	 * Processes one request to its end, as {@link #process}; a failure on the way ends it as INVALID with the
	 * reason (sync and async alike), so that the accession is never left processing for ever.
	 *
	 * @throws IOException when even the INVALID state cannot be saved
	 */
	SubmissionRecord.Request processOrInvalidate(final String accNo, final int version) throws IOException,
		InterruptedException
	{
		try {
			return process(accNo, version);
		}
		catch (final InterruptedException e) {
			throw e;
		}
		catch (final Exception e) {
			LOG.log(Level.WARNING, "Processing " + accNo + " version " + version + " failed", e);
			return finish(accNo, version, RequestStatus.INVALID, listOf("Processing failed: " + e.getMessage()));
		}
	}

	/** Processes one request to its end; returns the final request state. */
	SubmissionRecord.Request process(final String accNo, final int version) throws IOException, ApiError,
		InterruptedException
	{
		final SubmissionRecord record = store.record(accNo);
		if (record == null) throw new IOException("No record for " + accNo);
		final Path versionDir = store.submissionDir(accNo).resolve(Integer.toString(version));
		final JsonNode pageTab = json.readTree(versionDir.resolve("submission.json").toFile());
		final UserArea area = store.areaOf(record.owner);
		final PageTabChecker.Result check = checker.check(pageTab, area);
		pause();
		if (!check.missing().isEmpty() || !check.problems.isEmpty()) {
			final List<String> errors = new ArrayList<>(check.problems);
			if (!check.missing().isEmpty()) errors.add("The following files could not be found: " + String.join(
				", ", check.missing()));
			return finish(accNo, version, RequestStatus.INVALID, errors);
		}
		advance(accNo, version, RequestStatus.FILES_VALIDATED);
		advance(accNo, version, RequestStatus.VALIDATED);
		final Path root = area.resolve(check.rootPath == null ? "" : check.rootPath);
		final Path filesDir = versionDir.resolve("Files");
		for (final String rel : check.files) {
			try {
				copyInto(root.resolve(rel), filesDir.resolve(rel));
			}
			catch (final IOException e) {
				throw new IOException("the file '" + rel + "' could not be copied into the submission", e);
			}
		}
		advance(accNo, version, RequestStatus.FILES_COPIED);
		advance(accNo, version, RequestStatus.PERSISTED);
		return finish(accNo, version, RequestStatus.PROCESSED, new ArrayList<>());
	}

	private static void copyInto(final Path from, final Path to) throws IOException {
		// Symbolic links are never followed: one planted in a user area must not copy a file from elsewhere
		// on the machine into a submission.
		if (Files.isSymbolicLink(from)) return;
		if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
			Files.createDirectories(to);
			try (java.util.stream.Stream<Path> s = Files.walk(from)) {
				for (final Path p : (Iterable<Path>) s::iterator) {
					if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) copyInto(p, to.resolve(from.relativize(p)
						.toString()));
				}
			}
			return;
		}
		Files.createDirectories(to.getParent());
		Files.deleteIfExists(to);
		try {
			Files.createLink(to, from);
		}
		catch (final IOException | UnsupportedOperationException e) {
			Files.copy(from, to);
		}
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
			record.mtime = Instant.now().toString();
			store.save(record);
			return req;
		}
	}

	private void pause() throws InterruptedException {
		if (Thread.interrupted()) throw new InterruptedException();
		if (stageDelayMillis > 0) Thread.sleep(stageDelayMillis);
	}

	private static List<String> listOf(final String s) {
		final List<String> l = new ArrayList<>();
		l.add(s);
		return l;
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
