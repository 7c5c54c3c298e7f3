package io.github.biaannotations.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import io.github.biaannotations.archive.server.LocalArchiveServer;

/**
 * How push uploads: several files per request (one folder each), a few requests at once, a request that fails
 * midway with several files in it, and a file that changes while the push runs: the archive never stores it and
 * nothing is submitted.
 */
class PushUploadsTest {

	private static final String PASSWORD = "pw";

	@TempDir
	Path tmp;

	private LocalArchiveServer server;
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final List<String> messages = new CopyOnWriteArrayList<>();
	private final List<TransferProgress> progress = new CopyOnWriteArrayList<>();
	private final AtomicInteger uploading = new AtomicInteger();
	private final AtomicInteger mostUploading = new AtomicInteger();
	private volatile Predicate<HttpExchange> fault;

	@BeforeEach
	void start() throws IOException {
		server = LocalArchiveServer.start(ArchiveSetup.DEFAULT.apply(new LocalArchiveServer.Options()).store(tmp
			.resolve("store")).user("alice", PASSWORD.toCharArray()).stageDelayMillis(0));
		server.addFilter(new Filter() {

			@Override
			public void doFilter(final HttpExchange ex, final Chain chain) throws IOException {
				final String request = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
				requests.add(request);
				final boolean upload = request.equals("POST /files/user/upload");
				if (upload) mostUploading.accumulateAndGet(uploading.incrementAndGet(), Math::max);
				try {
					final Predicate<HttpExchange> f = fault;
					if (f != null && f.test(ex)) return;
					chain.doFilter(ex);
				}
				finally {
					if (upload) uploading.decrementAndGet();
				}
			}

			@Override
			public String description() {
				return "recorder and fault injector";
			}
		});
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private final PushListener listener = new PushListener() {

		@Override
		public void step(final String message) {
			messages.add(message);
		}

		@Override
		public void progress(final TransferProgress p) {
			progress.add(p);
		}

		@Override
		public void retrying(final String request, final String reason, final int attempt, final long delay) {
			messages.add("retry " + attempt + " of " + request + ": " + reason);
		}
	};

	private PackagePusher pusher(final String url, final int attempts, final UploadLimits limits)
		throws ArchiveException
	{
		final RetryPolicy retry = new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(20), d -> Thread
			.sleep(d.toMillis()));
		return new PackagePusher(new ArchiveClient(url, "alice", PASSWORD.toCharArray(), retry, listener, null),
			listener).pollEvery(Duration.ofMillis(10), Duration.ofMillis(50)).postProcessingAtMost(Duration.ofSeconds(
				10)).uploads(limits);
	}

	/** A valid package (with its manifest) with 12 annotations, and 6 files in each of two folders of an image. */
	private Path writePackage(final String name) throws IOException {
		final Path pkg = TestPackages.write(tmp.resolve(name), "Uploads", 12, 30_000, 7);
		final Random random = new Random(8);
		for (final String folder : new String[] { "images/x.ome.zarr/0/c/0", "images/x.ome.zarr/0/c/1" }) {
			Files.createDirectories(pkg.resolve(folder));
			for (int i = 0; i < 6; i++) {
				final byte[] chunk = new byte[40_000 + i];
				random.nextBytes(chunk);
				Files.write(pkg.resolve(folder + "/" + i), chunk);
			}
		}
		io.github.biaannotations.submission.Manifest.of(pkg, "bia-annotations", java.time.Instant.now(), java.util.Map
			.of()).write(pkg.resolve(io.github.biaannotations.submission.Manifest.FILE_NAME));
		return pkg;
	}

	private long count(final String request) {
		return requests.stream().filter(request::equals).count();
	}

	private Path remote(final Path pkg) throws IOException {
		return server.userFolder("alice").resolve(PackagePusher.remoteFolder(pkg));
	}

	private void assertStoredIntact(final Path pkg) throws IOException {
		try (Stream<Path> s = Files.walk(pkg)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".bia-push")) continue;
				final Path stored = remote(pkg).resolve(pkg.relativize(p).toString());
				assertTrue(Files.isRegularFile(stored), "missing on the server: " + stored);
				assertEquals(TestPackages.sha256(p), TestPackages.sha256(stored), "content of " + stored);
			}
		}
		assertNoPartialUploads();
	}

	private void assertNoPartialUploads() throws IOException {
		try (Stream<Path> s = Files.list(server.store().resolve("tmp"))) {
			assertEquals(0, s.count(), "partial uploads left in the store");
		}
	}

	@Test
	void filesOfAFolderTravelTogetherAndRequestsGoSeveralAtOnce() throws Exception {
		final Path pkg = writePackage("pkg");
		// the archive takes its time over each upload, so that requests on their way together are seen together
		fault = ex -> {
			if (ex.getRequestURI().getPath().equals("/files/user/upload")) sleep(150);
			return false;
		};
		final PushResult r = pusher(server.baseUri().toString(), 4, UploadLimits.DEFAULT).push(pkg);
		assertEquals("POST_PROCESSED", r.status());
		// 30 files in 4 folders: the top (file list, PageTab, manifest), annotations/ and the image's two folders
		assertEquals(15 + 12, r.filesUploaded());
		assertEquals(4, count("POST /files/user/upload"), requests.toString());
		assertTrue(mostUploading.get() >= 2, "requests on their way together: " + mostUploading.get());
		assertTrue(mostUploading.get() <= 4, "at most 4 at once: " + mostUploading.get());
		assertStoredIntact(pkg);
		final TransferProgress last = progress.get(progress.size() - 1);
		assertEquals(r.filesUploaded(), last.files());
		assertEquals(last.totalFiles(), last.files());
		assertEquals(last.totalBytes(), last.bytes());
		assertTrue(last.toString().contains(", 27 / 27 files"), last.toString());
	}

	@Test
	void aFolderWithMoreFilesThanARequestTakesIsSplitAndALargeFileGoesAlone() throws Exception {
		final Path pkg = writePackage("pkg");
		Files.write(pkg.resolve("annotations/large.bin"), new byte[300_000]);
		// 5 files or 100 kB a request: annotations/ (12 of 30 kB and one of 300 kB) takes 4 + 1 + ... requests
		final UploadLimits small = new UploadLimits(5, 100_000, 2);
		final List<List<PackageFiles.Entry>> planned = small.requests(PackageFiles.scan(pkg));
		for (final List<PackageFiles.Entry> request : planned) {
			assertTrue(request.size() <= 5, request.size() + " files");
			assertEquals(1, request.stream().map(PackageFiles.Entry::parent).distinct().count(), "one folder a request");
			assertTrue(request.size() == 1 || UploadLimits.bytes(request) <= 100_000, "size " + UploadLimits.bytes(
				request));
		}
		assertEquals(300_000, UploadLimits.bytes(planned.get(0)), "the largest request goes first");
		final PushResult r = pusher(server.baseUri().toString(), 4, small).push(pkg);
		assertEquals("POST_PROCESSED", r.status());
		assertEquals(planned.size(), count("POST /files/user/upload"));
		assertStoredIntact(pkg);
	}

	@Test
	void aRequestCutMidwayStoresNoneOfItsFilesAndTheNextPushSendsThemAll() throws Exception {
		final Path pkg = writePackage("pkg");
		final List<List<PackageFiles.Entry>> planned = UploadLimits.DEFAULT.requests(PackageFiles.scan(pkg));
		final List<PackageFiles.Entry> largest = planned.get(0);
		assertEquals(12, largest.size(), "the annotations travel together");
		try (FlakyProxy proxy = new FlakyProxy(server.port())) {
			// the annotations' request (the only one over 250 kB) is cut after about 8 of its 12 files
			proxy.cutNextUploadAfter(250_000);
			final ArchiveException e = assertThrows(ArchiveException.class, () -> pusher(proxy.url(), 1,
				UploadLimits.DEFAULT).push(pkg));
			assertEquals(ArchiveException.Kind.CONNECTION, e.kind());
			assertEquals(1, proxy.cuts());
		}
		assertEquals(0, count("POST /submissions/async"));
		Thread.sleep(200); // the server finishes with the cut request
		for (final PackageFiles.Entry f : largest) {
			assertFalse(Files.exists(remote(pkg).resolve(f.path)), f.path + " stored from a request that was cut");
		}
		assertNoPartialUploads();
		final PushResult r = pusher(server.baseUri().toString(), 4, UploadLimits.DEFAULT).push(pkg);
		assertEquals("POST_PROCESSED", r.status());
		assertTrue(r.filesUploaded() >= 12, r.filesUploaded() + " uploaded");
		assertStoredIntact(pkg);
	}

	@Test
	void aServerErrorMidwayThroughARequestWithSeveralFilesIsRetriedWhole() throws Exception {
		final Path pkg = writePackage("pkg");
		final AtomicInteger refused = new AtomicInteger();
		// the archive reads half of the annotations' request (the only one over 300 kB), then fails it
		fault = ex -> {
			if (!ex.getRequestURI().getPath().equals("/files/user/upload")) return false;
			final long length = Long.parseLong(ex.getRequestHeaders().getFirst("Content-Length"));
			if (length < 300_000 || refused.get() > 0) return false;
			refused.incrementAndGet();
			try (InputStream in = ex.getRequestBody()) {
				in.readNBytes((int) (length / 2));
				final byte[] b = "{\"status\":\"FAIL\",\"log\":{\"level\":\"ERROR\",\"message\":\"boom\",\"subnodes\":[]}}"
					.getBytes(StandardCharsets.UTF_8);
				ex.sendResponseHeaders(500, b.length);
				ex.getResponseBody().write(b);
				ex.close();
			}
			catch (final IOException e) {
				throw new IllegalStateException(e);
			}
			return true;
		};
		final PushResult r = pusher(server.baseUri().toString(), 4, UploadLimits.DEFAULT).push(pkg);
		assertEquals("POST_PROCESSED", r.status());
		assertEquals(1, refused.get());
		assertEquals(5, count("POST /files/user/upload"), "4 requests, one of them twice");
		// the client sees the 500, or the connection closed by the server that stopped reading: both are retried
		final String retried = "retry 1 of POST /files/user/upload (" + PackagePusher.remoteFolder(pkg) +
			"/annotations, 12 files): ";
		assertTrue(messages.stream().anyMatch(m -> m.startsWith(retried)), messages.toString());
		assertStoredIntact(pkg);
	}

	@Test
	void aFileChangedWhileThePushRunsIsNeverStoredAndNothingIsSubmitted() throws Exception {
		final Path pkg = writePackage("pkg");
		// one request at a time: the file changed is in the last one, not read yet when the first arrives
		final UploadLimits oneAtATime = new UploadLimits(500, 32 << 20, 1);
		final List<List<PackageFiles.Entry>> planned = oneAtATime.requests(PackageFiles.scan(pkg));
		final PackageFiles.Entry victim = planned.get(planned.size() - 2).get(0);
		final byte[] original = Files.readAllBytes(victim.file);
		final byte[] changed = original.clone();
		changed[changed.length / 2] ^= 1; // same size, one bit different
		fault = ex -> {
			if (ex.getRequestURI().getPath().equals("/files/user/upload") && count("POST /files/user/upload") == 1) {
				try {
					Files.write(victim.file, changed);
				}
				catch (final IOException e) {
					throw new IllegalStateException(e);
				}
			}
			return false;
		};
		final ArchiveException e = assertThrows(ArchiveException.class, () -> pusher(server.baseUri().toString(), 4,
			oneAtATime).push(pkg));
		assertEquals(ArchiveException.Kind.USAGE, e.kind());
		assertTrue(e.getMessage().startsWith(victim.path + " changed after it was exported: its sha256 differs from " +
			"the one in the package's manifest. It was not uploaded and nothing was submitted"), e.getMessage());
		assertEquals(0, count("POST /submissions/async"));
		assertFalse(messages.stream().anyMatch(m -> m.startsWith("retry")), "not sent again: " + messages);
		Thread.sleep(200); // the server finishes with the abandoned request
		for (final PackageFiles.Entry f : planned.get(planned.size() - 2)) {
			assertFalse(Files.exists(remote(pkg).resolve(f.path)), f.path + " stored from a request with a changed file");
		}
		assertNoPartialUploads();
		// restored, the package pushes; what arrived before is skipped
		Files.write(victim.file, original);
		fault = null;
		final PushResult r = pusher(server.baseUri().toString(), 4, oneAtATime).push(pkg);
		assertEquals("POST_PROCESSED", r.status());
		assertTrue(r.filesSkipped() > 0, "skipped " + r.filesSkipped());
		assertStoredIntact(pkg);
	}

	private static void sleep(final long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
