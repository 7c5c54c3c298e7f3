package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * Submitting (sync and async), request status and errors, submission info and PageTab, search, and the
 * two checks the real server offers ({@code check-pagetab} and {@code fileLists/validate}).
 */
final class SubmissionEndpoints {

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final PageTabChecker checker;
	private final SubmissionProcessor processor;

	SubmissionEndpoints(final ArchiveStore store, final ObjectMapper json, final SubmissionProcessor processor) {
		this.store = store;
		this.json = json;
		this.checker = new PageTabChecker(json);
		this.processor = processor;
	}

	void submit(final HttpExchange ex, final UserArea area, final boolean async) throws IOException, ApiError {
		final JsonNode pageTab = readPageTab(ex);
		final PageTabChecker.Result check = checker.check(pageTab, area);
		if (!check.problems.isEmpty()) throw ApiError.fail(400, "Submission validation errors", check.problems);
		if (check.collection != null && !AccountEndpoints.COLLECTION.equalsIgnoreCase(check.collection)) {
			throw ApiError.fail(500, "The user " + area.login() + " is not allowed to submit to " + check.collection +
				" collection");
		}
		final SubmissionRecord record = register(pageTab, check, area.login());
		final int version = record.version;
		if (async) {
			processor.enqueue(record.accNo, version);
			final ObjectNode answer = json.createObjectNode();
			answer.put("accNo", record.accNo);
			answer.put("version", version);
			Exchanges.sendJson(ex, 200, json, answer);
			return;
		}
		final SubmissionRecord.Request done;
		try {
			done = processor.processOrInvalidate(record.accNo, version);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("The local archive is stopping; " + record.accNo + " will be processed at the next start");
		}
		if (RequestStatus.INVALID.equals(done.status)) throw ApiError.fail(400, "Submission validation errors",
			done.errors);
		Exchanges.sendJson(ex, 200, json, storedPageTab(record.accNo, version));
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

	/** Assigns the accession (or the next version of a given one) and saves the request. */
	private SubmissionRecord register(final JsonNode pageTab, final PageTabChecker.Result check, final String login)
		throws IOException, ApiError
	{
		final String given = pageTab.path("accno").asText("").trim();
		synchronized (store) {
			SubmissionRecord record;
			if (given.isEmpty()) {
				record = new SubmissionRecord();
				record.accNo = store.nextAccession(check.collection == null ? "S-BSST" : "S-BIAD");
				record.owner = login;
				record.ctime = Instant.now().toString();
			}
			else {
				record = store.record(given);
				if (record == null || !record.owner.equals(login)) throw ApiError.fail(500, "The user " + login +
					" is not allowed to submit or update the submission " + given);
				// not a validation error: the real server's exception for it is a plain runtime error (500)
				if (!record.latest().terminal()) throw ApiError.fail(500, "Submission request '" + given +
					"' is currently being processed.");
			}
			record.version++;
			record.title = check.title;
			record.collection = check.collection;
			record.rootPath = check.rootPath;
			record.rtime = check.releaseDate.trim() + "T00:00:00Z";
			record.mtime = Instant.now().toString();
			final SubmissionRecord.Request req = new SubmissionRecord.Request();
			req.status = RequestStatus.REQUESTED;
			record.requests.put(record.version, req);
			final ObjectNode stored = pageTab.deepCopy();
			stored.put("accno", record.accNo);
			final Path dir = store.submissionDir(record.accNo).resolve(Integer.toString(record.version));
			Files.createDirectories(dir);
			store.writeJson(dir.resolve("submission.json"), stored);
			store.save(record);
			return record;
		}
	}

	void requestStatus(final HttpExchange ex, final String login, final String accNo, final String version,
		final boolean errors) throws IOException, ApiError
	{
		final SubmissionRecord record = owned(login, accNo);
		SubmissionRecord.Request req = null;
		try {
			req = record == null ? null : record.requests.get(Integer.parseInt(version));
		}
		catch (final NumberFormatException e) {
			// not found
		}
		if (req == null) throw ApiError.fail(404, "Submission request '" + accNo + "', version '" + version +
			"' was not found");
		if (errors) Exchanges.sendJson(ex, 200, json, req.errors);
		else Exchanges.sendJson(ex, 200, json, req.status);
	}

	void info(final HttpExchange ex, final String login, final String accNo) throws IOException, ApiError {
		final SubmissionRecord r = owned(login, accNo);
		if (r == null) throw notFound(accNo);
		final ObjectNode o = json.createObjectNode();
		o.put("accno", r.accNo);
		o.put("displayAccNo", r.accNo);
		o.put("newSubmission", r.version == 1 && !r.everProcessed());
		o.put("title", r.title);
		o.put("mtime", r.mtime);
		o.put("rtime", r.rtime);
		o.put("status", r.submissionStatus());
		final ArrayNode errs = o.putArray("errors");
		for (final String e : r.latest().errors) {
			errs.add(e);
		}
		Exchanges.sendJson(ex, 200, json, o);
	}

	void pageTab(final HttpExchange ex, final String login, final String accNo) throws IOException, ApiError {
		final SubmissionRecord r = owned(login, accNo);
		if (r == null) throw notFound(accNo);
		Exchanges.sendJson(ex, 200, json, storedPageTab(r.accNo, r.version));
	}

	/** {@code GET /submissions}: the user's submissions, filtered by accNo and title keywords, paged. */
	void search(final HttpExchange ex, final String login) throws IOException {
		final Map<String, String> q = Exchanges.query(ex);
		final int offset = intParam(q.get("offset"), 0);
		final int limit = intParam(q.get("limit"), 15);
		final String acc = q.get("accNo");
		final String keywords = q.get("keywords");
		final List<SubmissionRecord> mine = new ArrayList<>();
		for (final SubmissionRecord r : store.records()) {
			if (!r.owner.equals(login)) continue;
			if (acc != null && !acc.isEmpty() && !acc.equals(r.accNo)) continue;
			if (keywords != null && !keywords.isEmpty() && (r.title == null || !r.title.toLowerCase(Locale.ROOT)
				.contains(keywords.toLowerCase(Locale.ROOT)))) continue;
			mine.add(r);
		}
		mine.sort((a, b) -> b.mtime.compareTo(a.mtime));
		final ArrayNode list = json.createArrayNode();
		for (int i = offset * limit; i < mine.size() && i < (offset + 1) * limit; i++) {
			final SubmissionRecord r = mine.get(i);
			final ObjectNode o = list.addObject();
			o.put("accno", r.accNo);
			o.put("title", r.title);
			o.put("version", r.version);
			o.put("ctime", r.ctime);
			o.put("mtime", r.mtime);
			o.put("rtime", r.rtime);
			o.put("method", "PAGE_TAB");
			o.put("status", r.submissionStatus());
		}
		Exchanges.sendJson(ex, 200, json, list);
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
		final PageTabChecker.Result check = checker.check(probe, area);
		final List<String> problems = new ArrayList<>();
		for (final String p : check.problems) {
			if (!p.startsWith("Release date")) problems.add(p);
		}
		if (!check.missing().isEmpty()) problems.add("The following files could not be found: " + String.join(", ",
			check.missing()));
		if (!problems.isEmpty()) throw ApiError.fail(400, "File list validation errors", problems);
		Exchanges.sendOk(ex);
	}

	private SubmissionRecord owned(final String login, final String accNo) throws IOException {
		final SubmissionRecord r = store.record(accNo);
		return r != null && r.owner.equals(login) ? r : null;
	}

	private JsonNode storedPageTab(final String accNo, final int version) throws IOException {
		final Path file = store.submissionDir(accNo).resolve(Integer.toString(version)).resolve("submission.json");
		return json.readTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
	}

	private static ApiError notFound(final String accNo) {
		return ApiError.fail(404, "The submission '" + accNo + "' was not found");
	}

	private static int intParam(final String s, final int fallback) {
		try {
			return s == null ? fallback : Math.max(0, Integer.parseInt(s));
		}
		catch (final NumberFormatException e) {
			return fallback;
		}
	}
}
