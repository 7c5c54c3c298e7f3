package io.github.biaannotations.fiji.commands;

import java.util.Objects;

/** An archive to push to and the login there. Holds no password, so it can be logged and shown. */
public final class ArchiveAccount {

	/** The BioStudies submission API of the BioImage Archive. */
	public static final String PRODUCTION = "https://www.ebi.ac.uk/biostudies/submissions/api";
	/** The test (beta) instance: submissions there are not public. */
	public static final String TEST = "https://wwwdev.ebi.ac.uk/biostudies/submissions/api";

	private final String url;
	private final String login;

	public ArchiveAccount(final String url, final String login) {
		this.url = Objects.requireNonNull(url, "url").trim().replaceAll("/+$", "");
		this.login = login == null ? "" : login.trim();
	}

	public String url() { return url; }
	public String login() { return login; }

	@Override
	public String toString() {
		return (login.isEmpty() ? "(no login)" : login) + " at " + url;
	}
}
