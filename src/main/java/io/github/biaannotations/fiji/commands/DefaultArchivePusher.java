package io.github.biaannotations.fiji.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.scijava.Priority;
import org.scijava.plugin.Plugin;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.archive.TransferProgress;
import io.github.biaannotations.model.Progress;

/** Push to Archive... runs the archive client of the {@code archive} module: upload, submit, follow, accession. */
@Plugin(type = ArchivePusher.class, priority = Priority.LOW)
public final class DefaultArchivePusher implements ArchivePusher {

	@Override
	public PushResult push(final Path packageDir, final ArchiveAccount account, final char[] password,
		final PushOptions options, final Consumer<String> log, final Progress progress) throws IOException
	{
		final PushListener listener = new PushListener() {

			@Override
			public void step(final String message) {
				log.accept(message);
			}

			@Override
			public void progress(final TransferProgress p) {
				progress.update("Uploading " + p.file(), p.bytes(), p.totalBytes());
			}
		};
		// the client keeps its own copy of the password
		final ArchiveClient client = new ArchiveClient(account.url(), account.login(), password, RetryPolicy.DEFAULT,
			listener, null);
		final io.github.biaannotations.archive.PushResult r;
		try {
			r = new PackagePusher(client, listener).updating(options.update()).releaseDate(options.releaseDate())
				.confirmingPublicRelease(options::confirmPublic).push(packageDir);
		} finally {
			client.signOut();
		}
		if (!r.processed())
			throw new IOException("submission " + r.accNo() + " is " + r.status() + ": " + String.join("; ", r.errors()) +
				" (fix the package and push again: an invalid update is sent again as the same accession's next " +
				"version, an invalid first version becomes a new submission)");
		return new PushResult(r.accNo(), r.status() + (r.stillProcessing() ? " (the archive is still post-processing " +
			"it)" : "") + "; " + r.filesUploaded() + " files uploaded, " + r.filesSkipped() + " already there; folder " +
			PackagePusher.remoteFolder(packageDir) + " of " + account.login() + "'s user area");
	}
}
