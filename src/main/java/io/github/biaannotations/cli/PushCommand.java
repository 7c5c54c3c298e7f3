package io.github.biaannotations.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.ArchiveUrls;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.PushResult;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.submission.PackageValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bia-annotations push DIR --archive URL --user LOGIN}: sends a package to the archive and prints the
 * accession as the last line. The password comes from {@code BIA_PASSWORD} or the terminal without echo, never
 * from an argument. A push that would make the study public at once asks first at the terminal, unless the
 * release date was given explicitly (at export or with {@code --release-date}).
 */
@Command(name = "push", mixinStandardHelpOptions = true,
	description = { "Uploads a submission package to the BioImage Archive (or a local archive), submits it and " +
		"prints the accession as the last line. Safe to run again: files already uploaded are skipped and a " +
		"package is never submitted twice; a package exported again is a new package.", "The password is read " +
			"from the environment variable BIA_PASSWORD, or asked for at the terminal without echo (3 tries).",
		"A release date of today (UTC) makes the study public as soon as the archive has processed it, and you can " +
			"then no longer delete it: push asks first, unless the date was given with --release-date here or at " +
			"export.", "Exit code: 0 when the archive processed the submission, 2 when it found it invalid (its " +
				"errors on standard error), 1 on any other error." })
final class PushCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "DIR", description = "The package folder (with submission.json).")
	Path dir;

	@Option(names = "--archive", required = true, paramLabel = "URL", description = "The submission API, e.g. " +
		"https://www.ebi.ac.uk/biostudies/submissions/api or http://127.0.0.1:8080/ for a local archive.")
	String archive;

	@Option(names = "--user", required = true, paramLabel = "LOGIN", description = "Archive login (e-mail).")
	String user;

	@Option(names = "--update", paramLabel = "ACCESSION", description = "Submit the package as the next version of " +
		"your existing submission ACCESSION (such as S-BIAD1752) instead of as a new submission. The new version " +
		"keeps its release date and DOI.")
	String update;

	@Option(names = "--release-date", paramLabel = "YYYY-MM-DD", description = "Submit with this release date " +
		"instead of the package's (today or later, in UTC; 'today' for today): your explicit choice, so push does " +
		"not ask. A study that is public already keeps its release date.")
	String releaseDate;

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(dir)) throw new IllegalArgumentException("Not a folder: " + dir);
		ArchiveUrls.checked(archive); // an unusable URL or accession is reported before a password is asked for
		final String accession = PackagePusher.accession(update);
		final LocalDate date = releaseDate == null ? null : date(releaseDate);
		// sizes only: the upload checks each file's sha256 as it sends it, and nothing differing is submitted
		PackageValidator.requireSubmittable(dir, ReleaseDates.today(), date, false);
		final PrintWriter err = spec.commandLine().getErr();
		final PushListener listener = new PushConsole(err, System.console() != null);
		final ArchiveSignIn signIn = new ArchiveSignIn(archive, user);
		final PushResult result;
		final ArchiveClient client = signIn.client(listener);
		try {
			result = new PackagePusher(client, listener).updating(accession).releaseDate(date).confirmingPublicRelease(
				question -> confirm(signIn.terminal(), question)).push(dir);
		}
		finally {
			client.signOut();
		}
		final PrintWriter out = spec.commandLine().getOut();
		if (!result.processed()) {
			err.println("error: submission " + result.accNo() + " is " + result.status() + ":");
			for (final String e : result.errors()) {
				err.println("  " + e);
			}
			err.println("Fix the package and push again: an invalid update is sent again as the same accession's " +
				"next version; an invalid first version becomes a new submission (the archive does not reuse its " +
				"accession).");
			err.flush();
		}
		out.println(result.accNo());
		out.flush();
		return result.processed() ? 0 : 2;
	}

	/** Asks at the terminal; no terminal is a no. */
	private static boolean confirm(final TerminalPrompt terminal, final String question) {
		if (terminal == null) return false;
		try {
			terminal.println(question + ".");
			final String answer = terminal.readLine("Submit it now, to be public at once? [y/N] ");
			return answer != null && ("y".equalsIgnoreCase(answer.trim()) || "yes".equalsIgnoreCase(answer.trim()));
		}
		catch (final IOException e) {
			return false;
		}
	}

	static LocalDate date(final String s) {
		if ("today".equals(s.trim().toLowerCase(Locale.ROOT))) return ReleaseDates.today();
		try {
			return LocalDate.parse(s.trim());
		}
		catch (final java.time.format.DateTimeParseException e) {
			throw new IllegalArgumentException("--release-date '" + s + "' is not a date of the form YYYY-MM-DD");
		}
	}
}
