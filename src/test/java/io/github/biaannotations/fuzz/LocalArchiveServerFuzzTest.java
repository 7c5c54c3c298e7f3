package io.github.biaannotations.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.archive.server.LocalArchiveServer;
import io.github.biaannotations.model.Folders;
import io.github.biaannotations.archive.server.PageTabProbe;

/**
 * Fuzzes the local archive's request handling over real HTTP: fuzzed paths, JSON bodies (file area, sign-in,
 * PageTab JSON), PageTab TSV, multipart uploads (boundaries, part headers, file names, folders) and query
 * strings, all sent by a signed-in user. A crash is an answer 500 that is not one of the real server's
 * deliberate 500s ({@link #DELIBERATE_500}), no answer within 10 s (a hang), or a file appearing outside the
 * user's folder.
 */
class LocalArchiveServerFuzzTest {

	private static final String[] ENDPOINTS = { "/files/user/upload", "/files/user/query", "/folder/user/create",
		"/files/user/delete", "/files/user/download", "/submissions", "/submissions/async",
		"/submissions/check-pagetab?source=json&target=json", "/submissions/check-pagetab?source=tsv&target=json",
		"/submissions/fileLists/validate", "/auth/login", "/auth/profile", "/collections", "/submissions/S-BIAD1",
		"/submissions/S-BIAD1.json", "/submissions/requests/S-BIAD1/1/status", "/submissions?keywords=a&limit=3" };
	private static final String[] TYPES = { "application/json", "text/plain", "multipart/form-data; boundary=",
		"application/x-www-form-urlencoded", "" };

	private static Path dir;
	private static LocalArchiveServer server;
	private static String token;
	private static Path area;

	@BeforeAll
	static void start() throws Exception {
		dir = Files.createTempDirectory("fuzz-server");
		server = LocalArchiveServer.start(new LocalArchiveServer.Options().store(dir.resolve("store")).user("alice",
			"wonder".toCharArray()).stageDelayMillis(0).postProcessDelayMillis(0));
		final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri()
			.resolve("auth/login")).POST(HttpRequest.BodyPublishers.ofString(
				"{\"login\":\"alice\",\"password\":\"wonder\"}")).header("Content-Type", "application/json").build(),
			HttpResponse.BodyHandlers.ofString());
		token = new ObjectMapper().readTree(r.body()).get("sessid").asText();
		area = server.userFolder("alice");
	}

	@AfterAll
	static void stop() throws IOException {
		if (server != null) server.close();
		Folders.deleteTree(dir);
	}

	@FuzzTest(maxDuration = "30s")
	void request(final FuzzedDataProvider data) throws IOException {
		String path = data.pickValue(ENDPOINTS);
		if (data.consumeBoolean()) {
			// request targets the JDK server itself rejects (and then resets the connection) are not ours to test
			final String longer = path + data.consumeString(40).replaceAll("[\\s\\x00-\\x1f]", "");
			if (isUri(longer)) path = longer;
		}
		final String type = data.pickValue(TYPES);
		final String boundary = data.consumeBoolean() ? "b0undary" : data.consumeString(20).replaceAll(
			"[\\r\\n\\x00]", "");
		final byte[] body;
		final int kind = data.consumeInt(0, 2);
		if (kind == 0) body = multipart(data, boundary);
		else if (kind == 1) body = ("{\"path\":" + quoted(data.consumeString(60)) + ",\"fileName\":" + quoted(data
			.consumeString(30)) + "}").getBytes(StandardCharsets.UTF_8);
		else body = data.consumeRemainingAsBytes();
		final String contentType = type.endsWith("boundary=") ? type + boundary : type;
		final String answer = send(path, contentType, body);
		final int status = Integer.parseInt(answer.substring(9, 12));
		if (status == 500 && !deliberate(answer)) throw new AssertionError("server error for POST " +
			path + ": " + answer);
		try (Stream<Path> s = Files.walk(server.store().resolve("files"))) {
			s.filter(Files::isRegularFile).forEach(p -> {
				if (!p.startsWith(area)) throw new AssertionError("file outside the user area: " + p);
			});
		}
	}

	private static boolean isUri(final String s) {
		try {
			new URI(s);
			return s.chars().allMatch(c -> c < 128);
		}
		catch (final java.net.URISyntaxException e) {
			return false;
		}
	}

	private static byte[] multipart(final FuzzedDataProvider data, final String boundary) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final int parts = data.consumeInt(0, 3);
		for (int i = 0; i < parts; i++) {
			final String name = data.pickValue(new String[] { "files", "filePath", "fileListName", "rootPath",
				data.consumeString(10) });
			final String filename = data.consumeBoolean() ? "; filename=\"" + data.consumeString(30) + "\"" : "";
			final String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" +
				filename + "\r\n" + (data.consumeBoolean() ? "Content-Type: application/octet-stream\r\n" : "") + "\r\n";
			out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
			out.writeBytes(data.consumeBytes(data.consumeInt(0, 300)));
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		if (data.consumeBoolean()) out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(data.consumeBytes(data.consumeInt(0, 50)));
		return out.toByteArray();
	}

	private static String quoted(final String s) {
		return jsonString(s);
	}

	private static String jsonString(final String s) {
		try {
			return new ObjectMapper().writeValueAsString(s);
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** One POST (GET for the read-only endpoints) over a fresh connection; the whole answer as text. */
	private static String send(final String path, final String contentType, final byte[] body) throws IOException {
		final URI base = server.baseUri();
		final boolean get = path.startsWith("/collections") || path.startsWith("/auth/profile") || path.startsWith(
			"/submissions/S-") || path.startsWith("/submissions/requests") || path.startsWith("/submissions?");
		// Jazzer's SSRF detector flags every connection; this one goes to our own server only
		try (SilentCloseable allowed = BugDetectors.allowNetworkConnections((host, port) -> port == base.getPort());
			Socket s = new Socket(base.getHost(), base.getPort()))
		{
			s.setSoTimeout(10_000);
			final StringBuilder head = new StringBuilder();
			head.append(get ? "GET " : "POST ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
			head.append("Connection: close\r\nX-Session-Token: ").append(token).append("\r\n");
			if (!contentType.isEmpty()) head.append("Content-Type: ").append(contentType).append("\r\n");
			if (contentType.startsWith("text/plain")) head.append("Submission_Type: text/plain\r\n");
			head.append("Content-Length: ").append(get ? 0 : body.length).append("\r\n\r\n");
			final OutputStream out = s.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (!get) out.write(body);
			out.flush();
			final InputStream in = s.getInputStream();
			final byte[] answer;
			try {
				answer = in.readAllBytes();
			}
			catch (final SocketTimeoutException e) {
				throw new AssertionError("no answer within 10 s (a hang) for " + path);
			}
			catch (final java.net.SocketException e) {
				throw new AssertionError("connection reset instead of an answer for " + (get ? "GET " : "POST ") + path +
					", " + contentType + ", " + body.length + " bytes: " + new String(body, StandardCharsets.ISO_8859_1), e);
			}
			final String text = new String(answer, StandardCharsets.UTF_8);
			if (!text.startsWith("HTTP/1.1 ")) throw new AssertionError("no HTTP answer for " + path + ": " + text);
			return text;
		}
	}

	/**
	 * The real server's own 500s: permission, an absolute path, a request still processed, a body that cannot be
	 * mapped, a file list that cannot be found or named, an unknown request, a stage that failed while a sync
	 * submit waited (the request keeps its status).
	 */
	private static boolean deliberate(final String answer) {
		for (final String m : DELIBERATE_500) {
			if (answer.contains(m)) return true;
		}
		return false;
	}

	private static final String[] DELIBERATE_500 = { "not allowed", "is currently being processed.", "\"" +
		PageTabProbe.MAPPING_ERROR + "\"", "The user does not have permission for accessing path",
		"The following files could not be found:", "The given file path contains invalid characters:",
		"The submission request '", "Failed to convert value of type", "The following circular references were found",
		"could not be copied into the submission" };
}
