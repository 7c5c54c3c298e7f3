package io.github.biaannotations.fiji.commands;

import java.io.IOException;
import java.util.List;

import org.scijava.Priority;
import org.scijava.plugin.Plugin;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.archive.SubmissionReport;

/** Submissions... runs the archive client of the {@code archive} module: the list, or one submission in detail. */
@Plugin(type = ArchiveSubmissions.class, priority = Priority.LOW)
public final class DefaultArchiveSubmissions implements ArchiveSubmissions {

	@Override
	public List<String> report(final ArchiveAccount account, final char[] password, final String accession)
		throws IOException
	{
		final ArchiveClient client = new ArchiveClient(account.url(), account.login(), password, RetryPolicy.DEFAULT,
			PushListener.NONE, null);
		try {
			final SubmissionReport report = new SubmissionReport(client);
			return accession == null ? report.list() : report.one(accession);
		}
		finally {
			client.signOut();
		}
	}
}
