package io.github.biaannotations.archive.server;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.archive.TestPackages;

/**
 * The local archive called as curl would call it: hand-built requests, status codes and JSON bodies checked
 * against archive-api.md.
 */
class LocalArchiveServerContractTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path tmp;

	private LocalArchiveServer server;

	@BeforeEach
	void start() throws IOException {
		server = start(0);
	}

	private LocalArchiveServer start(final long delay) throws IOException {
		return start(options(delay));
	}

	private LocalArchiveServer start(final LocalArchiveServer.Options options) throws IOException {
		return LocalArchiveServer.start(options);
	}

	private LocalArchiveServer.Options options(final long delay) {
		return new LocalArchiveServer.Options().store(tmp.resolve("store")).user("alice", "wonder".toCharArray())
			.user("bob", "builder".toCharArray()).stageDelayMillis(delay).postProcessDelayMillis(delay);
	}

	private ServerCalls calls;

	/** Requests to the running server (a restarted one listens on a new port), as curl sends them. */
	private ServerCalls calls() {
		if (calls == null || !calls.base().equals(server.baseUri())) calls = new ServerCalls(server.baseUri());
		return calls;
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	private static JsonNode json(final HttpResponse<byte[]> r) throws IOException {
		return JSON.readTree(r.body());
	}

	private String login(final String user, final String password) throws Exception {
		final HttpResponse<byte[]> r = calls().postJson("auth/login", null, "{\"login\":\"" + user + "\",\"password\":\"" +
			password + "\"}");
		assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
		return json(r).get("sessid").asText();
	}

	private String submitAsync(final String token, final String pageTab) throws Exception {
		final HttpResponse<byte[]> r = calls().send(calls().request("submissions/async", token).header("Submission_Type",
			"application/json").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
				pageTab)));
		assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
		final JsonNode answer = json(r);
		assertEquals(1, answer.get("version").asInt());
		return answer.get("accNo").asText();
	}

	/** Polls version 1 of a request until it ends: POST_PROCESSED or INVALID. */
	private String pollStatus(final String token, final String accNo) throws Exception {
		for (int i = 0; i < 200; i++) {
			final HttpResponse<byte[]> r = calls().get("submissions/requests/" + accNo + "/1/status", token);
			assertEquals(200, r.statusCode());
			final String status = json(r).asText();
			if (status.equals("POST_PROCESSED") || status.equals("INVALID")) return status;
			Thread.sleep(50);
		}
		throw new AssertionError("request " + accNo + " never finished");
	}

	private void uploadPackage(final String token, final String folder, final Path pkg) throws Exception {
		assertEquals(200, calls().upload(token, folder, "annotations.tsv", Files.readAllBytes(pkg.resolve(
			"annotations.tsv"))).statusCode());
		try (java.util.stream.Stream<Path> s = Files.list(pkg.resolve("annotations"))) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				assertEquals(200, calls().upload(token, folder + "/annotations", p.getFileName().toString(), Files
					.readAllBytes(p)).statusCode());
			}
		}
	}

	@Test
	void wrongPasswordGivesTheServersFailBody() throws Exception {
		final HttpResponse<byte[]> r = calls().postJson("auth/login", null, "{\"login\":\"alice\",\"password\":\"nope\"}");
		assertEquals(401, r.statusCode());
		assertEquals(JSON.readTree("{\"status\":\"FAIL\",\"log\":{\"level\":\"ERROR\"," +
			"\"message\":\"Invalid email address or password.\",\"subnodes\":[]}}"), json(r));
	}

	@Test
	void noTokenGives401AndAnUnknownToken500() throws Exception {
		final HttpResponse<byte[]> none = calls().get("collections", null);
		assertEquals(401, none.statusCode());
		assertEquals(JSON.readTree("{\"message\":\"Full authentication is required to access this resource\"}"),
			json(none));
		// the real server's security filter throws outside its error handling: the container's 500, on every
		// path, sign-in and profile included
		for (final String path : new String[] { "collections", "auth/profile", "submissions" }) {
			final HttpResponse<byte[]> r = calls().get(path, "0123456789abcdef");
			assertEquals(500, r.statusCode(), path);
			assertEquals("Internal Server Error", json(r).get("error").asText(), path);
			assertEquals("/" + path, json(r).get("path").asText(), path);
		}
		assertEquals(500, calls().send(calls().request("auth/login", "0123456789abcdef").header("Content-Type",
			"application/json").POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"alice\",\"password\":\"wonder\"}")))
			.statusCode());
	}

	@Test
	void loginProfileCollectionsAndLogout() throws Exception {
		final HttpResponse<byte[]> r = calls().postJson("auth/signin", null, "{\"login\":\"alice\",\"password\":\"wonder\"}");
		assertEquals(200, r.statusCode());
		final JsonNode profile = json(r);
		for (final String field : new String[] { "sessid", "email", "username", "fullname", "superuser", "orcid",
			"allow", "deny", "secret", "uploadType", "lastActivity" })
		{
			assertTrue(profile.has(field), "profile field " + field);
		}
		final String token = profile.get("sessid").asText();
		assertEquals("alice", json(calls().send(calls().request("auth/profile", null).header("x-session-token", token).GET())).get(
			"username").asText());
		final JsonNode collections = json(calls().get("collections", token));
		assertEquals("BioImages", collections.get(0).get("accno").asText());
		assertEquals(200, calls().postJson("auth/logout", token, "{\"sessid\":\"" + token + "\"}").statusCode());
		assertEquals(500, calls().get("auth/profile", token).statusCode(), "a token after logout is unknown");
	}

	@Test
	void userAreaUploadQueryDownloadDelete() throws Exception {
		final String token = login("alice", "wonder");
		final byte[] content = "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8);
		final HttpResponse<byte[]> up = calls().upload(token, "pkg/annotations", "a b.geojson", content);
		assertEquals(200, up.statusCode());
		assertEquals(0, up.body().length);
		final JsonNode listing = json(calls().postJson("files/user/query", token, "{\"path\":\"pkg/annotations\"}"));
		assertEquals(1, listing.size());
		assertEquals("a b.geojson", listing.get(0).get("name").asText());
		assertEquals("user/pkg/annotations", listing.get(0).get("path").asText());
		assertEquals(content.length, listing.get(0).get("size").asLong());
		assertEquals("FILE", listing.get(0).get("type").asText());
		final JsonNode root = json(calls().postJson("files/user/query", token, "{\"path\":\"\"}"));
		assertEquals("DIR", root.get(0).get("type").asText());
		assertEquals("user", root.get(0).get("path").asText());
		// overwritten by a second upload of the same name
		assertEquals(200, calls().upload(token, "pkg/annotations", "a b.geojson", new byte[] { 1, 2, 3 }).statusCode());
		final HttpResponse<byte[]> down = calls().postJson("files/user/download", token,
			"{\"path\":\"pkg/annotations\",\"fileName\":\"a b.geojson\"}");
		assertEquals(200, down.statusCode());
		assertArrayEquals(new byte[] { 1, 2, 3 }, down.body());
		assertEquals(200, calls().postJson("folder/user/create", token, "{\"path\":\"pkg\",\"fileName\":\"empty\"}")
			.statusCode());
		assertTrue(Files.isDirectory(server.userFolder("alice").resolve("pkg/empty")));
		assertEquals(200, calls().postJson("files/user/delete", token, "{\"path\":\"pkg/annotations\",\"fileName\":" +
			"\"a b.geojson\"}").statusCode());
		assertEquals(0, json(calls().postJson("files/user/query", token, "{\"path\":\"pkg/annotations\"}")).size());
		// bob does not see alice's files
		assertEquals(0, json(calls().postJson("files/user/query", login("bob", "builder"), "{\"path\":\"pkg\"}")).size());
	}

	@Test
	void pathsOutsideTheUserFolderAreRefused() throws Exception {
		final String token = login("alice", "wonder");
		for (final String body : new String[] { "{\"path\":\"../\"}", "{\"path\":\"a/../../..\"}" }) {
			final HttpResponse<byte[]> r = calls().postJson("files/user/query", token, body);
			assertEquals(403, r.statusCode());
			assertTrue(json(r).get("message").asText().startsWith(
				"The user does not have permission for accessing path"), json(r).toString());
		}
		assertEquals(403, calls().upload(token, "../../escape", "x.txt", new byte[] { 1 }).statusCode());
		assertEquals(403, calls().postJson("files/user/download", token, "{\"path\":\"\",\"fileName\":\"../x\"}")
			.statusCode());
		assertFalse(Files.exists(server.store().resolve("files/escape")));
	}

	@Test
	void asyncSubmissionIsProcessedAndGetsAnAccession() throws Exception {
		final String token = login("alice", "wonder");
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Nuclei outlines", 3, 100, 1);
		uploadPackage(token, "pkg", pkg);
		final String pageTab = new String(Files.readAllBytes(pkg.resolve("submission.json")), StandardCharsets.UTF_8)
			.replace("{\"name\":\"AttachTo\"", "{\"name\":\"RootPath\",\"value\":\"pkg\"},{\"name\":\"AttachTo\"");
		final String accNo = submitAsync(token, pageTab);
		assertEquals("S-BIAD1", accNo);
		assertEquals("POST_PROCESSED", pollStatus(token, accNo));
		final JsonNode info = json(calls().get("submissions/" + accNo, token));
		assertEquals(accNo, info.get("accno").asText());
		assertEquals(accNo, info.get("displayAccNo").asText());
		assertEquals("Nuclei outlines", info.get("title").asText());
		assertEquals("PROCESSED", info.get("status").asText());
		assertEquals(0, info.get("errors").size());
		assertTrue(info.has("mtime") && info.has("rtime") && info.has("newSubmission"));
		assertFalse(info.has("version") || info.has("ctime"), info.toString());
		final JsonNode stored = json(calls().get("submissions/" + accNo + ".json", token));
		assertEquals(accNo, stored.get("accno").asText());
		assertEquals("[]", json(calls().get("submissions/requests/" + accNo + "/1/errors", token)).toString());
		// bob cannot see it
		assertEquals(404, calls().get("submissions/" + accNo, login("bob", "builder")).statusCode());
		// sync submission: the stored PageTab comes back with the next accession
		final HttpResponse<byte[]> sync = calls().send(calls().request("submissions", token).header("Submission_Type",
			"application/json").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
				pageTab)));
		assertEquals(200, sync.statusCode());
		assertEquals("S-BIAD2", json(sync).get("accno").asText());
		// the listing has both, newest first
		final JsonNode found = json(calls().get("submissions?offset=0&limit=10", token));
		assertEquals(2, found.size());
		assertEquals("S-BIAD2", found.get(0).get("accno").asText());
	}

	@Test
	void missingListedFilesMakeTheRequestInvalidInAsyncMode() throws Exception {
		server.close();
		server = start(options(0).asyncMode(true));
		final String token = login("alice", "wonder");
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Incomplete", 2, 10, 2);
		assertEquals(200, calls().upload(token, "", "annotations.tsv", Files.readAllBytes(pkg.resolve("annotations.tsv")))
			.statusCode());
		final String accNo = submitAsync(token, new String(Files.readAllBytes(pkg.resolve("submission.json")),
			StandardCharsets.UTF_8));
		assertEquals("INVALID", pollStatus(token, accNo));
		final JsonNode errors = json(calls().get("submissions/requests/" + accNo + "/1/errors", token));
		assertEquals("The following files could not be found:\n  - annotations/image_000.geojson\n" +
			"  - annotations/image_001.geojson\nReferenced in file list: annotations.tsv\nList of available sources:\n" +
			"  - alice@localhost user files", errors.get(0).asText());
		final JsonNode info = json(calls().get("submissions/" + accNo, token));
		assertEquals("INVALID", info.get("status").asText());
		assertEquals(errors.get(0).asText(), info.get("errors").get(0).asText());
	}

	@Test
	void submissionValidationErrors() throws Exception {
		final String token = login("alice", "wonder");
		assertEquals(200, calls().upload(token, "", "annotations.tsv", "Files\tsource_image\n".getBytes(
			StandardCharsets.UTF_8)).statusCode());
		assertEquals(200, calls().upload(token, "", "bad.tsv", "Files\nbad:name.tif\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		final String past = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
		final String[][] cases = { { TestPackages.pageTab("t", null, "annotations.tsv"), "Release date is required" },
			{ TestPackages.pageTab("t", past, "bad.tsv"), "Release date cannot be in the past" },
			{ TestPackages.pageTab("t", TestPackages.futureDate(), "annotations.tsv"),
				"Problem processing file list 'annotations.tsv': A file list should contain at least one file" },
			{ TestPackages.pageTab("t", TestPackages.futureDate(), "bad.tsv"),
				"The given file path contains invalid characters: bad:name.tif\\nReferenced in file list: bad.tsv" } };
		for (final String[] c : cases) {
			final HttpResponse<byte[]> r = calls().send(calls().request("submissions/async", token).header("Submission_Type",
				"application/json").POST(HttpRequest.BodyPublishers.ofString(c[0])));
			assertEquals(400, r.statusCode());
			final JsonNode body = json(r);
			assertEquals("FAIL", body.get("status").asText());
			assertEquals("Submission validation errors", body.get("log").get("message").asText());
			assertTrue(body.get("log").get("subnodes").toString().contains(c[1]), body.toString());
		}
		final HttpResponse<byte[]> tsv = calls().send(calls().request("submissions", token).header("Submission_Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString("<x/>")));
		assertEquals(415, tsv.statusCode());
		assertEquals("FAIL", json(tsv).get("status").asText());
		// a file list that cannot be found, or named, is a 500: the real server fails to read the submission
		for (final String list : new String[] { "missing.tsv", "bad:name.tsv" }) {
			final HttpResponse<byte[]> r = calls().send(calls().request("submissions/async", token).header(
				"Submission_Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestPackages.pageTab("t",
					TestPackages.futureDate(), list))));
			assertEquals(500, r.statusCode(), list);
			assertTrue(json(r).get("log").get("message").asText().startsWith(list.equals("missing.tsv")
				? "The following files could not be found:\n  - missing.tsv\nList of available sources:\n"
				: "The given file path contains invalid characters: bad:name.tsv"), json(r).toString());
		}
		assertEquals(404, calls().get("submissions/S-BIAD999", token).statusCode());
		assertEquals("FAIL", json(calls().get("submissions/S-BIAD999", token)).get("status").asText());
		assertEquals(404, calls().get("submissions/S-BIAD999.json", token).statusCode());
		// an unknown request is the real server's 500 (SubmissionRequestNotFoundException)
		for (final String request : new String[] { "S-BIAD999/1/status", "S-BIAD999/1/errors", "S-BIAD999/x/status" }) {
			final HttpResponse<byte[]> r = calls().get("submissions/requests/" + request, token);
			assertEquals(500, r.statusCode(), request);
			assertEquals("FAIL", json(r).get("status").asText(), request);
		}
		assertEquals("The submission request 'S-BIAD999', version: 1 was not found", json(calls().get(
			"submissions/requests/S-BIAD999/1/status", token)).get("log").get("message").asText());
	}

	@Test
	void pageTabTsvSubmissionsAreAcceptedLikeJson() throws Exception {
		final String token = login("alice", "wonder");
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "TSV", 2, 100, 4);
		uploadPackage(token, "tsvpkg", pkg);
		final String tsv = "Submission\nTitle\tTSV study\nReleaseDate\t" + TestPackages.futureDate() +
			"\nAttachTo\tBioImages\nRootPath\ttsvpkg\n\nStudy\nTitle\tTSV study\n\nAnnotation\tAnn-1\n" +
			"File List\tannotations.tsv\n";
		final HttpResponse<byte[]> r = calls().send(calls().request("submissions/async", token).header("Submission_Type",
			"text/plain").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(tsv)));
		assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
		final String accNo = json(r).get("accNo").asText();
		assertEquals("POST_PROCESSED", pollStatus(token, accNo));
		assertEquals("TSV study", json(calls().get("submissions/" + accNo, token)).get("title").asText());
		final HttpResponse<byte[]> converted = calls().send(calls().request("submissions/check-pagetab?source=tsv&target=json", token)
			.POST(HttpRequest.BodyPublishers.ofString(tsv)));
		assertEquals(200, converted.statusCode());
		assertEquals("Annotation", json(converted).get("section").get("subsections").get(0).get("type").asText());
		final HttpResponse<byte[]> bad = calls().send(calls().request("submissions", token).header("Submission_Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("Study\ns-1\n")));
		assertEquals(400, bad.statusCode());
		assertEquals("TSV parse errors", json(bad).get("log").get("message").asText());
	}

	@Test
	void realArchiveSubmissionsAreReadAndValidatedLikeTheRealServer() throws Exception {
		final Path dir = Paths.get("../shared/reference/pagetab");
		Required.that(Files.isDirectory(dir), dir.toAbsolutePath().normalize() + " is absent (no ../shared/reference beside this checkout)");
		final String token = login("alice", "wonder");
		for (final String name : new String[] { "S-BIAD1076.json", "S-BIAD1752.json" }) {
			final byte[] real = Files.readAllBytes(dir.resolve(name));
			final HttpResponse<byte[]> checked = calls().send(calls().request("submissions/check-pagetab?source=json&target=json",
				token).POST(HttpRequest.BodyPublishers.ofByteArray(real)));
			assertEquals(200, checked.statusCode(), name);
			assertEquals(JSON.readTree(real), json(checked), name);
			// as a new submission by alice: released in the past, and its file lists are not in her user area
			final com.fasterxml.jackson.databind.node.ObjectNode pageTab = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
				.readTree(real);
			pageTab.remove("accno");
			final HttpResponse<byte[]> r = calls().send(calls().request("submissions/async", token).header("Submission_Type",
				"application/json").POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(pageTab))));
			// its file lists are not in her folder: the real server cannot read it (500)
			assertEquals(500, r.statusCode(), name);
			assertTrue(json(r).get("log").get("message").asText().startsWith("The following files could not be found:"),
				name + " " + json(r));
		}
	}

	@Test
	void checkPageTabAndFileListValidation() throws Exception {
		final String token = login("alice", "wonder");
		final String pageTab = TestPackages.pageTab("t", TestPackages.futureDate(), "list.tsv");
		final HttpResponse<byte[]> ok = calls().send(calls().request("submissions/check-pagetab?source=json&target=json", token)
			.POST(HttpRequest.BodyPublishers.ofString(pageTab)));
		assertEquals(200, ok.statusCode());
		final com.fasterxml.jackson.databind.node.ObjectNode typed = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
			.readTree(pageTab);
		assertEquals(typed.put("type", "submission"), json(ok), "the body as the server maps it");
		final HttpResponse<byte[]> notJson = calls().send(calls().request("submissions/check-pagetab?source=json&target=json",
			token).POST(HttpRequest.BodyPublishers.ofString("{not json")));
		assertEquals(500, notJson.statusCode(), "a body that cannot be mapped");
		assertEquals(PageTabModel.MAPPING_ERROR, json(notJson).get("log").get("message").asText());
		assertEquals(200, calls().upload(token, "p", "list.tsv", "Files\ta.txt\n".replace("\ta.txt", "\nfolder/a.txt")
			.getBytes(StandardCharsets.UTF_8)).statusCode());
		final HttpResponse<byte[]> missing = calls().send(calls().request("submissions/fileLists/validate", token).header(
			"Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
				"fileListName=list.tsv&rootPath=p")));
		assertEquals(400, missing.statusCode());
		assertTrue(json(missing).toString().contains("The following files could not be found:\\n  - folder/a.txt"),
			json(missing).toString());
		assertEquals(200, calls().upload(token, "p/folder", "a.txt", new byte[] { 7 }).statusCode());
		final HttpResponse<byte[]> valid = calls().send(calls().request("submissions/fileLists/validate", token).header(
			"Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
				"fileListName=list.tsv&rootPath=p")));
		assertEquals(200, valid.statusCode());
		assertEquals(0, valid.body().length);
	}

	private HttpResponse<byte[]> submitSync(final String token, final String pageTab) throws Exception {
		return calls().send(calls().request("submissions", token).header("Submission_Type", "application/json").header(
			"Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(pageTab)));
	}

	@Test
	void signingInTakesTheLoginOrTheEmailAddress() throws Exception {
		for (final String login : new String[] { "alice", "alice@localhost", "Alice@LocalHost" }) {
			final HttpResponse<byte[]> r = calls().postJson("auth/login", null, "{\"login\":\"" + login +
				"\",\"password\":\"wonder\"}");
			assertEquals(200, r.statusCode(), login);
			assertEquals("alice", json(r).get("username").asText(), login);
			assertEquals("alice@localhost", json(r).get("email").asText(), login);
		}
		assertEquals(401, calls().postJson("auth/login", null, "{\"login\":\"bob@localhost\",\"password\":\"wonder\"}")
			.statusCode(), "another account's e-mail with this password");
	}

	@Test
	void pageTabIsMappedAsTheRealServerMapsIt() throws Exception {
		final String token = login("alice", "wonder");
		final String date = TestPackages.futureDate();
		// what cannot be mapped is a 500 naming the place
		final String[][] unmappable = {
			{ "{\"attributes\":[{\"value\":\"no name\"}],\"section\":{\"type\":\"Study\"}}", "attributes[0]: an attribute needs a name" },
			{ "{\"attributes\":[],\"section\":{\"type\":\"Study\",\"attributes\":{\"name\":\"Title\"}}}", "section.attributes: expected a list" },
			{ "{\"section\":{\"type\":\"Study\",\"files\":[\"a.tif\"]}}", "section.files[0]: expected an object" },
			{ "{\"section\":{\"type\":\"Study\",\"attributes\":[{\"name\":\"X\",\"value\":{\"a\":1}}]}}", "section.attributes[0].value: expected text" },
			{ "{\"section\":\"Study\"}", "section: expected an object" } };
		for (final String[] c : unmappable) {
			final HttpResponse<byte[]> r = submitSync(token, c[0]);
			assertEquals(500, r.statusCode(), c[0]);
			assertEquals(PageTabModel.MAPPING_ERROR, json(r).get("log").get("message").asText(), c[0]);
			assertEquals(c[1], json(r).get("log").get("subnodes").get(0).get("message").asText(), c[0]);
		}
		// unknown properties are ignored and empty fields omitted in what is stored and returned
		final String pageTab = "{\"bogus\":42,\"attributes\":[{\"name\":\"ReleaseDate\",\"value\":\"" + date +
			"\",\"valqual\":[],\"reference\":false}],\"section\":{\"type\":\"Study\",\"attributes\":[]," +
			"\"links\":[],\"files\":[],\"subsections\":[],\"extra\":{\"x\":1}}}";
		final HttpResponse<byte[]> r = submitSync(token, pageTab);
		assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
		final JsonNode expected = JSON.readTree("{\"accno\":\"S-BSST1\",\"attributes\":[{\"name\":\"ReleaseDate\"," +
			"\"value\":\"" + date + "\"}],\"section\":{\"type\":\"Study\"},\"type\":\"submission\"}");
		assertEquals(expected, json(r));
		assertEquals(expected, json(calls().get("submissions/S-BSST1.json", token)));
	}

	@Test
	void aSubmissionThatFailsWhileProcessedStaysInItsStatus() throws Exception {
		server.close();
		server = start(1_000); // each stage takes a second: the file can be taken away in between
		final String token = login("alice", "wonder");
		assertEquals(200, calls().upload(token, "p", "a.txt", new byte[] { 1, 2, 3 }).statusCode());
		assertEquals(200, calls().upload(token, "p", "list.tsv", "Files\na.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		final String pageTab = TestPackages.pageTab("Taken away", TestPackages.futureDate(), "list.tsv").replace(
			"{\"name\":\"AttachTo\"", "{\"name\":\"RootPath\",\"value\":\"p\"},{\"name\":\"AttachTo\"");
		final java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> sync = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> {
				try {
					return submitSync(token, pageTab);
				}
				catch (final Exception e) {
					throw new IllegalStateException(e);
				}
			});
		String status = "";
		for (int i = 0; i < 500 && !status.equals("FILES_VALIDATED"); i++) {
			Thread.sleep(10);
			final HttpResponse<byte[]> s = calls().get("submissions/requests/S-BIAD1/1/status", token);
			if (s.statusCode() == 200) status = json(s).asText();
		}
		assertEquals("FILES_VALIDATED", status);
		// while it is processed, a new version is refused, as the real server's runtime error (500)
		final HttpResponse<byte[]> again = submitSync(token, pageTab.replace("{\"attributes\"",
			"{\"accno\":\"S-BIAD1\",\"attributes\""));
		assertEquals(500, again.statusCode());
		assertTrue(json(again).get("log").get("message").asText().endsWith("is currently being processed."));
		assertEquals(200, calls().postJson("files/user/delete", token, "{\"path\":\"p\",\"fileName\":\"a.txt\"}")
			.statusCode());
		// as on the real server, a stage that fails leaves the request where it was, for ever: nothing marks it
		// INVALID, and the accession takes no new version
		final HttpResponse<byte[]> r = sync.get(60, java.util.concurrent.TimeUnit.SECONDS);
		assertEquals(500, r.statusCode());
		final String message = json(r).get("log").get("message").asText();
		assertEquals("the file 'a.txt' could not be copied into the submission", message);
		assertFalse(message.contains(tmp.toString()), "no path of the server's store: " + message);
		assertEquals("CLEANED", json(calls().get("submissions/requests/S-BIAD1/1/status", token)).asText());
		assertEquals("PROCESSING", json(calls().get("submissions/S-BIAD1", token)).get("status").asText());
		assertEquals(500, submitSync(token, pageTab.replace("{\"attributes\"", "{\"accno\":\"S-BIAD1\",\"attributes\""))
			.statusCode());
	}

	@Test
	void pathsWithDotSegmentsNameNoFile() throws Exception {
		final String token = login("alice", "wonder");
		assertEquals(200, calls().upload(token, "p", "a.txt", new byte[] { 1 }).statusCode());
		assertEquals(200, calls().upload(token, "p", "list.tsv", "Files\na.txt/..\n.\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		final HttpResponse<byte[]> r = submitSync(token, TestPackages.pageTab("Dots", TestPackages.futureDate(), "list.tsv")
			.replace("{\"name\":\"AttachTo\"", "{\"name\":\"RootPath\",\"value\":\"p\"},{\"name\":\"AttachTo\""));
		assertEquals(400, r.statusCode());
		assertTrue(json(r).toString().contains("The following files could not be found:\\n  - a.txt/..\\n  - .\\n"), json(r)
			.toString());
	}

	@Test
	void fileAreaMistakesAreTheUsersErrors() throws Exception {
		final String token = login("alice", "wonder");
		assertEquals(200, calls().upload(token, "", "a.txt", new byte[] { 1 }).statusCode());
		final HttpResponse<byte[]> into = calls().upload(token, "a.txt/sub", "b.txt", new byte[] { 2 });
		assertEquals(400, into.statusCode());
		assertEquals("Cannot create the folder 'a.txt/sub': 'a.txt' is a file", json(into).get("log").get("message")
			.asText());
		final HttpResponse<byte[]> unnamed = calls().postJson("folder/user/create", token, "{\"path\":\"x\"}");
		assertEquals(400, unnamed.statusCode());
		assertEquals("The field 'fileName' is required", json(unnamed).get("log").get("message").asText());
	}

	@Test
	void stateSurvivesARestartAndUnfinishedRequestsResume() throws Exception {
		server.close();
		server = start(10_000); // slow processing: the request is still pending when we stop
		String token = login("alice", "wonder");
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Restart", 1, 10, 3);
		uploadPackage(token, "pkg", pkg);
		final String pageTab = new String(Files.readAllBytes(pkg.resolve("submission.json")), StandardCharsets.UTF_8)
			.replace("{\"name\":\"AttachTo\"", "{\"name\":\"RootPath\",\"value\":\"pkg\"},{\"name\":\"AttachTo\"");
		final String accNo = submitAsync(token, pageTab);
		assertNotEquals("PROCESSED", json(calls().get("submissions/requests/" + accNo + "/1/status", token)).asText());
		server.close();
		server = start(0);
		// the session, the pending request and the accession counter all survive
		assertEquals(200, calls().get("auth/profile", token).statusCode());
		assertEquals("POST_PROCESSED", pollStatus(token, accNo));
		token = login("alice", "wonder");
		assertEquals("S-BIAD2", submitAsync(token, pageTab));
		// the token itself is never written to the store
		final String state = new String(Files.readAllBytes(server.store().resolve("state/sessions.json")),
			StandardCharsets.UTF_8);
		assertFalse(state.contains(token));
	}
}
