package io.github.biaannotations.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.prefs.PrefService;
import org.scijava.ui.UIService;
import org.scijava.widget.TextWidget;

import io.github.biaannotations.archive.ArchiveException;
import io.github.biaannotations.archive.ArchiveUrls;

/**
 * Plugins &gt; BioImage Archive &gt; Archive Account...: the archive URL and login, kept in Fiji's preferences.
 * The password is a password field, never persisted by SciJava and never recorded by the macro recorder; it
 * is kept for this Fiji session, and across sessions only when "remember" is ticked.
 */
@Plugin(type = Command.class, menuPath = "Plugins>BioImage Archive>Archive Account...", initializer = "init")
public final class ArchiveAccountCommand extends DynamicCommand {

	@Parameter(label = "Archive URL", persist = false, description = "The submission API: production " +
		ArchiveAccount.PRODUCTION + ", test " + ArchiveAccount.TEST + ", or the local archive server's URL.")
	private String url = "";

	@Parameter(label = "Login (e-mail)", persist = false, required = false)
	private String login = "";

	@Parameter(label = "Password", style = TextWidget.PASSWORD_STYLE, persist = false, required = false,
		description = "Blank keeps the password already known.")
	private String password = "";

	@Parameter(label = "Remember the password on this computer", persist = false,
		description = "Stores the password in Fiji's preferences (plain text). Unticked, it is forgotten when " +
			"Fiji closes.")
	private boolean remember;

	@Parameter(type = ItemIO.OUTPUT, label = "Account")
	private String account;

	@Parameter
	private PrefService prefs;

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	/** Shows the saved account in the dialog; values given by a macro or script are kept. */
	protected void init() {
		final ArchiveAccounts store = new ArchiveAccounts(prefs);
		final ArchiveAccount saved = store.account();
		if (!isInputResolved("url") && (url == null || url.isEmpty())) url = saved.url();
		if (!isInputResolved("login") && (login == null || login.isEmpty())) login = saved.login();
		if (!isInputResolved("remember")) remember = store.remembersPassword();
	}

	@Override
	public void run() {
		final CommandFeedback feedback = new CommandFeedback(log, ui);
		try {
			if (url == null || url.trim().isEmpty()) throw new IllegalArgumentException("url: give the archive's " +
				"submission API URL, e.g. " + ArchiveAccount.PRODUCTION);
			checkUrl(url);
			final ArchiveAccount a = new ArchiveAccount(url, login);
			final ArchiveAccounts store = new ArchiveAccounts(prefs);
			store.save(a, password == null ? null : password.toCharArray(), remember);
			account = a + (store.remembersPassword() ? "; password remembered on this computer" : store
				.password() != null ? "; password kept for this session" : "; no password yet");
			if (log != null) log.info("Archive Account: " + account);
		}
		catch (final RuntimeException e) {
			cancel(feedback.error("Archive Account", e));
		}
		finally {
			password = null; // not kept in the module's inputs after the run
		}
	}

	/**
	 * The same check as a push makes, before anything is saved: https (plain http only for this machine) and
	 * no user name or password inside the URL, which would otherwise end up in Fiji's preferences and the log.
	 */
	private static void checkUrl(final String url) {
		try {
			ArchiveUrls.checked(url);
		}
		catch (final ArchiveException e) {
			throw new IllegalArgumentException("url: " + e.getMessage(), e);
		}
	}
}
