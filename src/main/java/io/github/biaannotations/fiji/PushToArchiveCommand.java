package io.github.biaannotations.fiji;

import java.io.File;
import java.time.LocalDate;
import java.util.Arrays;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.prefs.PrefService;
import org.scijava.widget.FileWidget;
import org.scijava.widget.TextWidget;

import io.github.biaannotations.submission.PackageValidator;

/**
 * Plugins &gt; BioImage Archive &gt; Push to Archive...: uploads a package folder to the archive set in Archive
 * Account... and submits it, ending with the accession. The work is done by the {@link ArchivePusher} plugin of
 * the archive client.
 */
@Plugin(type = Command.class, menuPath = "Plugins>BioImage Archive>Push to Archive...")
public final class PushToArchiveCommand extends FeedbackCommand {

	/** Where scripts and headless runs give the password, so that it is on no command line. */
	public static final String PASSWORD_VARIABLE = "BIA_PASSWORD";

	@Parameter(label = "Package folder", style = FileWidget.DIRECTORY_STYLE,
		description = "A package written by Export Annotations (with submission.json).")
	private File folder;

	@Parameter(label = "Password", style = TextWidget.PASSWORD_STYLE, persist = false, required = false,
		description = "Blank: the password given in Archive Account... (never recorded in macros).")
	private String password = "";

	@Parameter(label = "Update accession", persist = false, required = false,
		description = "Blank: a new submission. One of your accessions (such as S-BIAD1752): this package becomes " +
			"its next version.")
	private String update = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Accession")
	private String accession;

	@Parameter
	private PrefService prefs;

	@Parameter
	private PluginService plugins;

	@Parameter(required = false)
	private StatusService status;

	@Override
	public void run() {
		final CommandFeedback feedback = feedback();
		final ArchiveAccounts store = new ArchiveAccounts(prefs);
		char[] secret = password != null && !password.isEmpty() ? password.toCharArray() : store.password();
		if (secret == null && System.getenv(PASSWORD_VARIABLE) != null) secret = System.getenv(PASSWORD_VARIABLE).toCharArray();
		password = null;
		try {
			if (!new File(folder, "submission.json").isFile()) throw new IllegalArgumentException(folder +
				": not a submission package (no submission.json); export with metadata first");
			PackageValidator.requireSubmittable(folder.toPath(), LocalDate.now());
			final ArchiveAccount account = store.account();
			if (account.login().isEmpty() || secret == null) throw new IllegalStateException("no archive login or " +
				"password: set them with Plugins > BioImage Archive > Archive Account... (or, in scripts and on " +
				"servers, the environment variable " + PASSWORD_VARIABLE + ")");
			final ArchivePusher pusher = Backends.first(plugins, ArchivePusher.class, "Pushing to the archive");
			final StatusProgress progress = new StatusProgress(status);
			final PushResult r;
			try {
				r = pusher.push(folder.toPath(), account, secret, update, line -> {
					if (log != null) log.info("Push to Archive: " + line);
				}, progress);
			}
			finally {
				progress.done(); // the status bar is cleared when a push fails too
			}
			accession = r.accession();
			feedback.info("Push to Archive", "Submitted " + folder.getName() + " to " + account.url() + " as " + r +
				(update == null || update.isBlank() ? "" : " (a new version)"));
		}
		catch (final Exception e) {
			cancel(feedback.error("Push to Archive", e));
		}
		finally {
			if (secret != null) Arrays.fill(secret, '\0');
		}
	}
}
