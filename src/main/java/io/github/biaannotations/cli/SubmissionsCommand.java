package io.github.biaannotations.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.ArchiveUrls;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.SubmissionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bia-annotations submissions --archive URL --user LOGIN [--accession ACC]}: the user's submissions with
 * their state, release date and errors, or one of them in detail with its request in progress.
 */
@Command(name = "submissions", mixinStandardHelpOptions = true,
	description = { "Lists your submissions at the archive: accession, state (PROCESSING, INVALID, PROCESSED), " +
		"release date and title, with the archive's errors. With --accession, one submission in detail: its stored " +
		"version (release date, public or not, DOI, the folder of your user area it came from) and its request in " +
		"progress with its errors.", "The password is read from BIA_PASSWORD, or asked for at the terminal." })
final class SubmissionsCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--archive", required = true, paramLabel = "URL", description = "The submission API, e.g. " +
		"https://www.ebi.ac.uk/biostudies/submissions/api or http://127.0.0.1:8080/ for a local archive.")
	String archive;

	@Option(names = "--user", required = true, paramLabel = "LOGIN", description = "Archive login (e-mail).")
	String user;

	@Option(names = "--accession", paramLabel = "ACCESSION", description = "One submission (such as S-BIAD1752).")
	String accession;

	@Override
	public Integer call() throws Exception {
		ArchiveUrls.checked(archive);
		final String acc = PackagePusher.accession(accession);
		final ArchiveClient client = new ArchiveSignIn(archive, user).client(PushListener.NONE);
		final List<String> lines;
		try {
			final SubmissionReport report = new SubmissionReport(client);
			lines = acc == null ? report.list() : report.one(acc);
		}
		finally {
			client.signOut();
		}
		final PrintWriter out = spec.commandLine().getOut();
		for (final String line : lines) {
			out.println(line);
		}
		out.flush();
		return 0;
	}
}
