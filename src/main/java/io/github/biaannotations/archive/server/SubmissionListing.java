package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /submissions} as the real server answers it (archive-server-facts.md §6): parameters {@code accNo},
 * {@code limit} (default 15) and {@code offset} (counting items) only, so {@code keywords} is ignored; entries
 * {@code {accno, displayAccNo, newSubmission, title, mtime, rtime, status, errors}}, with no version and no
 * ctime. The user's active requests (processing, PROCESSED included, or INVALID) come first, then persisted
 * submissions by modification time, newest first, with the real server's paging of the two lists.
 */
final class SubmissionListing {

	private final ArchiveStore store;
	private final ObjectMapper json;

	SubmissionListing(final ArchiveStore store, final ObjectMapper json) {
		this.store = store;
		this.json = json;
	}

	/** One page of the listing for {@code login}; {@code accNo} null or empty for every accession. */
	ArrayNode list(final String login, final String accNo, final int limit, final long offset) throws IOException {
		final boolean superuser = store.roleOf(login) == LocalArchiveServer.Role.SUPERUSER;
		final boolean admin = store.roleOf(login) == LocalArchiveServer.Role.ADMIN;
		final boolean anyAcc = accNo == null || accNo.isEmpty();
		final List<SubmissionRecord> active = new ArrayList<>();
		final List<SubmissionRecord> persisted = new ArrayList<>();
		for (final SubmissionRecord r : store.records()) {
			if (!anyAcc && !accNo.equals(r.accNo)) continue;
			final SubmissionRecord.Request latest = r.latest();
			if (latest != null && r.owner.equals(login) && !RequestStatus.POST_PROCESSED.equals(latest.status)) active.add(
				r);
			final SubmissionRecord.Request p = r.persisted();
			if (p != null && (r.owner.equals(login) || superuser || admin && AccountEndpoints.COLLECTION
				.equalsIgnoreCase(p.collection))) persisted.add(r);
		}
		active.sort(Comparator.comparing(r -> text(r.latest().ctime)));
		persisted.sort(Comparator.comparing((final SubmissionRecord r) -> text(r.persisted().mtime)).reversed());
		// The real server pages the active requests first, then the submissions with what is left of the page,
		// skipping only the accessions of the requests on this page (SubmissionMongoPersistenceQueryService).
		final List<SubmissionRecord> page = new ArrayList<>();
		final long requestsCount;
		if (active.size() <= offset) requestsCount = active.size();
		else {
			for (long i = offset; i < active.size() && page.size() < limit; i++) {
				page.add(active.get((int) i));
			}
			requestsCount = page.size();
		}
		final ArrayNode out = json.createArrayNode();
		final Set<String> shown = new HashSet<>();
		for (final SubmissionRecord r : page) {
			out.add(entry(r, r.latest(), true));
			shown.add(r.accNo);
		}
		final int left = limit - page.size();
		long skip = Math.max(0, offset - requestsCount);
		for (final SubmissionRecord r : persisted) {
			if (out.size() - page.size() >= left) break;
			if (shown.contains(r.accNo)) continue;
			if (skip > 0) {
				skip--;
				continue;
			}
			out.add(entry(r, r.persisted(), false));
		}
		return out;
	}

	/** The entry of one accession, as the list would show it, or null when the user cannot see it. */
	ObjectNode entryOf(final String login, final String accNo) throws IOException {
		final ArrayNode one = list(login, accNo, 1, 0);
		return one.size() == 0 ? null : (ObjectNode) one.get(0);
	}

	/** An entry for an active request ({@code request}) or for a persisted submission. */
	private ObjectNode entry(final SubmissionRecord r, final SubmissionRecord.Request req, final boolean request) {
		final ObjectNode o = json.createObjectNode();
		o.put("accno", r.accNo);
		o.put("displayAccNo", r.accNo);
		o.put("newSubmission", request && req.newSubmission);
		o.put("title", text(req.title));
		o.put("mtime", req.mtime);
		o.put("rtime", req.rtime);
		o.put("status", !request ? "PROCESSED" : req.invalid() ? "INVALID" : "PROCESSING");
		final ArrayNode errors = o.putArray("errors");
		if (request && req.invalid()) {
			for (final String e : req.errors) {
				errors.add(e);
			}
		}
		return o;
	}

	private static String text(final String s) {
		return s == null ? "" : s;
	}
}
