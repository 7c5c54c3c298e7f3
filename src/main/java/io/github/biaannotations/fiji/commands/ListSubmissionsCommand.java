package io.github.biaannotations.fiji.commands;

import java.util.Arrays;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.prefs.PrefService;
import org.scijava.widget.TextWidget;

import io.github.biaannotations.archive.PackagePusher;

/**
 * Plugins &gt; BioImage Archive &gt; Submissions...: the submissions of the account set in Archive Account..., with
 * their state, release date and the archive's errors; with an accession, that one in detail (its stored version
 * and its request in progress). Shown in a dialog and the log, and given as the output {@code submissions}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>BioImage Archive>Submissions...")
public final class ListSubmissionsCommand extends FeedbackCommand {

	@Parameter(label = "Accession", persist = false, required = false,
		description = "Blank: all your submissions. One of your accessions (such as S-BIAD1752): that one in detail.")
	private String accession = "";

	@Parameter(label = "Password", style = TextWidget.PASSWORD_STYLE, persist = false, required = false,
		description = "Blank: the password given in Archive Account... (never recorded in macros).")
	private String password = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Submissions")
	private String submissions;

	@Parameter
	private PrefService prefs;

	@Parameter
	private PluginService plugins;

	@Override
	public void run() {
		final CommandFeedback feedback = feedback();
		final ArchiveAccounts store = new ArchiveAccounts(prefs);
		final char[] secret = store.password(password);
		password = null;
		try {
			final String acc = PackagePusher.accession(accession);
			final ArchiveAccount account = store.account();
			if (account.login().isEmpty() || secret == null) throw new IllegalStateException("no archive login or " +
				"password: set them with Plugins > BioImage Archive > Archive Account... (or, in scripts and on " +
				"servers, the environment variable " + PushToArchiveCommand.PASSWORD_VARIABLE + ")");
			final List<String> lines = Backends.first(plugins, ArchiveSubmissions.class, "Listing submissions").report(
				account, secret, acc);
			submissions = String.join("\n", lines);
			feedback.info("Submissions of " + account, submissions);
		}
		catch (final Exception e) {
			cancel(feedback.error("Submissions", e));
		}
		finally {
			if (secret != null) Arrays.fill(secret, '\0');
		}
	}
}
