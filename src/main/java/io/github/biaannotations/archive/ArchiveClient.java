package io.github.biaannotations.archive;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.model.Errors;

/**
 * A client of the BioImage Archive's submission API (BioStudies; archive-api.md) over {@code java.net.http}:
 * sign in, the user file area, submitting and request status. Idempotent calls are retried with bounded
 * exponential backoff on connection faults and 5xx answers; a session the archive no longer accepts (401 here,
 * 500 from the real archive, which also answers its profile with 500 then) leads to one new sign-in and one more
 * try; a refused password is never retried. The session token and the password are kept in memory only and never
 * appear in messages or exceptions. Certificates are always verified (the JDK's default trust, or the given
 * {@link SSLContext}); plain HTTP is refused except to this machine.
 */
public final class ArchiveClient {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
	/** Slowest upload rate tolerated before a transfer counts as stalled (bytes per second). */
	private static final long MIN_UPLOAD_RATE = 100_000;

	private final URI base;
	private final String login;
	private final char[] password;
	private final RetryPolicy retry;
	private final PushListener listener;
	private final HttpClient http;
	private final ObjectMapper json = new ObjectMapper();
	private volatile String token;
	private volatile boolean ftpFolder;

	/**
	 * A client for the archive at {@code baseUrl} (e.g. {@code https://www.ebi.ac.uk/biostudies/submissions/api}).
	 *
	 * @param tls the trust to verify server certificates with; null for the JDK's default trust store
	 * @throws ArchiveException of kind USAGE for a plain-HTTP URL to another machine
	 */
	public ArchiveClient(final String baseUrl, final String login, final char[] password, final RetryPolicy retry,
		final PushListener listener, final SSLContext tls) throws ArchiveException
	{
		this.base = ArchiveUrls.checked(baseUrl);
		this.login = login;
		this.password = password.clone();
		this.retry = retry == null ? RetryPolicy.DEFAULT : retry;
		this.listener = listener == null ? PushListener.NONE : listener;
		final HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(
			Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NEVER);
		if (tls != null) b.sslContext(tls);
		this.http = b.build();
	}

	/** The base URL, with a trailing slash. */
	public URI baseUri() {
		return base;
	}

	public String login() {
		return login;
	}

	/** Whether the client holds a session token (signed in, and not signed out since). */
	public boolean signedIn() {
		return token != null;
	}

	/**
	 * Signs in and keeps the session token for later calls.
	 *
	 * @throws ArchiveException AUTHENTICATION when the login or password is refused (not retried)
	 */
	public void signIn() throws ArchiveException {
		final ObjectNode body = json.createObjectNode();
		body.put("login", login);
		body.put("password", new String(password));
		final byte[] bytes;
		try {
			bytes = json.writeValueAsBytes(body);
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot encode the sign-in request", e);
		}
		final JsonNode profile = call("POST /auth/login", false, true, false, t -> HttpRequest.newBuilder(base.resolve(
			"auth/login")).timeout(CALL_TIMEOUT).header("Content-Type", "application/json").POST(
				HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
		Arrays.fill(bytes, (byte) 0);
		final String sessid = profile.path("sessid").asText("");
		if (sessid.isEmpty()) throw new ArchiveException(ArchiveException.Kind.SERVER, "Sign-in to " + base +
			" answered without a session token", "POST /auth/login", 200, null, null, null);
		token = sessid;
		ftpFolder = "ftp".equalsIgnoreCase(profile.path("uploadType").asText(""));
	}

	/**
	 * Whether the user's folder is of FTP type (the sign-in profile's {@code uploadType}): the archive answers a
	 * failed store there with 200 (archive-server-facts.md, 2), so uploads are checked by listing them.
	 */
	public boolean ftpUserFolder() {
		return ftpFolder;
	}

	/** Ends the session (best effort; failures are ignored) and forgets the password: the client is done. */
	public void signOut() {
		Arrays.fill(password, '\0');
		final String t = token;
		if (t == null) return;
		token = null;
		try {
			final ObjectNode body = json.createObjectNode();
			body.put("sessid", t);
			http.send(HttpRequest.newBuilder(base.resolve("auth/logout")).timeout(Duration.ofSeconds(10)).header(
				"X-Session-Token", t).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
					.ofByteArray(json.writeValueAsBytes(body))).build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (final IOException | RuntimeException e) {
			// signing out is a courtesy
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The entries of a user-area folder ({@code ""} for the root); empty when the folder does not exist. */
	public List<RemoteFile> list(final String folder) throws ArchiveException {
		final byte[] body = jsonBytes("path", folder);
		final JsonNode list = call("POST /files/user/query (" + folder + ")", true, false, false, t -> authorized(
			"files/user/query", t).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
				.ofByteArray(body)).build());
		final List<RemoteFile> out = new ArrayList<>();
		for (final JsonNode e : list) {
			out.add(new RemoteFile(e.path("name").asText(), e.path("path").asText(), e.path("size").asLong(-1), "DIR"
				.equalsIgnoreCase(e.path("type").asText())));
		}
		return out;
	}

	/**
	 * Uploads one file into a user-area folder (created when missing), replacing a file of the same name.
	 * Streamed from disk; retried from the start on connection faults and 5xx.
	 *
	 * @param sent told how many bytes of the file were read for sending; reset to 0 by {@code restart} on a retry
	 */
	public void upload(final Path file, final String folder, final String name, final LongConsumer sent,
		final Runnable restart) throws ArchiveException
	{
		final MultipartUpload body;
		try {
			body = new MultipartUpload(file, folder, name);
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
		}
		final Duration timeout = CALL_TIMEOUT.plusSeconds(body.fileSize() / MIN_UPLOAD_RATE);
		final String target = folder.isEmpty() ? name : folder + "/" + name;
		call("POST /files/user/upload (" + target + ")", true, false, false, t -> {
			restart.run();
			return authorized("files/user/upload", t).timeout(timeout).header("Content-Type", body.contentType())
				.POST(body.publisher(sent)).build();
		});
	}

	/**
	 * Submits PageTab JSON asynchronously. Not retried: a failure whose outcome is unknown (kind UNKNOWN_OUTCOME,
	 * or a 5xx without the archive's own error body, see {@link ArchiveException#fromArchive}) must be checked
	 * with the archive before submitting again. A session the archive no longer accepts is renewed and the submit
	 * sent once more: the archive refused it at the door, before reading it.
	 */
	public SubmitReceipt submitAsync(final byte[] pageTab) throws ArchiveException {
		final JsonNode r = call("POST /submissions/async", false, false, false, t -> authorized("submissions/async", t)
			.header("Submission_Type", "application/json").header("Content-Type", "application/json").POST(
				HttpRequest.BodyPublishers.ofByteArray(pageTab)).build());
		final String accNo = r.path("accNo").asText("");
		if (accNo.isEmpty()) throw new ArchiveException(ArchiveException.Kind.SERVER,
			"The archive accepted the submission but sent no accession", "POST /submissions/async", 200, null, null,
			null);
		return new SubmitReceipt(accNo, r.path("version").asInt(1));
	}

	/** The status of a submission request: REQUESTED ... PROCESSED, POST_PROCESSED, or INVALID. */
	public String requestStatus(final String accNo, final int version) throws ArchiveException {
		final String path = requestPath(accNo, version, "status");
		return call("GET /" + path, true, false, false, t -> authorized(path, t).GET().build()).asText();
	}

	/**
	 * The status of a submission request, or null when the archive has no such request (the real archive answers
	 * that with a 500 saying it "was not found", the local one with a 404).
	 */
	public String requestStatusIfAny(final String accNo, final int version) throws ArchiveException {
		final String path = requestPath(accNo, version, "status");
		final JsonNode r = call("GET /" + path, true, false, true, t -> authorized(path, t).GET().build());
		return r == null ? null : r.asText();
	}

	/** The errors of a submission request (empty unless INVALID). */
	public List<String> requestErrors(final String accNo, final int version) throws ArchiveException {
		final String path = requestPath(accNo, version, "errors");
		final JsonNode r = call("GET /" + path, true, false, false, t -> authorized(path, t).GET().build());
		final List<String> out = new ArrayList<>();
		for (final JsonNode e : r) {
			out.add(e.asText());
		}
		return out;
	}

	/** The stored PageTab of a submission ({@code GET /submissions/{accNo}.json}). */
	public JsonNode pageTab(final String accNo) throws ArchiveException {
		final String path = "submissions/" + enc(accNo) + ".json";
		return call("GET /" + path, true, false, false, t -> authorized(path, t).GET().build());
	}

	/**
	 * The stored PageTab of the latest stored version of a submission, or null when no version of it is stored
	 * (the archive answers 404 until one is: a first version still processing or invalid, or no such accession).
	 */
	public JsonNode storedPageTab(final String accNo) throws ArchiveException {
		final String path = "submissions/" + enc(accNo) + ".json";
		return call("GET /" + path, true, false, true, t -> authorized(path, t).GET().build());
	}

	/**
	 * One page of the user's submissions ({@code GET /submissions}, whose only parameters are {@code accNo},
	 * {@code limit} and {@code offset}, counted in entries): requests still active or invalid first, then stored
	 * submissions, newest first.
	 */
	public List<SubmissionSummary> submissions(final int offset, final int limit) throws ArchiveException {
		return listing("submissions?offset=" + offset + "&limit=" + limit);
	}

	/** The user's submission {@code accNo} as the list gives it, or null when the list has no such entry. */
	public SubmissionSummary submission(final String accNo) throws ArchiveException {
		for (final SubmissionSummary s : listing("submissions?accNo=" + enc(accNo) + "&offset=0&limit=1")) {
			if (accNo.equalsIgnoreCase(s.accNo)) return s;
		}
		return null;
	}

	private List<SubmissionSummary> listing(final String path) throws ArchiveException {
		final JsonNode r = call("GET /submissions", true, false, false, t -> authorized(path, t).GET().build());
		final List<SubmissionSummary> out = new ArrayList<>();
		for (final JsonNode e : r) {
			final List<String> errors = new ArrayList<>();
			for (final JsonNode x : e.path("errors")) {
				errors.add(x.asText());
			}
			out.add(new SubmissionSummary(e.path("accno").asText(), e.path("title").asText(null), e.path("mtime")
				.asText(null), e.path("rtime").asText(null), e.path("status").asText(null), errors, e.path(
					"newSubmission").asBoolean(false)));
		}
		return out;
	}

	private static String requestPath(final String accNo, final int version, final String what) {
		return "submissions/requests/" + enc(accNo) + "/" + version + "/" + what;
	}

	// -- the one place where requests are sent --

	private interface RequestFactory {

		HttpRequest build(String token);
	}

	private HttpRequest.Builder authorized(final String path, final String t) {
		return HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_TIMEOUT).header("X-Session-Token", t == null
			? "" : t);
	}

	/**
	 * Sends a request, retrying as its kind allows. With {@code orNull}, an answer that the thing asked for does
	 * not exist gives null instead of an exception.
	 */
	private JsonNode call(final String what, final boolean idempotent, final boolean signIn, final boolean orNull,
		final RequestFactory factory) throws ArchiveException
	{
		if (!signIn && token == null) signIn();
		boolean signedInAgain = false, sessionChecked = false;
		int attempt = 1;
		while (true) {
			final HttpResponse<byte[]> r;
			try {
				r = http.send(factory.build(token), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (final SSLException e) {
				// An unverifiable certificate does not get better by trying again.
				throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Cannot establish a verified HTTPS " +
					"connection to " + base + " (" + what + "): " + describe(e) + ". Certificates are always verified;" +
					" for a private certificate, add it to a trust store (-Djavax.net.ssl.trustStore=...)", what, 0, null,
					null, e);
			}
			catch (final IOException e) {
				// Nothing reached the server when the connection could not even be opened.
				final boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
				if ((idempotent || notSent || signIn) && attempt < retry.attempts()) {
					backoff(what, describe(e), attempt++);
					continue;
				}
				final ArchiveException.Kind kind = idempotent || notSent || signIn ? ArchiveException.Kind.CONNECTION
					: ArchiveException.Kind.UNKNOWN_OUTCOME;
				throw new ArchiveException(kind, (notSent ? "Cannot reach the archive at " + base : "The connection to " +
					base + " failed") + " (" + what + ", " + attempt + (attempt == 1 ? " try" : " tries") + "): " +
					describe(e) + httpsHint(e), what, 0, null, null, e);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Interrupted during " + what, e);
			}
			final int status = r.statusCode();
			if (status >= 200 && status < 300) return parse(r.body(), what);
			if (orNull && notFound(r)) return null;
			if (signIn && status == 401) throw failure(ArchiveException.Kind.AUTHENTICATION, "The archive at " + base +
				" refused the sign-in of '" + login + "'", what, r);
			if (status == 401 && !signIn) {
				if (signedInAgain) throw failure(ArchiveException.Kind.AUTHENTICATION, "The archive refused the session" +
					" again right after signing in", what, r);
				signedInAgain = true;
				listener.step("Session expired: signing in again");
				signIn();
				continue;
			}
			// The real archive answers a token it no longer accepts with 500, on every endpoint (its profile too):
			// look at the session once per request, and sign in again once.
			if (status >= 500 && !signIn && !signedInAgain && !sessionChecked) {
				sessionChecked = true;
				if (!sessionValid() && signInAgain()) {
					signedInAgain = true;
					// a request refused at the door was not acted on; one that must not be sent twice goes again only
					// when the new session is accepted, i.e. when the old one was the reason
					if (idempotent || sessionValid()) continue;
				}
			}
			if (status >= 500 && idempotent && attempt < retry.attempts()) {
				backoff(what, "HTTP " + status, attempt++);
				continue;
			}
			throw failure(status >= 500 ? ArchiveException.Kind.SERVER : ArchiveException.Kind.REJECTED, "The archive" +
				" answered " + what + " with HTTP " + status, what, r);
		}
	}

	/** Signs in again after the archive stopped accepting the session; false when the archive cannot sign in now. */
	private boolean signInAgain() throws ArchiveException {
		listener.step("Session expired: signing in again");
		try {
			signIn();
			return true;
		}
		catch (final ArchiveException e) {
			if (e.kind() == ArchiveException.Kind.AUTHENTICATION) throw e;
			return false; // the archive is failing for everyone: the request is retried as any other failure
		}
	}

	/** Whether an answer says that the thing asked for does not exist (404, or the real archive's 500 for it). */
	private boolean notFound(final HttpResponse<byte[]> r) {
		if (r.statusCode() == 404) return true;
		if (r.statusCode() < 500) return false;
		try {
			final JsonNode body = json.readTree(r.body());
			return body != null && body.path("log").path("message").asText("").contains("was not found");
		}
		catch (final IOException | RuntimeException e) {
			return false;
		}
	}

	private void backoff(final String what, final String reason, final int attempt) throws ArchiveException {
		listener.retrying(what, reason, attempt, retry.delayAfter(attempt).toMillis());
		retry.pause(attempt);
	}

	/**
	 * Whether the archive still accepts the session: its profile answers. 401, 403 and 5xx say no (the real archive
	 * answers 500 for a token it does not know); true when that cannot be told (no answer, no such endpoint).
	 */
	private boolean sessionValid() {
		try {
			final HttpResponse<Void> r = http.send(authorized("auth/profile", token).timeout(Duration.ofSeconds(30))
				.GET().build(), HttpResponse.BodyHandlers.discarding());
			final int status = r.statusCode();
			return !(status == 401 || status == 403 || status >= 500);
		}
		catch (final IOException e) {
			return true;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private JsonNode parse(final byte[] body, final String what) throws ArchiveException {
		if (body.length == 0) return json.createObjectNode();
		try {
			return json.readTree(body);
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.SERVER, "The archive answered " + what +
				" with something that is not JSON", what, 200, null, null, e);
		}
	}

	/** An exception carrying the server's own message and detail lines from its error body. */
	private ArchiveException failure(final ArchiveException.Kind kind, final String message, final String what,
		final HttpResponse<byte[]> r)
	{
		String serverMessage = null;
		boolean fromArchive = false;
		final List<String> details = new ArrayList<>();
		try {
			final JsonNode body = json.readTree(r.body());
			if (body != null && body.has("log")) {
				serverMessage = body.path("log").path("message").asText(null);
				collect(body.path("log").path("subnodes"), details);
				fromArchive = true;
			}
			else if (body != null && body.has("message")) {
				serverMessage = body.path("message").asText(null);
				// the servlet container's own error page ({"timestamp","status","error","path",...}) is not the archive's
				fromArchive = !body.has("path");
			}
		}
		catch (final IOException | RuntimeException e) {
			final String text = new String(r.body(), StandardCharsets.UTF_8).trim();
			if (!text.isEmpty()) serverMessage = text.length() > 300 ? text.substring(0, 300) + "..." : text;
		}
		final StringBuilder m = new StringBuilder(message);
		if (serverMessage != null) m.append(": ").append(serverMessage);
		for (final String d : details) {
			m.append("\n  - ").append(d);
		}
		return new ArchiveException(kind, m.toString(), what, r.statusCode(), serverMessage, details, fromArchive, null);
	}

	private static void collect(final JsonNode subnodes, final List<String> out) {
		for (final JsonNode n : subnodes) {
			if (n.hasNonNull("message")) out.add(n.get("message").asText());
			collect(n.path("subnodes"), out);
		}
	}

	private static String describe(final IOException e) {
		return Errors.oneLine(e);
	}

	/**
	 * An https:// address whose server speaks plain HTTP never finishes the TLS handshake: the connection
	 * times out as if nobody answered. Say what may be wrong.
	 */
	private String httpsHint(final IOException e) {
		return e instanceof HttpConnectTimeoutException && "https".equalsIgnoreCase(base.getScheme())
			? ". If the server there speaks plain HTTP (a local archive started without a key store), use http://"
			: "";
	}

	private byte[] jsonBytes(final String field, final String value) throws ArchiveException {
		try {
			return json.writeValueAsBytes(json.createObjectNode().put(field, value));
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot encode a request", e);
		}
	}

	private static String enc(final String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
