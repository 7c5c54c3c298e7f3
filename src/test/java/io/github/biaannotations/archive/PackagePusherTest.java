package io.github.biaannotations.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import io.github.biaannotations.archive.server.LocalArchiveServer;

/**
 * Pushes packages to the local archive over real HTTP on loopback, with the network and the server failing
 * in the ways they fail in practice; against each setting of the real archive that is unknown in production.
 */
@ParameterizedClass
@EnumSource(value = ArchiveSetup.class, names = { "DEFAULT", "ASYNC_MODE", "FTP_FOLDERS" })
class PackagePusherTest {

	@Parameter
	ArchiveSetup setup;

	private static final String PASSWORD = "correct horse battery";

	@TempDir
	Path tmp;

	private LocalArchiveServer server;
	/** Every request the server saw: "METHOD /path". */
	private final List<String> requests = new CopyOnWriteArrayList<>();
	/** Every session token the server saw, to prove none leaks into messages or files. */
	private final List<String> tokens = new CopyOnWriteArrayList<>();
	/** Messages the client gave its listener. */
	private final List<String> messages = new CopyOnWriteArrayList<>();
	private final List<TransferProgress> progress = new CopyOnWriteArrayList<>();
	private final AtomicInteger sleeps = new AtomicInteger();
	/** When set, decides whether the server answers a request itself with a fault (true = handled). */
	private volatile Predicate<HttpExchange> fault;

	@BeforeEach
	void start() throws IOException {
		server = startServer(0);
	}

	private LocalArchiveServer startServer(final long quota) throws IOException {
		return startServer(quota, 0);
	}

	private LocalArchiveServer startServer(final long quota, final int port) throws IOException {
		final LocalArchiveServer s = LocalArchiveServer.start(setup.apply(new LocalArchiveServer.Options()).store(tmp
			.resolve("store")).user("alice", PASSWORD.toCharArray()).stageDelayMillis(0).quotaBytes(quota).port(port));
		s.addFilter(new Filter() {

			@Override
			public void doFilter(final HttpExchange ex, final Chain chain) throws IOException {
				requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
				final String t = ex.getRequestHeaders().getFirst("X-Session-Token");
				if (t != null && !t.isEmpty()) tokens.add(t);
				final Predicate<HttpExchange> f = fault;
				if (f != null && f.test(ex)) return;
				chain.doFilter(ex);
			}

			@Override
			public String description() {
				return "test recorder and fault injector";
			}
		});
		return s;
	}

	@AfterEach
	void stop() throws IOException {
		if (server != null) server.close();
		assertNoSecretsLeaked();
	}

	private void assertNoSecretsLeaked() throws IOException {
		final List<String> texts = new ArrayList<>(messages);
		try (Stream<Path> s = Files.walk(tmp)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (p.getFileName().toString().equals(".bia-push.json")) texts.add(new String(Files.readAllBytes(p),
					StandardCharsets.UTF_8));
			}
		}
		for (final String text : texts) {
			assertFalse(text.contains(PASSWORD), "password leaked: " + text);
			for (final String t : tokens) {
				assertFalse(text.contains(t), "session token leaked: " + text);
			}
		}
	}

	private final PushListener listener = new PushListener() {

		@Override
		public void step(final String message) {
			messages.add(message);
		}

		@Override
		public void progress(final TransferProgress p) {
			progress.add(p);
			messages.add(p.toString());
		}

		@Override
		public void retrying(final String request, final String reason, final int attempt, final long delay) {
			messages.add("retry " + attempt + " of " + request + ": " + reason);
		}
	};

	private ArchiveClient client(final String url, final String password, final int attempts)
		throws ArchiveException
	{
		final RetryPolicy retry = new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(40), d -> {
			sleeps.incrementAndGet();
			Thread.sleep(d.toMillis());
		});
		return new ArchiveClient(url, "alice", password.toCharArray(), retry, listener, null);
	}

	private PushResult push(final Path pkg) throws ArchiveException {
		return push(pkg, server.baseUri().toString(), 4);
	}

	private PushResult push(final Path pkg, final String url, final int attempts) throws ArchiveException {
		return push(pkg, url, attempts, null);
	}

	private PushResult pushUpdating(final Path pkg, final String accNo) throws ArchiveException {
		return push(pkg, server.baseUri().toString(), 4, accNo);
	}

	private PushResult push(final Path pkg, final String url, final int attempts, final String update)
		throws ArchiveException
	{
		try {
			return pusher(client(url, PASSWORD, attempts)).updating(update).push(pkg);
		}
		catch (final ArchiveException e) {
			messages.add(e.getMessage());
			throw e;
		}
	}

	/** The archive is done with the submission: POST_PROCESSED, not only PROCESSED. */
	private static void assertProcessed(final PushResult r) {
		assertEquals("POST_PROCESSED", r.status(), r.accNo() + " " + r.errors());
		assertTrue(r.processed() && !r.stillProcessing());
	}

	/** The archive's answer to a submit whose file list names a file it does not have, with asyncMode false. */
	private void assertMissingFileRefused(final ArchiveException e, final int submits) {
		assertEquals(ArchiveException.Kind.REJECTED, e.kind(), e.getMessage());
		assertEquals(400, e.status());
		assertTrue(e.getMessage().contains("annotations/forgotten.geojson"), e.getMessage());
		assertEquals(submits, count("POST /submissions/async"));
	}

	/** A pusher that polls fast and waits briefly for post-processing. */
	private PackagePusher pusher(final ArchiveClient client) {
		return new PackagePusher(client, listener).pollEvery(Duration.ofMillis(10), Duration.ofMillis(50))
			.postProcessingAtMost(Duration.ofSeconds(10));
	}

	private long count(final String request) {
		return requests.stream().filter(request::equals).count();
	}

	/** Every file of the package is in the user area under the package's folder with the same sha256. */
	private void assertStoredIntact(final Path pkg) throws IOException {
		final Path folder = server.userFolder("alice").resolve(PackagePusher.remoteFolder(pkg));
		try (Stream<Path> s = Files.walk(pkg)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".bia-push")) continue;
				final Path stored = folder.resolve(pkg.relativize(p).toString());
				assertTrue(Files.isRegularFile(stored), "missing on the server: " + stored);
				assertEquals(TestPackages.sha256(p), TestPackages.sha256(stored), "content of " + stored);
			}
		}
		try (Stream<Path> s = Files.list(server.store().resolve("tmp"))) {
			assertEquals(0, s.count(), "partial uploads left in the store");
		}
	}

	@Test
	void pushUploadsSubmitsAndReportsTheAccession() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("nuclei-2026"), "Nuclei", 3, 70_000, 1);
		// one file of several send buffers, so that buffer reuse in the upload body is exercised
		final byte[] big = new byte[3_500_000];
		new java.util.Random(5).nextBytes(big);
		Files.createDirectories(pkg.resolve("images"));
		Files.write(pkg.resolve("images/big image.bin"), big);
		final PushResult r = push(pkg);
		assertEquals("S-BIAD1", r.accNo());
		assertProcessed(r);
		assertTrue(r.processed());
		assertEquals(6, r.filesUploaded()); // 3 annotations + image + annotations.tsv + submission.json
		assertStoredIntact(pkg);
		final TransferProgress last = progress.get(progress.size() - 1);
		assertEquals(last.totalBytes(), last.bytes());
		assertEquals(3 * 70_000 + big.length + Files.size(pkg.resolve("annotations.tsv")) + Files.size(pkg.resolve(
			"submission.json")), last.totalBytes());
		assertTrue(last.bytesPerSecond() > 0);
		assertEquals(1, count("POST /submissions/async"));
		// the archive stored the submission with RootPath set to the package's folder
		final String stored = new String(Files.readAllBytes(server.store().resolve(
			"submissions/S-BIAD1/1/submission.json")), StandardCharsets.UTF_8);
		assertTrue(stored.contains("\"RootPath\"") && stored.contains("\"" + PackagePusher.remoteFolder(pkg) + "\""),
			stored);
		assertTrue(PackagePusher.remoteFolder(pkg).matches("nuclei-2026-[0-9a-f]{12}"), PackagePusher.remoteFolder(pkg));
	}

	@Test
	void aFolderNameWithAccentsBecomesTheSameSafeNameAsFilesInsideGet() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("Études 2026"), "Accents", 1, 100, 26);
		assertTrue(PackagePusher.remoteFolder(pkg).startsWith("Etudes 2026-"), PackagePusher.remoteFolder(pkg));
		assertTrue(push(pkg).processed());
		assertTrue(Files.isRegularFile(server.userFolder("alice").resolve(PackagePusher.remoteFolder(pkg))
			.resolve("submission.json")));
	}

	@Test
	void secondPushSkipsWholeFilesAndNeverSubmitsTwice() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Twice", 3, 1000, 2);
		final PushResult first = push(pkg);
		final long uploads = count("POST /files/user/upload");
		final PushResult second = push(pkg);
		assertEquals(first.accNo(), second.accNo());
		assertTrue(second.submittedBefore());
		assertEquals(1, count("POST /submissions/async"));
		assertEquals(uploads, count("POST /files/user/upload"));
	}

	@Test
	void connectionDroppedMidUploadIsRetriedAndEveryFileArrivesIntact() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Dropped", 3, 300_000, 3);
		try (FlakyProxy proxy = new FlakyProxy(server.port())) {
			proxy.cutNextUploadAfter(100_000);
			final PushResult r = push(pkg, proxy.url(), 4);
			assertEquals(1, proxy.cuts());
			assertProcessed(r);
			assertTrue(messages.stream().anyMatch(m -> m.startsWith("retry 1 of POST /files/user/upload")), messages
				.toString());
		}
		assertStoredIntact(pkg);
	}

	@Test
	void afterADroppedPushASecondPushCompletesIt() throws Exception {
		// 4 annotations and the 2 files at the top, 2 per request, one request at a time: 3 requests
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Resumed", 4, 200_000, 4);
		final UploadLimits twoAtATime = new UploadLimits(2, 1 << 20, 1);
		try (FlakyProxy proxy = new FlakyProxy(server.port())) {
			// let the first request through, then cut the second: with one try per step the push stops there
			fault = ex -> {
				if (count("POST /files/user/upload") == 1) proxy.cutNextUploadAfter(250_000);
				return false;
			};
			final ArchiveException e = assertThrows(ArchiveException.class, () -> pusher(client(proxy.url(), PASSWORD,
				1)).uploads(twoAtATime).push(pkg));
			assertEquals(ArchiveException.Kind.CONNECTION, e.kind());
		}
		fault = null;
		// the cut request reached the server (its head passed the proxy); wait until the server has seen it
		for (int i = 0; i < 500 && count("POST /files/user/upload") < 2; i++) {
			Thread.sleep(10);
		}
		assertEquals(2, count("POST /files/user/upload"));
		assertEquals(0, count("POST /submissions/async"));
		final long before = count("POST /files/user/upload");
		final PushResult r = pusher(client(server.baseUri().toString(), PASSWORD, 4)).uploads(twoAtATime).push(pkg);
		assertProcessed(r);
		assertEquals(2, r.filesSkipped(), "the files of the request that arrived whole are skipped");
		assertEquals(4, r.filesUploaded());
		assertEquals(2, count("POST /files/user/upload") - before, requests + "\n" + messages);
		assertStoredIntact(pkg);
	}

	@Test
	void serverErrorsAreRetriedCheckingTheSessionOnce() throws Exception {
		// three 500s on one request; the session is still valid: one look at it is enough, not one per retry
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Five hundred", 2, 1000, 5);
		final AtomicInteger failed = new AtomicInteger();
		fault = ex -> {
			if (!ex.getRequestURI().getPath().equals("/files/user/upload") || failed.getAndIncrement() > 2)
				return false;
			answer(ex, 500, "{\"status\":\"FAIL\",\"log\":{\"level\":\"ERROR\",\"message\":\"boom\",\"subnodes\":[]}}");
			return true;
		};
		assertProcessed(push(pkg));
		assertEquals(3, sleeps.get());
		assertEquals(1, count("GET /auth/profile"));
		assertEquals(1, count("POST /auth/login"));
		assertStoredIntact(pkg);
	}

	@Test
	void anExpiredSessionInTheMiddleLeadsToOneNewSignIn() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Expired", 3, 1000, 6);
		fault = ex -> {
			if (ex.getRequestURI().getPath().equals("/files/user/upload") && count("POST /files/user/upload") == 2) {
				try {
					server.expireSessions();
				}
				catch (final IOException e) {
					throw new IllegalStateException(e);
				}
			}
			return false;
		};
		final PushResult r = push(pkg);
		assertProcessed(r);
		assertEquals(2, count("POST /auth/login"));
		assertTrue(messages.contains("Session expired: signing in again"));
		assertStoredIntact(pkg);
	}

	@Test
	void anExpiredSessionAnsweredWith500AlsoLeadsToANewSignIn() throws Exception {
		// archive-api.md: the real server may answer an invalid token with 500 rather than 401
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Expired 500", 3, 1000, 17);
		final AtomicInteger done = new AtomicInteger();
		fault = ex -> {
			if (!ex.getRequestURI().getPath().equals("/files/user/upload") || count("POST /files/user/upload") != 2 ||
				done.getAndIncrement() > 0) return false;
			try {
				server.expireSessions();
			}
			catch (final IOException e) {
				throw new IllegalStateException(e);
			}
			answer(ex, 500, "{\"status\":\"FAIL\",\"log\":{\"level\":\"ERROR\",\"message\":\"token\",\"subnodes\":[]}}");
			return true;
		};
		final PushResult r = push(pkg);
		assertProcessed(r);
		assertEquals(2, count("POST /auth/login"));
		assertEquals(1, count("GET /auth/profile"));
		assertStoredIntact(pkg);
	}

	@Test
	void aSymbolicLinkInThePackageIsRefusedNotFollowed() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Linked", 1, 10, 8);
		final Path secret = Files.writeString(tmp.resolve("secret.txt"), "not for the archive");
		Files.createSymbolicLink(pkg.resolve("annotations/leak.txt"), secret);
		final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.USAGE, e.kind());
		assertTrue(e.getMessage().contains("symbolic links, which push does not follow: annotations/leak.txt"),
			e.getMessage());
		assertEquals(0, count("POST /files/user/upload"), "nothing uploaded");
	}

	@Test
	void aWrongPasswordGivesOneClearMessageAndNoRetries() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Wrong", 1, 10, 7);
		final ArchiveException e = assertThrows(ArchiveException.class, () -> new PackagePusher(client(server
			.baseUri().toString(), "not the password", 5), listener).push(pkg));
		assertEquals(ArchiveException.Kind.AUTHENTICATION, e.kind());
		assertEquals(401, e.status());
		assertTrue(e.getMessage().contains("refused the sign-in of 'alice'") && e.getMessage().contains(
			"Invalid email address or password."), e.getMessage());
		assertFalse(e.getMessage().contains("not the password"));
		assertEquals(Collections.singletonList("POST /auth/login"), requests);
		assertEquals(0, sleeps.get());
	}

	@Test
	void aServerThatIsDownFailsAfterBoundedRetries() throws Exception {
		final int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Down", 1, 10, 8);
		final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg, "http://127.0.0.1:" + port,
			3));
		assertEquals(ArchiveException.Kind.CONNECTION, e.kind());
		assertTrue(e.getMessage().startsWith("Cannot reach the archive at http://127.0.0.1:" + port), e.getMessage());
		assertTrue(e.getMessage().contains("3 tries"), e.getMessage());
		assertEquals(2, sleeps.get());
	}

	@Test
	void theServerRestartingInTheMiddleOfAPushIsRiddenOut() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Restart", 4, 50_000, 13);
		final int port = server.port();
		final Thread[] restarter = new Thread[1];
		fault = ex -> {
			if (restarter[0] != null || count("POST /files/user/upload") != 1) return false;
			// the archive goes down while this upload is on its way, and comes back 300 ms later
			restarter[0] = new Thread(() -> {
				try {
					server.close();
					Thread.sleep(300);
					server = startServer(0, port);
				}
				catch (final Exception e) {
					throw new IllegalStateException(e);
				}
			});
			restarter[0].start();
			try {
				ex.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
			}
			catch (final IOException e) {
				// gone
			}
			ex.close();
			return true;
		};
		final PushResult r = new PackagePusher(new ArchiveClient(server.baseUri().toString(), "alice", PASSWORD
			.toCharArray(), new RetryPolicy(8, Duration.ofMillis(50), Duration.ofMillis(400), d -> Thread.sleep(d
				.toMillis())), listener, null), listener).pollEvery(Duration.ofMillis(10), Duration.ofMillis(50))
					.postProcessingAtMost(Duration.ofSeconds(10)).push(pkg);
		restarter[0].join();
		assertProcessed(r);
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("retry ")), messages.toString());
		// the session was kept on disk across the restart: no second sign-in was needed
		assertEquals(1, count("POST /auth/login"));
		assertStoredIntact(pkg);
	}

	@Test
	void aFullDiskFailsWithTheServersMessageAndKeepsWhatWasWhole() throws Exception {
		server.close();
		server = startServer(5000);
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Full", 3, 2000, 9);
		final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.SERVER, e.kind());
		if (setup.ftp) {
			// the archive's FTP folders answer a failed store with 200: the push finds out by listing what is there
			assertTrue(e.getMessage().contains("storing in your FTP user folder failed, which the archive answers " +
				"with OK"), e.getMessage());
		}
		else {
			assertEquals(500, e.status());
			assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
		}
		assertEquals(0, count("POST /submissions/async"));
		// files on the server are whole or absent, never partial (requests on their way together may all have failed)
		final Path folder = server.userFolder("alice").resolve(PackagePusher.remoteFolder(pkg));
		if (Files.isDirectory(folder)) {
			try (Stream<Path> s = Files.walk(folder)) {
				for (final Path p : (Iterable<Path>) s::iterator) {
					if (Files.isRegularFile(p)) assertEquals(Files.size(pkg.resolve(folder.relativize(p).toString())), Files
						.size(p), p.toString());
				}
			}
		}
		// with room again, the next push completes
		server.close();
		server = startServer(0);
		assertProcessed(push(pkg));
		assertStoredIntact(pkg);
	}

	@Test
	void aLostAnswerToTheSubmitIsCheckedNotResent() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Lost answer", 2, 1000, 10);
		try (FlakyProxy proxy = new FlakyProxy(server.port())) {
			proxy.loseNextAnswerTo("POST /submissions/async");
			final PushResult r = push(pkg, proxy.url(), 4);
			assertEquals(1, proxy.cuts());
			assertEquals("S-BIAD1", r.accNo());
			assertProcessed(r);
		}
		assertEquals(1, count("POST /submissions/async"));
		assertTrue(messages.contains("The answer to the submit was lost: asking the archive whether it arrived"));
	}

	@Test
	void whenTheArchiveCannotBeAskedTheNextPushAsksBeforeSubmitting() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Ask later", 2, 1000, 14);
		final PushResult r;
		try (FlakyProxy proxy = new FlakyProxy(server.port())) {
			proxy.loseNextAnswerTo("POST /submissions/async");
			// and the archive's list is failing right after the submit
			fault = ex -> {
				if (!ex.getRequestURI().getPath().equals("/submissions") || !ex.getRequestMethod().equals("GET") || count(
					"POST /submissions/async") == 0) return false;
				answer(ex, 503, "");
				return true;
			};
			final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg, proxy.url(), 2));
			assertEquals(ArchiveException.Kind.UNKNOWN_OUTCOME, e.kind());
			assertTrue(e.getMessage().contains("nothing is submitted twice"), e.getMessage());
			fault = null;
			r = push(pkg, proxy.url(), 2);
		}
		assertProcessed(r);
		assertTrue(r.submittedBefore(), messages + "\n" + requests);
		assertEquals("S-BIAD1", r.accNo());
		assertEquals(1, count("POST /submissions/async"));
		assertTrue(messages.contains("The previous push sent a submit whose answer was lost: asking the archive"));
	}

	@Test
	void withoutItsRecordAPackageIsStillNotSubmittedTwice() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "No record", 2, 1000, 15);
		final PushResult first = push(pkg);
		Files.delete(pkg.resolve(".bia-push.json")); // as on another machine, or the record deleted
		final PushResult second = push(pkg);
		assertEquals(first.accNo(), second.accNo());
		assertTrue(second.submittedBefore());
		assertEquals(1, count("POST /submissions/async"));
		assertTrue(messages.contains("This package was already submitted as " + first.accNo() +
			": following it, not submitting again"), messages.toString());
	}

	@Test
	void anInvalidFirstVersionIsSubmittedAnewAsTheArchiveNeverReusesItsAccession() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Invalid", 2, 100, 11);
		Files.write(pkg.resolve("annotations.tsv"), ("Files\tsource_image\nannotations/image_000.geojson\ta.tif\n" +
			"annotations/forgotten.geojson\tb.tif\n").getBytes(StandardCharsets.UTF_8));
		if (!setup.asyncMode) {
			// the archive maps every listed file while answering the submit: refused at once, nothing submitted
			assertMissingFileRefused(assertThrows(ArchiveException.class, () -> push(pkg)), 1);
			Files.write(pkg.resolve("annotations/forgotten.geojson"), new byte[] { 1, 2 });
			assertEquals("S-BIAD1", push(pkg).accNo());
			return;
		}
		final PushResult bad = push(pkg);
		assertEquals("INVALID", bad.status());
		assertFalse(bad.processed());
		assertTrue(bad.errors().size() == 1 && bad.errors().get(0).startsWith("The following files could not be found:") &&
			bad.errors().get(0).contains("annotations/forgotten.geojson"), bad.errors().toString());
		// pushed again as it is: the real archive refuses an ordinary user an accession that was never stored, so
		// the push makes a new submission and says why, instead of staying stuck on S-BIAD1
		final PushResult again = push(pkg);
		assertEquals("S-BIAD2", again.accNo());
		assertEquals("INVALID", again.status());
		assertTrue(messages.contains(bad.accNo() + " was invalid and the archive never stored a version of it; it " +
			"does not let that accession be used again: submitting the package as a new submission"), messages
				.toString());
		assertFalse(new String(Files.readAllBytes(server.store().resolve("submissions/S-BIAD2/1/submission.json")),
			StandardCharsets.UTF_8).contains("\"accno\":\"S-BIAD1\""), "no accession was given with the submit");
		// fixed (a different package now: its files changed), it is a third, good submission
		Files.write(pkg.resolve("annotations/forgotten.geojson"), new byte[] { 1, 2 });
		final PushResult fixed = push(pkg);
		assertEquals("S-BIAD3", fixed.accNo());
		assertEquals(1, fixed.version());
		assertProcessed(fixed);
		assertStoredIntact(pkg);
	}

	@Test
	void anInvalidUpdateIsSentAgainAsTheSameAccessionsNextVersion() throws Exception {
		final PushResult first = push(TestPackages.write(tmp.resolve("v1"), "Good", 1, 100, 31));
		final Path v2 = TestPackages.write(tmp.resolve("v2"), "Good, corrected", 1, 100, 32);
		Files.write(v2.resolve("annotations.tsv"), ("Files\tsource_image\nannotations/image_000.geojson\ta.tif\n" +
			"annotations/forgotten.geojson\tb.tif\n").getBytes(StandardCharsets.UTF_8));
		if (!setup.asyncMode) {
			assertMissingFileRefused(assertThrows(ArchiveException.class, () -> pushUpdating(v2, first.accNo())), 2);
			return;
		}
		final PushResult bad = pushUpdating(v2, first.accNo());
		assertEquals("INVALID", bad.status());
		assertEquals(first.accNo(), bad.accNo());
		// pushed again (no --update needed: the record knows), the same accession gets it
		final PushResult again = push(v2);
		assertEquals(first.accNo(), again.accNo());
		assertEquals("INVALID", again.status());
		assertTrue(messages.contains("The last version of " + first.accNo() + " was invalid: submitting the package " +
			"again as its next version"), messages.toString());
		assertEquals(3, count("POST /submissions/async"));
	}

	@Test
	void aNewPackageCanUpdateAnEarlierSubmissionAsItsNextVersion() throws Exception {
		final PushResult first = push(TestPackages.write(tmp.resolve("nuclei-v1"), "Nuclei", 2, 100, 21));
		final Path v2 = TestPackages.write(tmp.resolve("nuclei-v2"), "Nuclei, corrected", 3, 100, 22);
		final PushResult updated = pushUpdating(v2, first.accNo());
		assertEquals(first.accNo(), updated.accNo());
		assertEquals(2, updated.version());
		assertProcessed(updated);
		assertStoredIntact(v2);
		final String stored = new String(Files.readAllBytes(server.store().resolve("submissions/" + first.accNo() +
			"/2/submission.json")), StandardCharsets.UTF_8);
		assertTrue(stored.contains("Nuclei, corrected") && stored.contains("\"" + PackagePusher.remoteFolder(v2) + "\""),
			stored);
		assertTrue(messages.contains("Updating " + first.accNo() + " (Nuclei)"), messages.toString());
		// pushing the update again follows it: no third version
		final PushResult again = pushUpdating(v2, first.accNo());
		assertTrue(again.submittedBefore());
		assertEquals(2, again.version());
		assertEquals(2, count("POST /submissions/async"));
	}

	@Test
	void updatingASubmissionThatIsNotTheUsersFailsBeforeUploading() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Orphan", 2, 100, 23);
		final ArchiveException e = assertThrows(ArchiveException.class, () -> pushUpdating(pkg, "S-BIAD99"));
		assertEquals(ArchiveException.Kind.USAGE, e.kind());
		assertTrue(e.getMessage().startsWith("S-BIAD99 is not a submission of alice at "), e.getMessage());
		assertEquals(0, count("POST /files/user/upload"));
		assertEquals(0, count("POST /submissions/async"));
		final IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new PackagePusher(
			client(server.baseUri().toString(), PASSWORD, 1), listener).updating("S BIAD 1; rm"));
		assertEquals("'S BIAD 1; rm' is not an accession (such as S-BIAD1752)", bad.getMessage());
	}

	@Test
	void aPackageAlreadySubmittedCannotAlsoUpdateAnotherSubmission() throws Exception {
		final PushResult other = push(TestPackages.write(tmp.resolve("other"), "Other", 1, 100, 24));
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Mine", 1, 100, 25);
		final PushResult mine = push(pkg);
		final ArchiveException e = assertThrows(ArchiveException.class, () -> pushUpdating(pkg, other.accNo()));
		assertEquals(ArchiveException.Kind.USAGE, e.kind());
		assertEquals("This package was already submitted to " + server.baseUri() + " as " + mine.accNo() + "; it " +
			"cannot also update " + other.accNo() + ". Export it again into a new folder to update " + other.accNo() +
			".", e.getMessage());
		assertEquals(2, count("POST /submissions/async"));
	}

	@Test
	void aRefusedSubmitIsReportedWithTheServersCausesAndLeavesNothingPending() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Refused", 1, 100, 12);
		final String good = new String(Files.readAllBytes(pkg.resolve("annotations.tsv")), StandardCharsets.UTF_8);
		Files.write(pkg.resolve("annotations.tsv"), good.replace("Files\t", "Filez\t").getBytes(StandardCharsets.UTF_8));
		final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.REJECTED, e.kind());
		assertEquals(400, e.status());
		assertEquals("Submission validation errors", e.serverMessage());
		assertTrue(e.details().get(0).contains("must start with the header 'Files'"), e.details().toString());
		assertTrue(e.getMessage().contains("\n  - The file list"), e.getMessage());
		Files.write(pkg.resolve("annotations.tsv"), good.getBytes(StandardCharsets.UTF_8));
		assertProcessed(push(pkg));
		assertFalse(messages.stream().anyMatch(m -> m.contains("answer was lost")), messages.toString());
	}

	@Test
	void aReleaseDateInThePastIsRefusedBeforeAnythingIsSent() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Past", 1, 100, 12);
		final String past = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1).toString();
		Files.write(pkg.resolve("submission.json"), new String(Files.readAllBytes(pkg.resolve("submission.json")),
			StandardCharsets.UTF_8).replace(TestPackages.futureDate(), past).getBytes(StandardCharsets.UTF_8));
		final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.USAGE, e.kind());
		assertTrue(e.getMessage().startsWith("The package's release date " + past + " is in the past (today is "), e
			.getMessage());
		assertEquals(0, count("POST /files/user/upload"));
	}

	@Test
	void filesTheArchiveWouldRefuseAreNamedBeforeAnythingIsSent() throws Exception {
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Bad names", 1, 10, 16);
		Files.write(pkg.resolve("annotations/cell:1.geojson"), new byte[] { 1 });
		Files.write(pkg.resolve("annotations/zellkern_ä.geojson"), new byte[] { 1 });
		final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.USAGE, e.kind());
		assertTrue(e.getMessage().contains("annotations/cell:1.geojson") && e.getMessage().contains(
			"annotations/zellkern_ä.geojson"), e.getMessage());
		assertEquals(Collections.emptyList(), requests);
		final ArchiveException none = assertThrows(ArchiveException.class, () -> push(tmp.resolve("store")));
		assertTrue(none.getMessage().endsWith("has no submission.json"), none.getMessage());
	}

	@Test
	void plainHttpIsRefusedForOtherMachines() {
		final ArchiveException e = assertThrows(ArchiveException.class, () -> client("http://archive.example.org/api",
			PASSWORD, 1));
		assertEquals(ArchiveException.Kind.USAGE, e.kind());
		assertTrue(e.getMessage().contains("Use https://"), e.getMessage());
		assertThrows(ArchiveException.class, () -> client("https://alice:pw@archive.example.org/api", PASSWORD, 1));
	}

	@Test
	void thirtyPeoplePushingAtOnceAllGetTheirOwnAccession() throws Exception {
		final int people = 30;
		final List<Path> packages = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			packages.add(TestPackages.write(tmp.resolve("pkg" + i), "Workshop " + i, 3, 20_000, 100 + i));
		}
		final List<PushResult> results = new CopyOnWriteArrayList<>();
		final List<Throwable> failures = new CopyOnWriteArrayList<>();
		final List<Thread> threads = new ArrayList<>();
		for (final Path pkg : packages) {
			final Thread t = new Thread(() -> {
				try {
					results.add(new PackagePusher(client(server.baseUri().toString(), PASSWORD, 4), PushListener.NONE)
						.pollEvery(Duration.ofMillis(20), Duration.ofMillis(100)).postProcessingAtMost(Duration.ofSeconds(10))
						.push(pkg));
				}
				catch (final Throwable e) {
					failures.add(e);
				}
			});
			threads.add(t);
			t.start();
		}
		for (final Thread t : threads) {
			t.join(120_000);
		}
		assertEquals(Collections.emptyList(), failures);
		assertEquals(people, results.size());
		assertEquals(people, results.stream().map(PushResult::accNo).distinct().count());
		for (final PushResult r : results) {
			assertProcessed(r);
		}
		for (final Path pkg : packages) {
			assertStoredIntact(pkg);
		}
		assertNotEquals(0, count("POST /auth/login"));
	}

	private static void answer(final HttpExchange ex, final int status, final String body) {
		try {
			ex.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
			final byte[] b = body.getBytes(StandardCharsets.UTF_8);
			ex.getResponseHeaders().set("Content-Type", "application/json");
			ex.sendResponseHeaders(status, b.length);
			ex.getResponseBody().write(b);
			ex.close();
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
