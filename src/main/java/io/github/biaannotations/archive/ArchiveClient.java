package io.github.biaannotations.archive;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client of the BioImage Archive's submission API (BioStudies; archive-api.md) over HTTP/1.1
 * ({@link HttpTransport}): sign in, the user file area, submitting and request status. Requests are sent, retried
 * and their failures explained by {@link ArchiveCalls}; several may be in flight at once (uploads). The session token and the
 * password are kept in memory only and never appear in messages or exceptions. Certificates are always verified
 * (the JDK's default trust, or the given {@link SSLContext}); plain HTTP is refused except to this machine.
 */
public final class ArchiveClient {

	private static final Duration CALL_TIMEOUT = ArchiveCalls.CALL_TIMEOUT;
	/** Slowest upload rate tolerated before a transfer counts as stalled (bytes per second, over all requests). */
	private static final long MIN_UPLOAD_RATE = 100_000;

	private final URI base;
	private final String login;
	private final char[] password;
	private final HttpTransport http;
	private final ObjectMapper json = new ObjectMapper();
	private final ArchiveCalls calls;
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
		this.http = new HttpTransport(base, tls);
		this.calls = new ArchiveCalls(base, login, http, retry == null ? RetryPolicy.DEFAULT : retry, SerialListener.of(
			listener), json, this::signIn);
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
		return calls.token != null;
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
		final JsonNode profile = calls.call("POST /auth/login", false, true, false, t -> new HttpTransport.Request(
			"POST", "auth/login", CALL_TIMEOUT).body("application/json", bytes));
		Arrays.fill(bytes, (byte) 0);
		final String sessid = profile.path("sessid").asText("");
		if (sessid.isEmpty()) throw new ArchiveException(ArchiveException.Kind.SERVER, "Sign-in to " + base +
			" answered without a session token", "POST /auth/login", 200, null, null, null);
		calls.token = sessid;
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
		final String t = calls.token;
		if (t == null) return;
		calls.token = null;
		try {
			final ObjectNode body = json.createObjectNode();
			body.put("sessid", t);
			http.send(new HttpTransport.Request("POST", "auth/logout", Duration.ofSeconds(10)).header("X-Session-Token",
				t).body("application/json", json.writeValueAsBytes(body)));
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
		final JsonNode list = calls.call("POST /files/user/query (" + folder + ")", true, false, false, t -> calls
			.authorized("POST", "files/user/query", t).body("application/json", body));
		final List<RemoteFile> out = new ArrayList<>();
		for (final JsonNode e : list) {
			out.add(new RemoteFile(e.path("name").asText(), e.path("path").asText(), e.path("size").asLong(-1), "DIR"
				.equalsIgnoreCase(e.path("type").asText())));
		}
		return out;
	}

	/**
	 * Uploads the files of {@code body} into its user-area folder (created when missing) in one request, replacing
	 * files of the same names. Streamed from disk, each file checked against its sha256 as it is read (a file that
	 * differs fails the request before its last bytes are sent: USAGE); retried from the start on connection faults
	 * and 5xx.
	 *
	 * @param alongside how many such requests are sent at once, which share the connection's bandwidth
	 * @param sent told how many bytes of the files were read for sending; {@code restart} is run before each try
	 */
	void upload(final UploadBody body, final int alongside, final UploadBody.Sent sent, final Runnable restart)
		throws ArchiveException
	{
		final Duration timeout = CALL_TIMEOUT.plusSeconds(body.fileBytes() * Math.max(1, alongside) / MIN_UPLOAD_RATE);
		final List<PackageFiles.Entry> files = body.files();
		final String folder = body.folder();
		final String target = files.size() == 1 ? (folder.isEmpty() ? "" : folder + "/") + files.get(0).name()
			: (folder.isEmpty() ? "the top folder" : folder) + ", " + files.size() + " files";
		body.reporting(sent);
		calls.call("POST /files/user/upload (" + target + ")", true, false, false, t -> {
			restart.run();
			final HttpTransport.Request r = calls.authorized("POST", "files/user/upload", t).header("Content-Type", body
				.contentType());
			r.body = body;
			r.timeout = timeout;
			return r.streamed();
		});
	}

	/**
	 * Submits PageTab JSON asynchronously. Not retried: a failure whose outcome is unknown (kind UNKNOWN_OUTCOME,
	 * or a 5xx without the archive's own error body, see {@link ArchiveException#fromArchive}) must be checked
	 * with the archive before submitting again. A session the archive no longer accepts is renewed and the submit
	 * sent once more: the archive refused it at the door, before reading it.
	 */
	public SubmitReceipt submitAsync(final byte[] pageTab) throws ArchiveException {
		final JsonNode r = calls.call("POST /submissions/async", false, false, false, t -> calls.authorized("POST",
			"submissions/async", t).header("Submission_Type", "application/json").body("application/json", pageTab)
			.streamed());
		final String accNo = r.path("accNo").asText("");
		if (accNo.isEmpty()) throw new ArchiveException(ArchiveException.Kind.SERVER,
			"The archive accepted the submission but sent no accession", "POST /submissions/async", 200, null, null,
			null);
		return new SubmitReceipt(accNo, r.path("version").asInt(1));
	}

	/** The status of a submission request: REQUESTED ... PROCESSED, POST_PROCESSED, or INVALID. */
	public String requestStatus(final String accNo, final int version) throws ArchiveException {
		final String path = requestPath(accNo, version, "status");
		return calls.call("GET /" + path, true, false, false, t -> calls.authorized("GET", path, t)).asText();
	}

	/**
	 * The status of a submission request, or null when the archive has no such request (the real archive answers
	 * that with a 500 saying it "was not found", the local one with a 404).
	 */
	public String requestStatusIfAny(final String accNo, final int version) throws ArchiveException {
		final String path = requestPath(accNo, version, "status");
		final JsonNode r = calls.call("GET /" + path, true, false, true, t -> calls.authorized("GET", path, t));
		return r == null ? null : r.asText();
	}

	/** The errors of a submission request (empty unless INVALID). */
	public List<String> requestErrors(final String accNo, final int version) throws ArchiveException {
		final String path = requestPath(accNo, version, "errors");
		final JsonNode r = calls.call("GET /" + path, true, false, false, t -> calls.authorized("GET", path, t));
		final List<String> out = new ArrayList<>();
		for (final JsonNode e : r) {
			out.add(e.asText());
		}
		return out;
	}

	/** The stored PageTab of a submission ({@code GET /submissions/{accNo}.json}). */
	public JsonNode pageTab(final String accNo) throws ArchiveException {
		final String path = "submissions/" + enc(accNo) + ".json";
		return calls.call("GET /" + path, true, false, false, t -> calls.authorized("GET", path, t));
	}

	/**
	 * The stored PageTab of the latest stored version of a submission, or null when no version of it is stored
	 * (the archive answers 404 until one is: a first version still processing or invalid, or no such accession).
	 */
	public JsonNode storedPageTab(final String accNo) throws ArchiveException {
		final String path = "submissions/" + enc(accNo) + ".json";
		return calls.call("GET /" + path, true, false, true, t -> calls.authorized("GET", path, t));
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
		final JsonNode r = calls.call("GET /submissions", true, false, false, t -> calls.authorized("GET", path, t));
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
