package io.github.biaannotations.archive;

import java.util.Locale;

/**
 * What to do about the archive's refusals that a user cannot fix in the package: each is recognised by the real
 * archive's own message (archive-server-facts.md) and answered with the next step.
 */
final class ArchiveAdvice {

	/** Where the BioImage Archive team reads mail (the archive's submission tool names it, BioImages.v5 template). */
	static final String TEAM = "the BioImage Archive team (bioimage-archive@ebi.ac.uk)";

	private ArchiveAdvice() {}

	/** The next step for a refusal with the archive's {@code serverMessage}, or null when the message says it. */
	static String forRefusal(final String serverMessage, final String login) {
		if (serverMessage == null) return null;
		final String m = serverMessage.toLowerCase(Locale.ROOT);
		if (m.contains("not allowed to submit to") && m.contains("collection")) return "Your account may not submit " +
			"to the BioImages collection yet: ask " + TEAM + " to allow " + login + " to submit to the BioImages " +
			"collection, or push with an account that may. Nothing was submitted; push again once it is allowed.";
		if (m.contains("is currently being processed")) return "The archive is still processing the last version of " +
			"this submission and takes no new version until it is finished (POST_PROCESSED); push again later " +
			"('bia-annotations submissions' shows its status).";
		if (m.contains("not allowed to provide accession number")) return "That accession was never stored (its " +
			"first version was not accepted) and only the archive team may reuse it: push without --update to " +
			"submit the package as a new submission.";
		if (m.contains("not allowed to update the submission")) return "Only the owner or an author of that " +
			"submission may update it: check the accession, or push with the account that submitted it.";
		return null;
	}
}
