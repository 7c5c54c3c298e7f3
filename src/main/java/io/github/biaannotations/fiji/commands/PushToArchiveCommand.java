package io.github.biaannotations.fiji.commands;

import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.prefs.PrefService;
import org.scijava.widget.FileWidget;
import org.scijava.widget.TextWidget;

import io.github.biaannotations.fiji.StatusProgress;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.submission.PackageValidator;

/**
 * Plugins &gt; BioImage Archive &gt; Push to Archive...: uploads a package folder to the archive set in Archive
 * Account... and submits it, ending with the accession. The work is done by the {@link ArchivePusher} plugin of
 * the archive client. A push that would make the study public at once (a release date of today, UTC, not chosen
 * explicitly) asks in a dialog; headless, it needs {@code release_date} given.
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

	@Parameter(label = "Release date (YYYY-MM-DD)", persist = false, required = false,
		description = "Blank: the package's (an update keeps its submission's). Giving a date, even today's, is " +
			"your explicit choice; a release date of today (UTC) makes the study public as soon as the archive has " +
			"processed it, and you can then no longer delete it: without a date given, the push asks first.")
	private String release_date = "";

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
		final char[] secret = store.password(password);
		password = null;
		try {
			if (!new File(folder, "submission.json").isFile()) throw new IllegalArgumentException(folder +
				": not a submission package (no submission.json); export with metadata first");
			final LocalDate date = date(release_date);
			// sizes only: the upload checks each file's sha256 as it sends it, and nothing differing is submitted
			PackageValidator.requireSubmittable(folder.toPath(), ReleaseDates.today(), date, false);
			final ArchiveAccount account = store.account();
			if (account.login().isEmpty() || secret == null) throw new IllegalStateException("no archive login or " +
				"password: set them with Plugins > BioImage Archive > Archive Account... (or, in scripts and on " +
				"servers, the environment variable " + PASSWORD_VARIABLE + ")");
			final ArchivePusher pusher = Backends.first(plugins, ArchivePusher.class, "Pushing to the archive");
			final StatusProgress progress = new StatusProgress(status);
			final PushOptions options = new PushOptions(update, date, question -> {
				if (log != null) log.info("Push to Archive: " + question);
				return feedback.confirm("Push to Archive", question + ".\n\nSubmit it now, to be public at once? " +
					"(To choose a later date, answer No and give a release date.)");
			});
			final PushResult r;
			try {
				r = pusher.push(folder.toPath(), account, secret, options, line -> {
					if (log != null) log.info("Push to Archive: " + line);
				}, progress);
			}
			finally {
				progress.done(); // the status bar is cleared when a push fails too
			}
			accession = r.accession();
			feedback.info("Push to Archive", "Submitted " + folder.getName() + " to " + account.url() + " as " + r +
				(options.update() == null ? "" : " (a new version)"));
		}
		catch (final Exception e) {
			cancel(feedback.error("Push to Archive", e));
		}
		finally {
			if (secret != null) Arrays.fill(secret, '\0');
		}
	}

	/** The release date given, or null; "today" is today in UTC, as the archive counts it. */
	private static LocalDate date(final String text) {
		if (text == null || text.trim().isEmpty()) return null;
		if ("today".equals(text.trim().toLowerCase(Locale.ROOT))) return ReleaseDates.today();
		try {
			return LocalDate.parse(text.trim());
		}
		catch (final DateTimeParseException e) {
			throw new IllegalArgumentException("release_date='" + text + "' is not a date of the form YYYY-MM-DD");
		}
	}
}
