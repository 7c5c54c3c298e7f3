package io.github.biaannotations.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import io.github.biaannotations.archive.server.LocalArchiveServer;
import io.github.biaannotations.metadata.PageTabAttributes;
import io.github.biaannotations.model.Folders;

/**
 * Issue 13: the push against a local archive that enforces the real archive's rules (archive-server-facts.md),
 * in each of its unknown production settings: which package is which, lost answers without a second accession,
 * INVALID and stuck requests, updates of public studies, release dates of today, an invalid token, and the
 * BioImages permission.
 */
@ParameterizedClass
@EnumSource(ArchiveSetup.class)
class ArchiveRulesPushTest {

	private static final String PASSWORD = "rules-pw";
	private static final ObjectMapper JSON = new ObjectMapper();

	@Parameter
	ArchiveSetup setup;

	@TempDir
	Path tmp;

	private LocalArchiveServer server;
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final List<String> messages = new CopyOnWriteArrayList<>();
	private volatile Predicate<HttpExchange> fault;

	@BeforeEach
	void start() throws IOException {
		server = start(LocalArchiveServer.Role.ATTACH, 0);
	}

	private LocalArchiveServer start(final LocalArchiveServer.Role role, final long postProcessMillis)
		throws IOException
	{
		return start(role, postProcessMillis, 0);
	}

	private LocalArchiveServer start(final LocalArchiveServer.Role role, final long postProcessMillis, final int port)
		throws IOException
	{
		final LocalArchiveServer.Options o = setup.apply(new LocalArchiveServer.Options()).store(tmp.resolve("store"))
			.user("alice", PASSWORD.toCharArray(), role).stageDelayMillis(0).port(port);
		if (postProcessMillis > 0) o.postProcessDelayMillis(postProcessMillis);
		final LocalArchiveServer s = LocalArchiveServer.start(o);
		s.addFilter(new Filter() {

			@Override
			public void doFilter(final HttpExchange ex, final Chain chain) throws IOException {
				requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
				final Predicate<HttpExchange> f = fault;
				if (f != null && f.test(ex)) return;
				chain.doFilter(ex);
			}

			@Override
			public String description() {
				return "recorder and fault injector";
			}
		});
		return s;
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	private final PushListener listener = new PushListener() {

		@Override
		public void step(final String message) {
			messages.add(message);
		}
	};

	private ArchiveClient client() throws ArchiveException {
		return new ArchiveClient(server.baseUri().toString(), "alice", PASSWORD.toCharArray(), new RetryPolicy(3,
			Duration.ofMillis(5), Duration.ofMillis(20), d -> Thread.sleep(d.toMillis())), listener, null);
	}

	private PackagePusher pusher() throws ArchiveException {
		return new PackagePusher(client(), listener).pollEvery(Duration.ofMillis(10), Duration.ofMillis(40))
			.postProcessingAtMost(Duration.ofSeconds(10));
	}

	private PushResult push(final Path pkg) throws ArchiveException {
		return pusher().push(pkg);
	}

	private long count(final String request) {
		return requests.stream().filter(request::equals).count();
	}

	/** The accessions the archive lists for alice. */
	private List<String> accessions() throws ArchiveException {
		final ArchiveClient c = client();
		final List<String> out = new ArrayList<>();
		for (final SubmissionSummary s : c.submissions(0, 100)) {
			out.add(s.accNo);
		}
		c.signOut();
		return out;
	}

	private JsonNode stored(final String accNo, final int version) throws IOException {
		return JSON.readTree(server.store().resolve("submissions/" + accNo + "/" + version + "/submission.json")
			.toFile());
	}

	private static void assertDone(final PushResult r) {
		assertEquals("POST_PROCESSED", r.status(), r.accNo() + " " + r.errors());
	}

	/** Replaces the package with a new export of the same title, file names and sizes, as export --overwrite does. */
	private static Path exportAgain(final Path pkg, final String title, final long seed) throws IOException {
		Folders.deleteTree(pkg); // the push record goes with the folder
		return TestPackages.writeValid(pkg, title, 3, 2000, seed);
	}

	@Test
	void aReExportIsANewPackageAndNeverTakenForTheEarlierPush() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("package"), "Nuclei", 3, 2000, 1);
		final PushResult first = push(pkg);
		assertDone(first);
		final String firstFolder = PackagePusher.remoteFolder(pkg);
		// corrected and exported again into the same folder: same title, same names, files of the same sizes
		exportAgain(pkg, "Nuclei", 2);
		final String folder = PackagePusher.remoteFolder(pkg);
		assertNotEquals(firstFolder, folder, "a folder of the user area of its own");
		final PushResult second = push(pkg);
		assertEquals("S-BIAD2", second.accNo());
		assertFalse(second.submittedBefore());
		assertEquals(0, second.filesSkipped(), "none of the first package's files is taken for this one's");
		assertTrue(messages.contains("Your submissions S-BIAD1 have the same title but come from other packages: this " +
			"push makes a new submission (push --update ACCESSION makes the package one of theirs' next version " +
			"instead)"), messages.toString());
		try (Stream<Path> s = Files.walk(pkg)) {
			for (final Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
				if (p.getFileName().toString().startsWith(".bia-push")) continue;
				assertEquals(TestPackages.sha256(p), TestPackages.sha256(server.userFolder("alice").resolve(folder).resolve(
					pkg.relativize(p).toString())), p.toString());
			}
		}
		assertEquals(folder, PageTabAttributes.value(stored("S-BIAD2", 1), "RootPath"));
		// exported once more, and made the next version of the first submission: it is, and says so
		exportAgain(pkg, "Nuclei", 3);
		final PushResult update = pusher().updating("s-biad1").push(pkg);
		assertEquals("S-BIAD1", update.accNo());
		assertEquals(2, update.version());
		assertDone(update);
		assertEquals(PackagePusher.remoteFolder(pkg), PageTabAttributes.value(stored("S-BIAD1", 2), "RootPath"));
	}

	@Test
	void aRecordOfAnotherExportInTheFolderIsNotFollowed() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("package"), "Kept record", 2, 500, 4);
		push(pkg);
		final byte[] record = Files.readAllBytes(pkg.resolve(".bia-push.json"));
		exportAgain(pkg, "Kept record", 5);
		Files.write(pkg.resolve(".bia-push.json"), record); // say, copied back by hand
		final PushResult r = push(pkg);
		assertEquals("S-BIAD2", r.accNo());
		assertTrue(messages.contains("This folder was pushed before as S-BIAD1 from another export: this is a " +
			"different package (its manifest differs) and is not taken for S-BIAD1; it becomes a new submission (push " +
			"--update S-BIAD1 makes it S-BIAD1's next version instead)"), messages.toString());
	}

	@Test
	void updatesKeepTheStoredReleaseDateAndDoi() throws Exception {
		final String d1 = LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString();
		final Path v1 = TestPackages.writeValid(tmp.resolve("v1"), "Kept", 1, 300, 6, d1, true);
		// a DOI attribute asks the archive to register one
		final String tab = new String(Files.readAllBytes(v1.resolve("submission.json")), StandardCharsets.UTF_8);
		Files.writeString(v1.resolve("submission.json"), tab.replace("{\"name\":\"AttachTo\"",
			"{\"name\":\"DOI\",\"value\":\"\"},{\"name\":\"AttachTo\""));
		Files.delete(v1.resolve("manifest.json"));
		final PushResult first = push(v1);
		assertDone(first);
		final String doi = PageTabAttributes.value(stored(first.accNo(), 1), "DOI");
		assertTrue(doi != null && doi.endsWith(first.accNo()), "the archive registered a DOI: " + doi);
		// a new export, whose release date is the export's default and which has no DOI attribute
		final Path v2 = TestPackages.writeValid(tmp.resolve("v2"), "Kept, corrected", 2, 300, 7);
		final PushResult second = pusher().updating(first.accNo()).push(v2);
		assertDone(second);
		final JsonNode sent = stored(first.accNo(), 2);
		assertEquals(d1, PageTabAttributes.value(sent, "ReleaseDate"));
		assertEquals(doi, PageTabAttributes.value(sent, "DOI"));
		assertTrue(messages.contains("The new version keeps " + first.accNo() + "'s release date " + d1 + " (this " +
			"package says " + TestPackages.futureDate() + "; push --release-date changes it)."), messages.toString());
		assertTrue(messages.contains("The new version keeps " + first.accNo() + "'s DOI " + doi + "."), messages
			.toString());
		// a study not yet public may get another release date, given to push
		final String d3 = LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString();
		final Path v3 = TestPackages.writeValid(tmp.resolve("v3"), "Kept, again", 1, 300, 8);
		assertDone(pusher().updating(first.accNo()).releaseDate(LocalDate.parse(d3)).push(v3));
		assertEquals(d3, PageTabAttributes.value(stored(first.accNo(), 3), "ReleaseDate"));
	}

	@Test
	void aPublicStudyKeepsItsReleaseDateAndItsFilesAsTheArchiveAllows() throws Exception {
		final Path v1 = TestPackages.writeValid(tmp.resolve("v1"), "Public", 2, 300, 9);
		final LocalDate today = LocalDate.now(ZoneOffset.UTC);
		final PushResult first = pusher().releaseDate(today).push(v1);
		assertDone(first);
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The release date is " + today + ", today in UTC") && m
			.endsWith("(as chosen).")), messages.toString());
		// changed annotations: the public study keeps its release date; changing it is refused before anything is sent
		final Path v2 = TestPackages.writeValid(tmp.resolve("v2"), "Public, corrected", 2, 300, 10);
		final ArchiveException moved = assertThrows(ArchiveException.class, () -> pusher().updating(first.accNo())
			.releaseDate(today.plusDays(5)).push(v2));
		assertEquals(ArchiveException.Kind.USAGE, moved.kind());
		assertTrue(moved.getMessage().startsWith(first.accNo() + " is public since " + today), moved.getMessage());
		final long uploads = count("POST /files/user/upload");
		final PushResult second = pusher().updating(first.accNo()).push(v2);
		assertTrue(count("POST /files/user/upload") > uploads);
		assertEquals(today.toString(), PageTabAttributes.value(stored(first.accNo(), 2), "ReleaseDate"));
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("Files of " + first.accNo() + "'s current version " +
			"that this package changes or leaves out are replaced or removed.")), messages.toString());
		if (setup.preventFileDeletion) {
			assertEquals("INVALID", second.status());
			assertEquals(List.of("File deletion/modifications require admin permission."), second.errors());
		}
		else assertDone(second);
	}

	@Test
	void aReleaseDateOfTodayNeedsTheUsersYes() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("today"), "Today", 1, 300, 11, TestPackages.today(), false);
		final ArchiveException refused = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.USAGE, refused.kind());
		assertEquals("Not submitted: The release date is " + TestPackages.today() + ", today in UTC as the archive " +
			"counts it: the study becomes public as soon as the archive has processed it, and you can then no longer " +
			"delete it. To submit it so, give that release date explicitly (push --release-date " + TestPackages
				.today() + ", or release_date=" + TestPackages.today() + " in Fiji); for a later release, give a later " +
			"date.", refused.getMessage());
		assertEquals(0, count("POST /files/user/upload"), "nothing sent");
		final List<String> asked = new ArrayList<>();
		final PushResult yes = pusher().confirmingPublicRelease(q -> asked.add(q)).push(pkg);
		assertDone(yes);
		assertEquals(1, asked.size());
		// chosen at export (the manifest says so) or given to push: no question
		final Path chosen = TestPackages.writeValid(tmp.resolve("chosen"), "Chosen", 1, 300, 12, TestPackages.today(),
			true);
		assertDone(pusher().confirmingPublicRelease(q -> asked.add(q)).push(chosen));
		final Path given = TestPackages.writeValid(tmp.resolve("given"), "Given", 1, 300, 13);
		assertDone(pusher().releaseDate(LocalDate.now(ZoneOffset.UTC)).confirmingPublicRelease(q -> asked.add(q)).push(
			given));
		assertEquals(1, asked.size());
		assertEquals(TestPackages.today(), PageTabAttributes.value(stored("S-BIAD3", 1), "ReleaseDate"));
	}

	@Test
	void withoutTheBioImagesPermissionThePushSaysWhomToAsk() throws Exception {
		server.close();
		server = start(LocalArchiveServer.Role.PLAIN, 0);
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "No permission", 1, 300, 14);
		final ArchiveException e = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(500, e.status());
		assertTrue(e.getMessage().contains("not allowed to submit to BioImages collection") && e.getMessage().contains(
			"ask the BioImage Archive team (bioimage-archive@ebi.ac.uk) to allow alice to submit to the BioImages " +
				"collection, or push with an account that may"), e.getMessage());
		// nothing pending: with the permission, the next push submits, once
		server.close();
		server = start(LocalArchiveServer.Role.ATTACH, 0);
		assertDone(push(pkg));
		assertEquals(List.of("S-BIAD1"), accessions());
	}

	@Test
	void aTokenTheArchiveNoLongerKnowsAtTheSubmitLeadsToOneNewSignInAndOneAccession() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Token", 1, 300, 15);
		final AtomicInteger submits = new AtomicInteger();
		fault = ex -> {
			if (ex.getRequestURI().getPath().equals("/submissions/async") && submits.getAndIncrement() == 0) {
				try {
					server.expireSessions(); // the real archive answers the unknown token with 500, its profile too
				}
				catch (final IOException x) {
					throw new IllegalStateException(x);
				}
			}
			return false;
		};
		assertDone(push(pkg));
		assertEquals(2, count("POST /submissions/async"));
		assertEquals(2, count("POST /auth/login"));
		assertEquals(List.of("S-BIAD1"), accessions());
	}

	@Test
	void aGatewayErrorAfterTheArchiveTookTheSubmitIsRecognisedNotResent() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Gateway", 1, 300, 16);
		fault = ex -> {
			if (!ex.getRequestURI().getPath().equals("/submissions/async")) return false;
			forwardThenAnswer502(ex); // as a front proxy that timed out while the archive went on
			return true;
		};
		final PushResult r = push(pkg);
		assertDone(r);
		assertEquals("S-BIAD1", r.accNo());
		assertEquals(List.of("S-BIAD1"), accessions());
		assertTrue(messages.contains("The answer to the submit was lost: asking the archive whether it arrived"));
	}

	@Test
	void aSubmitThatNeverArrivedIsSentAgainOnlyWhenTheArchiveCannotStillBeWorkingOnIt() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Never arrived", 1, 300, 17);
		final AtomicInteger gateways = new AtomicInteger();
		fault = ex -> {
			if (!ex.getRequestURI().getPath().equals("/submissions/async") || gateways.getAndIncrement() > 0)
				return false;
			answer(ex, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
			return true;
		};
		final ArchiveException lost = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.UNKNOWN_OUTCOME, lost.kind());
		assertTrue(lost.getMessage().contains("nothing is submitted twice"), lost.getMessage());
		// at once again: the archive may still be working on it, so nothing is sent
		final ArchiveException early = assertThrows(ArchiveException.class, () -> push(pkg));
		assertEquals(ArchiveException.Kind.UNKNOWN_OUTCOME, early.kind());
		assertTrue(early.getMessage().contains("push does not submit again now"), early.getMessage());
		assertEquals(1, gateways.get());
		// long enough after, it is sent again, once
		final PushResult r = pusher().resendAfter(Duration.ZERO).push(pkg);
		assertDone(r);
		assertEquals(2, gateways.get());
		assertEquals(List.of("S-BIAD1"), accessions());
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The archive never received the submit sent at ")),
			messages.toString());
	}

	@Test
	void aLostAnswerToAnUpdateIsRecognisedByTheChangeInTheList() throws Exception {
		final PushResult first = push(TestPackages.writeValid(tmp.resolve("v1"), "Update lost", 1, 300, 18));
		final Path v2 = TestPackages.writeValid(tmp.resolve("v2"), "Update lost, corrected", 1, 300, 19);
		try (FlakyProxy proxy = new FlakyProxy(server.port())) {
			proxy.loseNextAnswerTo("POST /submissions/async");
			final PushResult r = new PackagePusher(new ArchiveClient(proxy.url(), "alice", PASSWORD.toCharArray(),
				new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), d -> Thread.sleep(d.toMillis())),
				listener, null), listener).pollEvery(Duration.ofMillis(10), Duration.ofMillis(40)).postProcessingAtMost(
					Duration.ofSeconds(10)).updating(first.accNo()).push(v2);
			assertEquals(1, proxy.cuts());
			assertEquals(first.accNo(), r.accNo());
			assertDone(r);
		}
		assertEquals(2, count("POST /submissions/async"));
		assertTrue(Files.isRegularFile(server.store().resolve("submissions/" + first.accNo() + "/2/submission.json")));
		assertFalse(Files.exists(server.store().resolve("submissions/" + first.accNo() + "/3")), "no third version");
	}

	@Test
	void aRequestThatStopsMovingEndsThePushAndALaterPushGoesOn() throws Exception {
		// a listed folder with a file inside it: the archive's circular reference, which fails a stage
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Stuck", 1, 300, 20);
		Files.writeString(pkg.resolve("annotations.tsv"), "Files\tannotation_type\tsource_image\nannotations\t" +
			"geometrical_annotations\ta.tif\nannotations/image_000.geojson\tgeometrical_annotations\ta.tif\n");
		final PackagePusher pusher = pusher().stallAfter(Duration.ofMillis(400));
		if (setup.asyncMode) {
			// with asyncMode the real archive marks the request INVALID
			assertEquals("INVALID", pusher.push(pkg).status());
			return;
		}
		final ArchiveException stuck = assertThrows(ArchiveException.class, () -> pusher.push(pkg));
		assertEquals(ArchiveException.Kind.SERVER, stuck.kind());
		assertTrue(stuck.getMessage().startsWith("Submission S-BIAD1 (version 1) has been REQUESTED since "), stuck
			.getMessage());
		assertTrue(stuck.getMessage().contains("write to the BioImage Archive team (bioimage-archive@ebi.ac.uk) " +
			"quoting S-BIAD1"), stuck.getMessage());
		// a later push asks again, and ends at once: the request has not moved since
		final long t0 = System.nanoTime();
		final ArchiveException again = assertThrows(ArchiveException.class, () -> pusher().stallAfter(Duration.ofMillis(
			400)).push(pkg));
		assertTrue(again.getMessage().startsWith("Submission S-BIAD1 (version 1) has been REQUESTED since "));
		assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
		assertEquals(1, count("POST /submissions/async"), "nothing submitted twice");
		// fixed and exported again, the package goes on as a new submission
		Files.writeString(pkg.resolve("annotations.tsv"), "Files\tannotation_type\tsource_image\n" +
			"annotations/image_000.geojson\tgeometrical_annotations\ta.tif\n");
		final PushResult fixed = push(pkg);
		assertEquals("S-BIAD2", fixed.accNo());
		assertDone(fixed);
	}

	@Test
	void aVersionStillPostProcessingIsSaidAndANewOneWaitsForIt() throws Exception {
		server.close();
		server = start(LocalArchiveServer.Role.ATTACH, 2000);
		final Path v1 = TestPackages.writeValid(tmp.resolve("v1"), "Slow", 1, 300, 21);
		final PushResult r = pusher().postProcessingAtMost(Duration.ofMillis(100)).push(v1);
		assertEquals("PROCESSED", r.status());
		assertTrue(r.processed() && r.stillProcessing());
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The archive has stored S-BIAD1 and is still " +
			"post-processing it")), messages.toString());
		final Path v2 = TestPackages.writeValid(tmp.resolve("v2"), "Slow, corrected", 1, 300, 22);
		final ArchiveException busy = assertThrows(ArchiveException.class, () -> pusher().updating("S-BIAD1").push(v2));
		assertEquals(ArchiveException.Kind.USAGE, busy.kind());
		assertTrue(busy.getMessage().startsWith("The archive is still processing a version of S-BIAD1 and takes no " +
			"new version until it is finished (POST_PROCESSED)"), busy.getMessage());
		// pushed again, the first package is followed to its end
		final PushResult done = push(v1);
		assertTrue(done.submittedBefore());
		assertDone(done);
		assertDone(pusher().updating("S-BIAD1").push(v2));
	}

	@Test
	void aRecordTheArchiveDoesNotKnowIsDroppedNotFollowedForever() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Reset", 1, 300, 23);
		assertDone(push(pkg));
		// the archive is reset (a workshop's local archive started afresh, at the same address)
		final int port = server.port();
		server.close();
		Folders.deleteTree(tmp.resolve("store"));
		server = start(LocalArchiveServer.Role.ATTACH, 0, port);
		final PushResult r = push(pkg);
		assertDone(r);
		assertFalse(r.submittedBefore());
		assertTrue(messages.stream().anyMatch(m -> m.startsWith("The archive no longer knows S-BIAD1 version 1 as " +
			"this package's submission")), messages.toString());
	}

	/** Forwards the submit to the archive, as a proxy would, and answers the client 502 as a timed-out proxy. */
	private void forwardThenAnswer502(final HttpExchange ex) {
		try {
			final byte[] body = ex.getRequestBody().readAllBytes();
			final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + "submissions/async"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			for (final String h : new String[] { "X-Session-Token", "Submission_Type", "Content-Type" }) {
				final String v = ex.getRequestHeaders().getFirst(h);
				if (v != null) b.header(h, v);
			}
			final Predicate<HttpExchange> f = fault;
			fault = null; // the forwarded request passes
			try {
				HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding());
			}
			finally {
				fault = f;
			}
			answer(ex, 502, "text/html", "<html><body>502 Proxy Error</body></html>");
		}
		catch (final IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void answer(final HttpExchange ex, final int status, final String type, final String body) {
		try {
			ex.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
			final byte[] b = body.getBytes(StandardCharsets.UTF_8);
			ex.getResponseHeaders().set("Content-Type", type);
			ex.sendResponseHeaders(status, b.length);
			ex.getResponseBody().write(b);
			ex.close();
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
