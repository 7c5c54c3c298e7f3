package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Submitting (sync and async, {@link Submitter}), request status and errors, submission info and PageTab, the
 * listing ({@link SubmissionListing}), and the two checks the real server offers ({@code check-pagetab} and
 * {@code fileLists/validate}).
 */
final class SubmissionEndpoints {

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final PageTabChecker checker;
	private final Permissions permissions;
	private final SubmissionListing listing;
	private final Submitter submitter;

	SubmissionEndpoints(final ArchiveStore store, final ObjectMapper json, final SubmissionProcessor processor,
		final ServerSettings settings)
	{
		this.store = store;
		this.json = json;
		this.checker = new PageTabChecker(json);
		this.permissions = new Permissions(store);
		this.listing = new SubmissionListing(store, json);
		this.submitter = new Submitter(store, json, processor, settings);
	}

	void submit(final HttpExchange ex, final String login, final boolean async) throws IOException, ApiError {
		final JsonNode pageTab = readPageTab(ex);
		final Submitter.Submitted done = submitter.submit(pageTab, login, async);
		if (async) {
			final ObjectNode answer = json.createObjectNode();
			answer.put("accNo", done.accNo);
			answer.put("version", done.version);
			Exchanges.sendJson(ex, 200, json, answer);
			return;
		}
		Exchanges.sendJson(ex, 200, json, storedPageTab(done.accNo, done.version));
	}

	/** The PageTab of a submit request, JSON as sent or converted from TSV ({@code Submission_Type: text/plain}). */
	private JsonNode readPageTab(final HttpExchange ex) throws IOException, ApiError {
		String type = ex.getRequestHeaders().getFirst("Submission_Type");
		if (type == null) type = ex.getRequestHeaders().getFirst("Content-Type");
		final String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
		if (t.startsWith("text/plain")) return PageTabBodies.tsv(json, Exchanges.body(ex, Exchanges.MAX_PAGETAB_BODY));
		if (!t.startsWith("application/json")) {
			Exchanges.drain(ex);
			throw ApiError.fail(415, "Unsupported page tab format '" + type +
				"': use application/json (PageTab JSON) or text/plain (PageTab TSV)");
		}
		return PageTabBodies.json(json, Exchanges.body(ex, Exchanges.MAX_PAGETAB_BODY));
	}

	/**
	 * {@code GET /submissions/requests/{accNo}/{version}/status|errors}. An unknown accession or version is a
	 * 500, as the real server's {@code SubmissionRequestNotFoundException} falls to its general handler. (The
	 * real server shows any request to any signed-in user; the local one shows a user's requests to that user
	 * only, and another's as unknown.)
	 */
	void requestStatus(final HttpExchange ex, final String login, final String accNo, final String version,
		final boolean errors) throws IOException, ApiError
	{
		final int v;
		try {
			v = Integer.parseInt(version);
		}
		catch (final NumberFormatException e) {
			throw ApiError.fail(500, "Failed to convert value of type 'java.lang.String' to required type 'int'; " +
				"For input string: \"" + version + "\"");
		}
		final SubmissionRecord record = store.record(accNo);
		final SubmissionRecord.Request req = permissions.canRead(login, record) ? record.requests.get(v) : null;
		if (req == null) throw ApiError.fail(500, "The submission request '" + accNo + "', version: " + v +
			" was not found");
		if (errors) Exchanges.sendJson(ex, 200, json, req.errors);
		else Exchanges.sendJson(ex, 200, json, req.status);
	}

	/** {@code GET /submissions/{accNo}}: the accession's entry of the listing. */
	void info(final HttpExchange ex, final String login, final String accNo) throws IOException, ApiError {
		final ObjectNode entry = permissions.canRead(login, store.record(accNo)) ? listing.entryOf(login, accNo) : null;
		if (entry == null) throw notFound(accNo);
		Exchanges.sendJson(ex, 200, json, entry);
	}

	/** {@code GET /submissions/{accNo}.json}: the persisted version's PageTab; 404 until a version is persisted. */
	void pageTab(final HttpExchange ex, final String login, final String accNo) throws IOException, ApiError {
		final SubmissionRecord r = store.record(accNo);
		if (!permissions.canRead(login, r) || r.persistedVersion() == 0) throw notFound(accNo);
		Exchanges.sendJson(ex, 200, json, storedPageTab(r.accNo, r.persistedVersion()));
	}

	/** {@code GET /submissions?accNo=&limit=&offset=}: see {@link SubmissionListing}. */
	void search(final HttpExchange ex, final String login) throws IOException {
		final Map<String, String> q = Exchanges.query(ex);
		Exchanges.sendJson(ex, 200, json, listing.list(login, q.get("accNo"), (int) Math.min(Integer.MAX_VALUE,
			number(q.get("limit"), 15)), number(q.get("offset"), 0)));
	}

	/** {@code POST /submissions/check-pagetab?source=json|tsv&target=json}: parses and converts, nothing more. */
	void checkPageTab(final HttpExchange ex) throws IOException, ApiError {
		final Map<String, String> q = Exchanges.query(ex);
		final String source = q.getOrDefault("source", "json").toLowerCase(Locale.ROOT);
		final String target = q.getOrDefault("target", "json").toLowerCase(Locale.ROOT);
		if (!(source.equals("json") || source.equals("tsv")) || !target.equals("json")) {
			Exchanges.drain(ex);
			throw ApiError.fail(415, "Unsupported page tab format: the local archive reads json or tsv and writes json");
		}
		final byte[] body = Exchanges.body(ex, Exchanges.MAX_PAGETAB_BODY);
		final JsonNode node = source.equals("tsv") ? PageTabBodies.tsv(json, body) : PageTabBodies.json(json, body);
		if (!node.path("section").isObject()) throw ApiError.fail(400, "Submission validation errors", List.of(
			"The submission has no root section"));
		Exchanges.sendJson(ex, 200, json, node);
	}

	/** {@code POST /submissions/fileLists/validate}: 200 empty when every listed file is in the user area. */
	void validateFileList(final HttpExchange ex, final UserArea area) throws IOException, ApiError {
		final Map<String, String> form = FormFields.read(ex);
		final String name = form.get("fileListName");
		if (name == null || name.isEmpty()) throw ApiError.fail(400, "The field 'fileListName' is required");
		final ObjectNode probe = json.createObjectNode();
		probe.putArray("attributes");
		final ObjectNode section = probe.putObject("section");
		section.put("type", "Study");
		final ObjectNode a = section.putArray("attributes").addObject();
		a.put("name", "File List");
		a.put("value", name);
		final ObjectNode root = ((ArrayNode) probe.get("attributes")).addObject();
		root.put("name", "RootPath");
		root.put("value", form.getOrDefault("rootPath", ""));
		final PageTabChecker.Result check = checker.check(probe, area, null);
		final List<String> problems = new ArrayList<>();
		if (check.fileListFailure != null) problems.add(check.fileListFailure);
		for (final String p : check.problems) {
			if (!p.startsWith("Release date")) problems.add(p);
		}
		problems.addAll(check.fileErrors());
		if (!problems.isEmpty()) throw ApiError.fail(400, "File list validation errors", problems);
		Exchanges.sendOk(ex);
	}

	private JsonNode storedPageTab(final String accNo, final int version) throws IOException {
		final Path file = store.submissionDir(accNo).resolve(Integer.toString(version)).resolve("submission.json");
		return json.readTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
	}

	/** The real server's {@code SubmissionNotFoundException}, which it answers with 404. */
	private static ApiError notFound(final String accNo) {
		return ApiError.fail(404, "The submission '" + accNo + "' was not found");
	}

	private static long number(final String s, final long fallback) {
		try {
			return s == null ? fallback : Math.max(0, Long.parseLong(s.trim()));
		}
		catch (final NumberFormatException e) {
			return fallback;
		}
	}
}
