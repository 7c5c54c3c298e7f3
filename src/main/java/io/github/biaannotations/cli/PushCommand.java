package io.github.biaannotations.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.ArchiveUrls;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.PushResult;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.submission.PackageValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bia-annotations push DIR --archive URL --user LOGIN}: sends a package to the archive and prints the
 * accession as the last line. The password comes from {@code BIA_PASSWORD} or a prompt without echo, never
 * from an argument.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
	description = { "Uploads a submission package to the BioImage Archive (or a local archive), submits it and " +
		"prints the accession as the last line. Safe to run again: files already uploaded are skipped and a " +
		"package is never submitted twice.", "The password is read from the environment variable BIA_PASSWORD, " +
			"or asked for without echo.", "Exit code: 0 when the archive processed the submission, 2 when it " +
				"found it invalid (its errors on standard error), 1 on any other error." })
final class PushCommand implements Callable<Integer> {

	/** Where the password comes from; tests replace it. */
	static Function<String, String> environment = System::getenv;

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
		"your existing submission ACCESSION (such as S-BIAD1752) instead of as a new submission.")
	String update;

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(dir)) throw new IllegalArgumentException("Not a folder: " + dir);
		ArchiveUrls.checked(archive); // an unusable URL or accession is reported before a password is asked for
		final String accession = PackagePusher.accession(update);
		PackageValidator.requireSubmittable(dir, LocalDate.now());
		final char[] password = password();
		final PrintWriter err = spec.commandLine().getErr();
		final PushListener listener = new PushConsole(err, System.console() != null);
		final PushResult result;
		try {
			final ArchiveClient client = new ArchiveClient(archive, user, password, RetryPolicy.DEFAULT, listener, null);
			try {
				result = new PackagePusher(client, listener).updating(accession).push(dir);
			}
			finally {
				client.signOut();
			}
		}
		finally {
			Arrays.fill(password, '\0');
		}
		final PrintWriter out = spec.commandLine().getOut();
		if (!result.processed()) {
			err.println("error: submission " + result.accNo() + " is " + result.status() + ":");
			for (final String e : result.errors()) {
				err.println("  " + e);
			}
			err.println("Fix the package and push again: the same accession is updated.");
			err.flush();
		}
		out.println(result.accNo());
		out.flush();
		return result.processed() ? 0 : 2;
	}

	private char[] password() {
		final String env = environment.apply("BIA_PASSWORD");
		if (env != null && !env.isEmpty()) return env.toCharArray();
		final Console console = System.console();
		if (console == null) throw new IllegalArgumentException("No password: set the environment variable " +
			"BIA_PASSWORD, or run push in a terminal to be asked for it");
		final char[] pw = console.readPassword("Password for %s at %s: ", user, archive);
		if (pw == null || pw.length == 0) throw new IllegalArgumentException("No password given");
		return pw;
	}
}
