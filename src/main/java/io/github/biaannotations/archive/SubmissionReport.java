package io.github.biaannotations.archive;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.metadata.PageTabAttributes;
import io.github.biaannotations.metadata.ReleaseDates;

/**
 * The user's submissions as text for people ({@code bia-annotations submissions}, Fiji's Submissions...): the
 * list with each submission's state, release date, title and errors, or one submission in detail with its stored
 * version (release date, public or not, DOI, the user-area folder it came from) and its request in progress. The
 * archive's list gives no versions; the request shown is found by asking for the versions in turn.
 */
public final class SubmissionReport {

	/** Versions asked for when looking for the request in progress. */
	private static final int MAX_VERSIONS = 50;

	private final ArchiveClient client;
	private final LocalDate today;

	public SubmissionReport(final ArchiveClient client) {
		this.client = client;
		this.today = ReleaseDates.today();
	}

	/** One line per submission (newest first, requests in progress first), errors indented below. */
	public List<String> list() throws ArchiveException {
		final List<SubmissionSummary> all = new SubmissionLookup(client).all();
		final List<String> out = new ArrayList<>();
		if (all.isEmpty()) {
			out.add(client.login() + " has no submissions at " + client.baseUri());
			return out;
		}
		out.add(String.format("%-14s %-10s %-20s %s", "ACCESSION", "STATE", "RELEASE DATE", "TITLE"));
		for (final SubmissionSummary s : all) {
			out.add(String.format("%-14s %-10s %-20s %s", s.accNo, s.status, release(s), s.title == null ? "" : s.title));
			for (final String e : s.errors) {
				out.add("    - " + e);
			}
		}
		out.add(all.size() + (all.size() == 1 ? " submission" : " submissions") + " of " + client.login() + " at " +
			client.baseUri());
		return out;
	}

	/**
	 * One submission in detail.
	 *
	 * @throws ArchiveException USAGE when the user has no such submission
	 */
	public List<String> one(final String accNo) throws ArchiveException {
		final SubmissionSummary s = client.submission(accNo);
		final JsonNode stored = client.storedPageTab(accNo);
		if (s == null && stored == null) throw new ArchiveException(ArchiveException.Kind.USAGE, accNo + " is not a " +
			"submission of " + client.login() + " at " + client.baseUri(), null);
		final List<String> out = new ArrayList<>();
		out.add(accNo + ": " + (s != null && s.title != null ? s.title : stored == null ? "" : PageTabAttributes.value(
			stored, "Title")));
		if (s != null) out.add("  state: " + s.status + (s.mtime == null ? "" : " (last change " + s.mtime + ")"));
		if (stored == null) out.add("  stored version: none yet (a first version still processing, or invalid)");
		else {
			final String date = PageTabAttributes.value(stored, "ReleaseDate");
			out.add("  stored version: release date " + date + publicity(date) + ", from folder " + PageTabAttributes
				.value(stored, "RootPath") + " of the user area");
			final String doi = PageTabAttributes.value(stored, "DOI");
			if (doi != null) out.add("  DOI: " + doi);
		}
		final boolean errorsShown = s != null && !"PROCESSED".equalsIgnoreCase(s.status) && request(accNo, stored ==
			null, out);
		if (s != null && !s.errors.isEmpty() && !errorsShown) {
			out.add("  errors:");
			for (final String e : s.errors) {
				out.add("    - " + e);
			}
		}
		return out;
	}

	/**
	 * The request in progress: the first version not yet POST_PROCESSED (finished ones may be gone).
	 *
	 * @return whether its errors were shown
	 */
	private boolean request(final String accNo, final boolean firstVersion, final List<String> out)
		throws ArchiveException
	{
		for (int v = 1; v <= (firstVersion ? 1 : MAX_VERSIONS); v++) {
			final String status = client.requestStatusIfAny(accNo, v);
			if (status == null || "POST_PROCESSED".equals(status)) continue;
			out.add("  request: version " + v + ", " + status);
			if ("INVALID".equals(status)) {
				for (final String e : client.requestErrors(accNo, v)) {
					out.add("    - " + e);
				}
				return true;
			}
			return false;
		}
		return false;
	}

	private String release(final SubmissionSummary s) {
		final String date = s.rtime == null || s.rtime.length() < 10 ? s.rtime : s.rtime.substring(0, 10);
		return date == null ? "" : date + ("PROCESSED".equalsIgnoreCase(s.status) ? publicity(date) : "");
	}

	private String publicity(final String date) {
		try {
			return date == null ? "" : ReleaseDates.publicAtOnce(LocalDate.parse(date.trim()), today) ? " (public)"
				: " (private until then)";
		}
		catch (final DateTimeParseException e) {
			return "";
		}
	}
}
