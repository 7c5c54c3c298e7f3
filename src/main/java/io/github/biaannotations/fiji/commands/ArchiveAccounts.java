package io.github.biaannotations.fiji.commands;

import java.util.Arrays;

import org.scijava.prefs.PrefService;

/**
 * Keeps the archive account between Fiji sessions in SciJava's {@link PrefService}: URL and login always, the
 * password only when the user asks to remember it (then in the preferences store in plain text, as Fiji keeps
 * its other preferences). Otherwise the password lives in memory for this session only.
 */
public final class ArchiveAccounts {

	static final String URL = "url";
	static final String LOGIN = "login";
	static final String PASSWORD = "password";

	private static char[] sessionPassword;

	private final PrefService prefs;

	public ArchiveAccounts(final PrefService prefs) {
		this.prefs = prefs;
	}

	/** The saved account; the production archive and no login when none is saved. */
	public ArchiveAccount account() {
		final String url = prefs == null ? null : prefs.get(ArchiveAccounts.class, URL, null);
		final String login = prefs == null ? null : prefs.get(ArchiveAccounts.class, LOGIN, null);
		return new ArchiveAccount(url == null || url.trim().isEmpty() ? ArchiveAccount.PRODUCTION : url, login);
	}

	/**
	 * Saves the account; the password (may be empty: keep the one known) is remembered across sessions only
	 * when {@code remember}, and unticking {@code remember} forgets a remembered one.
	 */
	public void save(final ArchiveAccount account, final char[] password, final boolean remember) {
		if (prefs != null) {
			prefs.put(ArchiveAccounts.class, URL, account.url());
			prefs.put(ArchiveAccounts.class, LOGIN, account.login());
		}
		final boolean given = password != null && password.length > 0;
		if (given) setSession(password);
		if (prefs == null) return;
		if (!remember) prefs.remove(ArchiveAccounts.class, PASSWORD);
		else if (given) prefs.put(ArchiveAccounts.class, PASSWORD, new String(password));
	}

	/** The password of this session, else the remembered one; null when none is known. A copy. */
	public char[] password() {
		synchronized (ArchiveAccounts.class) {
			if (sessionPassword != null) return sessionPassword.clone();
		}
		final String stored = prefs == null ? null : prefs.get(ArchiveAccounts.class, PASSWORD, null);
		return stored == null || stored.isEmpty() ? null : stored.toCharArray();
	}

	/**
	 * The password for a command: {@code given} when not blank, else this session's or the remembered one, else
	 * the environment variable {@code BIA_PASSWORD} (scripts, servers); null when none is known. A copy.
	 */
	public char[] password(final String given) {
		if (given != null && !given.isEmpty()) return given.toCharArray();
		final char[] known = password();
		if (known != null) return known;
		final String env = System.getenv(PushToArchiveCommand.PASSWORD_VARIABLE);
		return env == null || env.isEmpty() ? null : env.toCharArray();
	}

	/** Whether a password is remembered across sessions. */
	public boolean remembersPassword() {
		return prefs != null && prefs.get(ArchiveAccounts.class, PASSWORD, null) != null;
	}

	/** Forgets the password of this session and the remembered one. */
	public void forgetPassword() {
		synchronized (ArchiveAccounts.class) {
			if (sessionPassword != null) Arrays.fill(sessionPassword, '\0');
			sessionPassword = null;
		}
		if (prefs != null) prefs.remove(ArchiveAccounts.class, PASSWORD);
	}

	private static synchronized void setSession(final char[] password) {
		if (sessionPassword != null) Arrays.fill(sessionPassword, '\0');
		sessionPassword = password.clone();
	}
}
