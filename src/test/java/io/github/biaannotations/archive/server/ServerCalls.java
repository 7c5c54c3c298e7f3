package io.github.biaannotations.archive.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Hand-built requests to a local archive, as curl sends them, for the security and load tests. */
final class ServerCalls {

	static final ObjectMapper JSON = new ObjectMapper();

	private final URI base;
	private final HttpClient http;

	ServerCalls(final URI base) {
		this.base = base;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(
			10)).build();
	}

	URI base() {
		return base;
	}

	HttpResponse<byte[]> send(final HttpRequest.Builder b) throws IOException, InterruptedException {
		return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpRequest.Builder request(final String path, final String token) {
		final HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
		if (token != null) b.header("X-Session-Token", token);
		return b;
	}

	HttpResponse<byte[]> postJson(final String path, final String token, final String body) throws IOException,
		InterruptedException
	{
		return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
			.ofString(body)));
	}

	HttpResponse<byte[]> get(final String path, final String token) throws IOException, InterruptedException {
		return send(request(path, token).GET());
	}

	String login(final String user, final String password) throws IOException, InterruptedException {
		final HttpResponse<byte[]> r = postJson("auth/login", null, JSON.createObjectNode().put("login", user).put(
			"password", password).toString());
		if (r.statusCode() != 200) throw new IOException("login of " + user + " failed: " + r.statusCode() + " " +
			text(r));
		return json(r).get("sessid").asText();
	}

	/** {@code curl -F filePath=FOLDER -F files=@NAME}. */
	HttpResponse<byte[]> upload(final String token, final String folder, final String name, final byte[] content)
		throws IOException, InterruptedException
	{
		final String boundary = "------------------------d74496d66958873e";
		final ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"filePath\"\r\n\r\n" + folder +
			"\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name +
			"\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request("files/user/upload", token).header("Content-Type", "multipart/form-data; boundary=" +
			boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	HttpResponse<byte[]> download(final String token, final String folder, final String name) throws IOException,
		InterruptedException
	{
		return postJson("files/user/download", token, JSON.createObjectNode().put("path", folder).put("fileName",
			name).toString());
	}

	/** {@code POST /submissions/async} (or {@code /submissions}, sync) with a PageTab JSON. */
	HttpResponse<byte[]> submit(final String token, final String pageTab, final boolean async) throws IOException,
		InterruptedException
	{
		return send(request(async ? "submissions/async" : "submissions", token).header("Submission_Type",
			"application/json").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
				pageTab)));
	}

	/** The status of a request, or "HTTP " and the status code when there is none. */
	String status(final String token, final String accNo, final int version) throws IOException,
		InterruptedException
	{
		final HttpResponse<byte[]> r = get("submissions/requests/" + accNo + "/" + version + "/status", token);
		return r.statusCode() == 200 ? json(r).asText() : "HTTP " + r.statusCode();
	}

	/** Polls a request (every 10 ms, for up to 30 s) until its status is one of {@code wanted}; returns it. */
	String awaitStatus(final String token, final String accNo, final int version, final String... wanted)
		throws IOException, InterruptedException
	{
		String status = "";
		for (int i = 0; i < 3000; i++) {
			status = status(token, accNo, version);
			for (final String w : wanted)
				if (w.equals(status)) return status;
			Thread.sleep(10);
		}
		throw new AssertionError(accNo + " version " + version + " never reached " + String.join(" or ", wanted) +
			": " + status);
	}

	/** The error message of a FAIL body, with its causes after it, one a line. */
	static String failure(final HttpResponse<byte[]> r) throws IOException {
		final JsonNode log = json(r).path("log");
		final StringBuilder sb = new StringBuilder(log.path("message").asText());
		for (final JsonNode n : log.path("subnodes"))
			sb.append('\n').append(n.path("message").asText());
		return sb.toString();
	}

	static JsonNode json(final HttpResponse<byte[]> r) throws IOException {
		return JSON.readTree(r.body());
	}

	static String text(final HttpResponse<byte[]> r) {
		return new String(r.body(), StandardCharsets.UTF_8);
	}
}
