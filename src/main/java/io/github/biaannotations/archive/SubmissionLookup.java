package io.github.biaannotations.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.metadata.PageTabAttributes;

/**
 * Finds the user's submissions in the archive's list, which offers no search (its only parameters are
 * {@code accNo}, {@code limit} and {@code offset}) and no versions: the list is read page by page, up to
 * {@value #MAX_ENTRIES} entries, and a stored version's {@code RootPath} tells which package it came from.
 */
final class SubmissionLookup {

	/** Entries asked for per page. */
	static final int PAGE = 100;
	/** Most entries read from the list. */
	static final int MAX_ENTRIES = 5000;

	private final ArchiveClient client;

	SubmissionLookup(final ArchiveClient client) {
		this.client = client;
	}

	/** The user's list, newest first (active requests first, as the archive orders it), once per accession. */
	List<SubmissionSummary> all() throws ArchiveException {
		final Map<String, SubmissionSummary> out = new LinkedHashMap<>();
		for (int offset = 0; offset < MAX_ENTRIES; offset += PAGE) {
			final List<SubmissionSummary> page = client.submissions(offset, PAGE);
			for (final SubmissionSummary s : page) {
				out.putIfAbsent(s.accNo, s);
			}
			if (page.size() < PAGE) break;
		}
		return new ArrayList<>(out.values());
	}

	/** The entries of the user's list whose title is exactly {@code title}. */
	List<SubmissionSummary> withTitle(final String title) throws ArchiveException {
		final List<SubmissionSummary> out = new ArrayList<>();
		for (final SubmissionSummary s : all()) {
			if (title != null && title.equals(s.title)) out.add(s);
		}
		return out;
	}

	/** The {@code RootPath} of the stored version of {@code accNo}; null when none is stored or it has none. */
	String storedRootPath(final String accNo) throws ArchiveException {
		final JsonNode stored = client.storedPageTab(accNo);
		return stored == null ? null : PageTabAttributes.value(stored, "RootPath");
	}

	/** Among {@code entries}, the one whose stored version was uploaded from this package; null when none. */
	SubmissionSummary storedFrom(final List<SubmissionSummary> entries, final PackageIdentity identity)
		throws ArchiveException
	{
		for (final SubmissionSummary s : entries) {
			if (identity.uploadedInto(storedRootPath(s.accNo))) return s;
		}
		return null;
	}

	static List<String> accessions(final List<SubmissionSummary> entries) {
		final List<String> out = new ArrayList<>();
		for (final SubmissionSummary s : entries) {
			out.add(s.accNo);
		}
		return out;
	}
}
