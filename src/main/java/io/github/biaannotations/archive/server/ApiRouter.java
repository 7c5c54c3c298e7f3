package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Dispatches every request of the local archive to its endpoint and turns failures into the real server's
 * status codes and error bodies. Requests other than sign-in need a valid {@code X-Session-Token}: without one
 * they get 401, with one the server does not know 500, as on the real server.
 */
final class ApiRouter implements HttpHandler {

	private static final Logger LOG = Logger.getLogger(ApiRouter.class.getName());
	private static final Pattern REQUEST = Pattern.compile("/submissions/requests/([^/]+)/([^/]+)/(status|errors)");
	private static final Pattern SUBMISSION = Pattern.compile("/submissions/([^/]+?)(\\.json)?");

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final AccountEndpoints account;
	private final FileEndpoints files;
	private final SubmissionEndpoints submissions;

	ApiRouter(final ArchiveStore store, final ObjectMapper json, final SubmissionProcessor processor,
		final ServerSettings settings)
	{
		this.store = store;
		this.json = json;
		this.account = new AccountEndpoints(store, json, settings);
		this.files = new FileEndpoints(store, json, settings);
		this.submissions = new SubmissionEndpoints(store, json, processor, settings);
	}

	@Override
	public void handle(final HttpExchange ex) throws IOException {
		try {
			route(ex);
		}
		catch (final ApiError e) {
			send(ex, e);
		}
		catch (final MultipartStreamParser.MalformedException e) {
			// found by LocalArchiveServerFuzzTest: a broken multipart body was a 500
			send(ex, ApiError.fail(400, "The multipart/form-data body is malformed: " + e.getMessage()));
		}
		catch (final IOException | RuntimeException e) {
			// The message says what failed; the stack trace goes to the server log only.
			LOG.log(Level.FINE, "Request " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " failed", e);
			send(ex, ApiError.fail(500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
		}
		finally {
			ex.close();
		}
	}

	private void send(final HttpExchange ex, final ApiError e) {
		try {
			Exchanges.sendJson(ex, e.status(), json, e.body(json));
		}
		catch (final IOException | RuntimeException gone) {
			// headers already sent or the client is gone: nothing more to say
		}
	}

	private void route(final HttpExchange ex) throws IOException, ApiError {
		final String method = ex.getRequestMethod();
		String path = ex.getRequestURI().getPath();
		if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
		final boolean post = "POST".equals(method);
		final boolean get = "GET".equals(method);
		final Matcher request = REQUEST.matcher(path), submission = SUBMISSION.matcher(path);
		final String token = ex.getRequestHeaders().getFirst("X-Session-Token");
		// The real server's security filter looks up every token given, before any endpoint (sign-in included),
		// and fails with a 500 for one it does not know (archive-server-facts.md §1).
		if (token != null && !token.trim().isEmpty() && store.userOf(token) == null) {
			Exchanges.drain(ex);
			throw ApiError.unknownToken(path);
		}
		if (post && ("/auth/login".equals(path) || "/auth/signin".equals(path))) {
			account.login(ex);
			return;
		}
		if (post && "/auth/logout".equals(path)) {
			account.logout(ex, token);
			return;
		}
		if (!known(path)) {
			Exchanges.drain(ex);
			throw ApiError.fail(404, "No endpoint " + method + " " + path);
		}
		final String login = store.userOf(token);
		if (login == null) {
			Exchanges.drain(ex);
			throw ApiError.unauthorized();
		}
		if (get && "/auth/profile".equals(path)) account.profile(ex, login, token);
		else if (get && "/collections".equals(path)) account.collections(ex);
		else if (post && "/files/user/upload".equals(path)) files.upload(ex, store.areaOf(login));
		else if (post && "/files/user/query".equals(path)) files.query(ex, store.areaOf(login));
		else if (post && "/folder/user/create".equals(path)) files.createFolder(ex, store.areaOf(login));
		else if (post && "/files/user/delete".equals(path)) files.delete(ex, store.areaOf(login));
		else if (post && "/files/user/download".equals(path)) files.download(ex, store.areaOf(login));
		else if (post && "/submissions".equals(path)) submissions.submit(ex, login, false);
		else if (post && "/submissions/async".equals(path)) submissions.submit(ex, login, true);
		else if (post && "/submissions/check-pagetab".equals(path)) submissions.checkPageTab(ex);
		else if (post && "/submissions/fileLists/validate".equals(path)) submissions.validateFileList(ex, store
			.areaOf(login));
		else if (get && "/submissions".equals(path)) submissions.search(ex, login);
		else if (get && request.matches()) {
			submissions.requestStatus(ex, login, request.group(1), request.group(2), "errors".equals(request.group(3)));
		}
		else if (get && submission.matches()) {
			if (submission.group(2) != null) submissions.pageTab(ex, login, submission.group(1));
			else submissions.info(ex, login, submission.group(1));
		}
		else {
			Exchanges.drain(ex);
			throw ApiError.fail(405, "Method " + method + " is not supported for " + path);
		}
	}

	private static boolean known(final String path) {
		return path.equals("/auth/profile") || path.equals("/collections") || path.startsWith("/files/user/") ||
			path.equals("/folder/user/create") || path.equals("/submissions") || path.startsWith("/submissions/");
	}
}
