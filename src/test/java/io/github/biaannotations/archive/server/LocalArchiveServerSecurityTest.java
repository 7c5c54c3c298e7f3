package io.github.biaannotations.archive.server;

import io.github.biaannotations.testutil.Required;
import static io.github.biaannotations.archive.server.ServerCalls.json;
import static io.github.biaannotations.archive.server.ServerCalls.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.archive.TestPackages;

/**
 * The local archive against a hostile or careless client (issue 7): paths that leave the user area, symbolic
 * links planted in it, one user reaching for another's files and submissions, oversized JSON bodies and
 * clients that stall. Every refusal is checked on disk too: nothing outside the user's folder is read,
 * written or deleted.
 */
class LocalArchiveServerSecurityTest {

	@TempDir
	Path tmp;

	private LocalArchiveServer server;
	private ServerCalls calls;
	/** A file outside every user area that no request may read, change or delete. */
	private Path secret;

	@BeforeEach
	void start() throws IOException {
		server = LocalArchiveServer.start(new LocalArchiveServer.Options().store(tmp.resolve("store")).user("alice",
			"wonder".toCharArray()).user("bob", "builder".toCharArray()).stageDelayMillis(0).threads(8));
		calls = new ServerCalls(server.baseUri());
		secret = tmp.resolve("outside/secret.txt");
		Files.createDirectories(secret.getParent());
		Files.write(secret, "top secret".getBytes(StandardCharsets.UTF_8));
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	private static final String[] ESCAPES = { "..", "../", "../..", "a/../..", "a/../../..", "./../x", "/..",
		"..\\..", "a/b/../../../c", "%2e%2e/", "\u0000", "a\u0000b", "../../../../../../../../etc", "/etc",
		"user/../../..", "....//....//" };

	@Test
	void pathsLeavingTheUserAreaAreRefusedByEveryEndpoint() throws Exception {
		final String alice = calls.login("alice", "wonder");
		final int[] refused = { 0 };
		for (final String bad : ESCAPES) {
			for (final String body : new String[] { body("path", bad, "fileName", "x"), body("path", "", "fileName",
				bad), body("path", bad, "fileName", "secret.txt") })
			{
				for (final String endpoint : new String[] { "files/user/query", "files/user/download",
					"files/user/delete", "folder/user/create" })
				{
					final HttpResponse<byte[]> r = calls.postJson(endpoint, alice, body);
					assertFalse(r.statusCode() == 200 && bodyLeaves(bad, body) && !endpoint.equals("files/user/query"),
						endpoint + " " + body + " -> " + r.statusCode() + " " + text(r));
					assertFalse(text(r).contains("top secret"), endpoint + " " + body);
					if (r.statusCode() == 403 || absoluteRefused(bad, r)) refused[0]++;
				}
			}
			final HttpResponse<byte[]> up = calls.upload(alice, bad, "x.txt", new byte[] { 1 });
			final HttpResponse<byte[]> up2 = calls.upload(alice, "", bad.isEmpty() ? "x" : bad, new byte[] { 1 });
			for (final HttpResponse<byte[]> r : List.of(up, up2)) {
				assertTrue(r.statusCode() == 403 || r.statusCode() == 400 || r.statusCode() == 200 || absoluteRefused(
					bad, r), bad + " -> " + r.statusCode() + " " + text(r));
				if (r.statusCode() == 403 || absoluteRefused(bad, r)) refused[0]++;
			}
		}
		assertTrue(refused[0] > ESCAPES.length * 4, "refusals: " + refused[0]);
		assertEquals("top secret", Files.readString(secret));
		assertOnlyInsideUserAreas();
	}

	/**
	 * True for the real server's answer to an absolute path: a 500 saying the user may not access it (its
	 * path check throws an IllegalArgumentException).
	 */
	private static boolean absoluteRefused(final String bad, final HttpResponse<byte[]> r) {
		return bad.startsWith("/") && r.statusCode() == 500 && text(r).contains(
			"The user does not have permission for accessing path");
	}

	/**
	 * True when the path certainly leaves the area with '/' as separator (so 200 would be wrong). A backslash
	 * is an ordinary character in Linux file names: {@code ..\\..} is then a folder inside the area.
	 */
	private static boolean bodyLeaves(final String bad, final String body) {
		return java.util.Arrays.asList(bad.split("/")).contains("..");
	}

	@Test
	void symbolicLinksPlantedInTheUserAreaAreNotFollowed() throws Exception {
		final String alice = calls.login("alice", "wonder");
		final Path area = server.userFolder("alice");
		final Path bobArea = server.userFolder("bob");
		Files.write(bobArea.resolve("bob.txt"), "bob's data".getBytes(StandardCharsets.UTF_8));
		Files.createDirectories(area.resolve("real"));
		try {
			Files.createSymbolicLink(area.resolve("out"), secret.getParent());
			Files.createSymbolicLink(area.resolve("real/file-link"), secret);
			Files.createSymbolicLink(area.resolve("bob"), bobArea);
		}
		catch (final UnsupportedOperationException | IOException e) {
			Required.that(false, "symbolic links are not supported here (" + e + ")");
		}
		final List<HttpResponse<byte[]>> answers = new ArrayList<>();
		answers.add(calls.postJson("files/user/query", alice, body("path", "out")));
		answers.add(calls.postJson("files/user/query", alice, body("path", "bob")));
		answers.add(calls.download(alice, "out", "secret.txt"));
		answers.add(calls.download(alice, "real", "file-link"));
		answers.add(calls.download(alice, "bob", "bob.txt"));
		answers.add(calls.upload(alice, "out", "secret.txt", "overwritten".getBytes(StandardCharsets.UTF_8)));
		answers.add(calls.upload(alice, "bob", "planted.txt", new byte[] { 1 }));
		answers.add(calls.upload(alice, "real", "file-link", "overwritten".getBytes(StandardCharsets.UTF_8)));
		answers.add(calls.postJson("folder/user/create", alice, body("path", "out", "fileName", "new")));
		answers.add(calls.postJson("files/user/delete", alice, body("path", "out", "fileName", "secret.txt")));
		answers.add(calls.postJson("files/user/delete", alice, body("path", "bob", "fileName", "bob.txt")));
		for (final HttpResponse<byte[]> r : answers) {
			assertEquals(403, r.statusCode(), r.request().uri() + " " + text(r));
			assertFalse(text(r).contains("top secret") || text(r).contains("bob's data"));
		}
		// the server touches no link at all, not even to delete it (clients cannot create links)
		assertEquals(403, calls.postJson("files/user/delete", alice, body("path", "real", "fileName", "file-link"))
			.statusCode());
		assertTrue(Files.isSymbolicLink(area.resolve("real/file-link")));
		assertEquals("top secret", Files.readString(secret));
		assertEquals("bob's data", Files.readString(bobArea.resolve("bob.txt")));
		assertFalse(Files.exists(secret.getParent().resolve("new")));
		assertFalse(Files.exists(bobArea.resolve("planted.txt")));
		// a submission whose file list names a file behind a link: the file counts as missing, nothing is copied
		Files.createDirectories(area.resolve("pkg"));
		Files.createSymbolicLink(area.resolve("pkg/annotations"), secret.getParent());
		assertEquals(200, calls.upload(alice, "pkg", "annotations.tsv", ("Files\tannotation_type\tsource_image\n" +
			"annotations/secret.txt\tgeometrical_annotations\timage.tif\n").getBytes(StandardCharsets.UTF_8))
			.statusCode());
		final HttpResponse<byte[]> submitted = calls.send(calls.request("submissions", alice).header(
			"Submission_Type", "application/json").header("Content-Type", "application/json").POST(HttpRequest
				.BodyPublishers.ofString(TestPackages.pageTab("Linked", TestPackages.futureDate(), "annotations.tsv")
					.replace("\"attributes\":[{\"name\":\"Template\"",
						"\"attributes\":[{\"name\":\"RootPath\",\"value\":\"pkg\"},{\"name\":\"Template\""))));
		assertEquals(400, submitted.statusCode(), text(submitted));
		assertTrue(ServerCalls.json(submitted).toString().contains("could not be found:\\n  - annotations/secret.txt"),
			text(submitted));
		try (java.util.stream.Stream<Path> s = Files.walk(server.store().resolve("submissions"))) {
			assertFalse(s.anyMatch(f -> f.getFileName().toString().equals("secret.txt")), "secret copied");
		}
		// a listing of the root shows the links as entries without following them
		final JsonNode root = json(calls.postJson("files/user/query", alice, body("path", "")));
		for (final JsonNode e : root) {
			assertFalse(e.get("name").asText().equals("secret.txt"), root.toString());
		}
	}

	@Test
	void oneUserCannotReachAnothersFilesOrSubmissions() throws Exception {
		final String alice = calls.login("alice", "wonder");
		final String bob = calls.login("bob", "builder");
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Alice's study", 1, 100, 3);
		for (final String user : new String[] { alice, bob }) {
			assertEquals(200, calls.upload(user, "pkg", "annotations.tsv", Files.readAllBytes(pkg.resolve(
				"annotations.tsv"))).statusCode());
			assertEquals(200, calls.upload(user, "pkg/annotations", "image_000.geojson", Files.readAllBytes(pkg
				.resolve("annotations/image_000.geojson"))).statusCode());
		}
		final HttpResponse<byte[]> submitted = calls.send(calls.request("submissions", alice).header("Submission_Type",
			"application/json").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
				TestPackages.pageTab("Alice's study", TestPackages.futureDate(), "annotations.tsv").replace(
					"\"attributes\":[{\"name\":\"Template\"",
					"\"attributes\":[{\"name\":\"RootPath\",\"value\":\"pkg\"},{\"name\":\"Template\""))));
		assertEquals(200, submitted.statusCode(), text(submitted));
		final String accNo = json(submitted).get("accno").asText();
		// bob's view of alice's folder, by the secret from alice's profile and by relative paths
		final String aliceSecret = json(calls.get("auth/profile", alice)).get("secret").asText();
		final String bobSecret = json(calls.get("auth/profile", bob)).get("secret").asText();
		final String toAlice = "../../" + aliceSecret;
		assertEquals(2, json(calls.postJson("files/user/query", bob, body("path", "pkg"))).size());
		for (final String path : new String[] { toAlice + "/pkg", aliceSecret + "/pkg", "/" + aliceSecret + "/pkg",
			"../" + aliceSecret.substring(3) + "/pkg" })
		{
			final HttpResponse<byte[]> q = calls.postJson("files/user/query", bob, body("path", path));
			assertTrue(q.statusCode() == 403 || absoluteRefused(path, q) || q.statusCode() == 200 && json(q)
				.size() == 0, path + " " + text(q));
			final HttpResponse<byte[]> d = calls.download(bob, path, "annotations.tsv");
			assertTrue(d.statusCode() == 403 || absoluteRefused(path, d) || d.statusCode() == 404, path + " " + d
				.statusCode());
			final HttpResponse<byte[]> del = calls.postJson("files/user/delete", bob, body("path", path, "fileName",
				"annotations.tsv"));
			assertTrue(del.statusCode() == 403 || absoluteRefused(path, del) || del.statusCode() == 400, path + " " +
				del.statusCode());
		}
		assertFalse(aliceSecret.equals(bobSecret));
		// alice's submission: not visible, not updatable, its files not reachable through a file list
		assertEquals(404, calls.get("submissions/" + accNo, bob).statusCode());
		assertEquals(404, calls.get("submissions/" + accNo + ".json", bob).statusCode());
		// another user's request is as unknown to bob as one that does not exist: the real server's 500
		final HttpResponse<byte[]> status = calls.get("submissions/requests/" + accNo + "/1/status", bob);
		assertEquals(500, status.statusCode());
		assertTrue(text(status).contains("was not found"), text(status));
		assertEquals(0, json(calls.get("submissions?accNo=" + accNo, bob)).size());
		final HttpResponse<byte[]> update = calls.send(calls.request("submissions", bob).header("Submission_Type",
			"application/json").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
				TestPackages.pageTab("Taken over", TestPackages.futureDate(), "annotations.tsv").replace(
					"\"attributes\":[{\"name\":\"Template\"", "\"accno\":\"" + accNo +
						"\",\"attributes\":[{\"name\":\"RootPath\",\"value\":\"pkg\"},{\"name\":\"Template\""))));
		assertEquals(500, update.statusCode(), text(update));
		assertTrue(text(update).contains("not allowed"), text(update));
		final HttpResponse<byte[]> steal = calls.send(calls.request("submissions", bob).header("Submission_Type",
			"application/json").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
				TestPackages.pageTab("Stolen", TestPackages.futureDate(), "annotations.tsv").replace(
					"\"attributes\":[{\"name\":\"Template\"", "\"attributes\":[{\"name\":\"RootPath\",\"value\":\"" +
						toAlice + "/pkg\"},{\"name\":\"Template\""))));
		assertTrue(steal.statusCode() == 400 || steal.statusCode() == 403, steal.statusCode() + " " + text(steal));
		assertEquals("Alice's study", json(calls.get("submissions/" + accNo, alice)).get("title").asText());
		assertArrayEquals(Files.readAllBytes(pkg.resolve("annotations.tsv")), calls.download(alice, "pkg",
			"annotations.tsv").body());
	}

	@Test
	void oversizedJsonBodiesAreRefusedAndTheServerStaysUp() throws Exception {
		final String alice = calls.login("alice", "wonder");
		final String big = "{\"path\":\"" + "a".repeat(Exchanges.MAX_JSON_BODY + 10) + "\"}";
		for (final String endpoint : new String[] { "files/user/query", "auth/login", "files/user/delete" }) {
			final HttpResponse<byte[]> r = calls.postJson(endpoint, endpoint.startsWith("auth") ? null : alice, big);
			assertEquals(413, r.statusCode(), endpoint + " " + text(r));
			assertTrue(json(r).path("log").path("message").asText().contains("larger than"), text(r));
		}
		// a PageTab larger than the PageTab limit, announced by Content-Length, is refused without reading it all
		final byte[] pageTab = new byte[Exchanges.MAX_PAGETAB_BODY + 1];
		java.util.Arrays.fill(pageTab, (byte) ' ');
		final HttpResponse<byte[]> r = calls.send(calls.request("submissions/check-pagetab", alice).header(
			"Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(pageTab)));
		assertEquals(413, r.statusCode(), text(r));
		// deeply nested JSON is the real server's mapping error, not a stack overflow
		final String deep = "[".repeat(100_000) + "]".repeat(100_000);
		final HttpResponse<byte[]> nested = calls.send(calls.request("submissions/check-pagetab", alice).header(
			"Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(deep)));
		assertEquals(500, nested.statusCode(), text(nested));
		assertEquals(PageTabModel.MAPPING_ERROR, json(nested).path("log").path("message").asText(), text(nested));
		assertEquals(200, calls.postJson("files/user/query", alice, body("path", "")).statusCode());
	}

	@Test
	void malformedBodiesAreTheClientsFaultNotTheServers() throws Exception {
		// each of these was a 500 until fuzzing found it (LocalArchiveServerFuzzTest)
		final String alice = calls.login("alice", "wonder");
		final HttpResponse<byte[]> cut = calls.send(calls.request("files/user/upload", alice).header("Content-Type",
			"multipart/form-data; boundary=xyz").POST(HttpRequest.BodyPublishers.ofString(
				"--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nno end")));
		assertEquals(400, cut.statusCode(), text(cut));
		assertTrue(text(cut).contains("malformed"), text(cut));
		final HttpResponse<byte[]> tsv = calls.send(calls.request("submissions/check-pagetab?source=tsv&target=json",
			alice).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("# nothing\n\n")));
		assertEquals(400, tsv.statusCode(), text(tsv));
		final HttpResponse<byte[]> utf32 = calls.send(calls.request("folder/user/create", alice).header("Content-Type",
			"application/json").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 0, 0, 0, '{', 0x30, (byte) 0xff,
				0, 0 })));
		assertEquals(400, utf32.statusCode(), text(utf32));
		try (java.util.stream.Stream<Path> s = Files.list(server.store().resolve("tmp"))) {
			assertEquals(0, s.count(), "partial uploads left in the store");
		}
		assertEquals(200, calls.postJson("files/user/query", alice, body("path", "")).statusCode());
	}

	@Test
	void stalledClientsDoNotBlockOthers() throws Exception {
		final String alice = calls.login("alice", "wonder");
		final List<Socket> stalled = stall(server.baseUri().getHost(), server.port(), alice, 24);
		try {
			Thread.sleep(300);
			final long t0 = System.nanoTime();
			for (int i = 0; i < 5; i++) {
				assertEquals(200, calls.postJson("files/user/query", alice, body("path", "")).statusCode());
			}
			final double seconds = (System.nanoTime() - t0) / 1e9;
			assertTrue(seconds < 5, "normal requests waited " + seconds + " s behind stalled clients");
		}
		finally {
			for (final Socket s : stalled) {
				s.close();
			}
		}
	}

	/**
	 * The JDK reads its request time limit once per JVM, so this runs {@code bia-annotations serve} in its own
	 * JVM with a 2 s limit: stalled connections must be closed by the server soon after.
	 */
	@Test
	void stalledClientsAreCutOffAfterTheRequestTimeLimit() throws Exception {
		final String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		final Process p = new ProcessBuilder(javaBin, "-Xmx128m", "-D" + LocalArchiveServer.REQUEST_TIME_PROPERTY +
			"=2", "-cp", System.getProperty("java.class.path"), "io.github.biaannotations.cli.Main", "serve",
			"--port", "0", "--store", tmp.resolve("store2").toString(), "--user", "carol:pw", "--stage-delay-ms", "0")
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try {
			final String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
				StandardCharsets.UTF_8)).readLine();
			assertTrue(line != null && line.startsWith("Local archive listening on "), "serve printed: " + line);
			final java.net.URI base = java.net.URI.create(line.substring("Local archive listening on ".length())
				.split(" ")[0]);
			final String token = new ServerCalls(base).login("carol", "pw");
			final List<Socket> stalled = stall(base.getHost(), base.getPort(), token, 6);
			final long t0 = System.nanoTime();
			try {
				for (final Socket s : stalled) {
					s.setSoTimeout(20_000);
					final InputStream in = s.getInputStream();
					try {
						while (in.read() >= 0) {
							// nothing, or an error answer, then the end of the connection
						}
					}
					catch (final java.net.SocketTimeoutException e) {
						throw new AssertionError("a stalled connection was still open after 20 s");
					}
					catch (final IOException e) {
						// reset by the server: cut off as well
					}
				}
			}
			finally {
				for (final Socket s : stalled) {
					s.close();
				}
			}
			final double seconds = (System.nanoTime() - t0) / 1e9;
			assertTrue(seconds < 10, "stalled connections closed after " + seconds + " s");
			assertEquals(200, new ServerCalls(base).postJson("files/user/query", token, body("path", ""))
				.statusCode());
		}
		finally {
			p.destroy();
			p.waitFor();
		}
	}

	/** Opens connections that stop sending: half inside their headers, half inside a body they announced. */
	private static List<Socket> stall(final String host, final int port, final String token, final int n)
		throws IOException
	{
		final List<Socket> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final Socket s = new Socket(host, port);
			final OutputStream o = s.getOutputStream();
			if (i % 2 == 0) o.write("POST /files/user/query HTTP/1.1\r\nHost: x\r\nX-Sess".getBytes(
				StandardCharsets.US_ASCII));
			else o.write(("POST /files/user/query HTTP/1.1\r\nHost: x\r\nX-Session-Token: " + token +
				"\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"pa").getBytes(
					StandardCharsets.US_ASCII));
			o.flush();
			out.add(s);
		}
		return out;
	}

	/** Every file under the store's user areas lies inside a user area, and nothing new appeared outside. */
	private void assertOnlyInsideUserAreas() throws IOException {
		final Path files = server.store().resolve("files");
		final Path alice = server.userFolder("alice"), bob = server.userFolder("bob");
		try (java.util.stream.Stream<Path> s = Files.walk(server.store())) {
			s.filter(Files::isRegularFile).forEach(p -> {
				if (p.startsWith(files)) assertTrue(p.startsWith(alice) || p.startsWith(bob), "stray file " + p);
			});
		}
		try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
			s.forEach(p -> assertTrue(p.getFileName().toString().equals("store") || p.getFileName().toString().equals(
				"outside"), "stray " + p));
		}
		try (java.util.stream.Stream<Path> s = Files.list(secret.getParent())) {
			assertEquals(1, s.count());
		}
	}

	private static String body(final String... kv) {
		final com.fasterxml.jackson.databind.node.ObjectNode o = ServerCalls.JSON.createObjectNode();
		for (int i = 0; i < kv.length; i += 2) {
			o.put(kv[i], kv[i + 1]);
		}
		return o.toString();
	}
}
