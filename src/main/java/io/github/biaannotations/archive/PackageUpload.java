package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploads a package's files into its user-area folder, skipping those the archive already has whole: a file of
 * the same path and size in that folder, which is the package's own (its name carries the package's identity,
 * so no other package's files are there), unless the file changed since the last push started.
 */
final class PackageUpload {

	private final ArchiveClient client;
	private final PushListener listener;

	PackageUpload(final ArchiveClient client, final PushListener listener) {
		this.client = client;
		this.listener = listener;
	}

	/** Uploads what the archive lacks; returns {uploaded files, skipped files, bytes uploaded}. */
	long[] upload(final List<PackageFiles.Entry> files, final String folder, final Instant lastUpload)
		throws ArchiveException
	{
		final Map<String, Long> remote = remoteSizes(folder);
		long total = 0;
		for (final PackageFiles.Entry e : files) {
			total += e.size;
		}
		final ProgressMeter meter = new ProgressMeter(total, listener);
		int sent = 0;
		int skipped = 0;
		long bytes = 0;
		for (final PackageFiles.Entry e : files) {
			final Long have = remote.get(e.path);
			if (have != null && have == e.size && !changedSince(e, lastUpload)) {
				skipped++;
				meter.skip(e.size);
				listener.skipped(e.path, e.size);
				continue;
			}
			final String target = e.parent().isEmpty() ? folder : folder + "/" + e.parent();
			meter.start(e.path, e.size);
			client.upload(e.file, target, e.name(), meter::add, meter::restart);
			meter.finish();
			sent++;
			bytes += e.size;
		}
		listener.step("Uploaded " + sent + " files (" + TransferProgress.size(bytes) + ") to folder " + folder +
			" of your user area" + (skipped > 0 ? ", " + skipped + " already there" : ""));
		return new long[] { sent, skipped, bytes };
	}

	/**
	 * Sizes of the files already in the package's user-area folder. Lists the user root first and descends
	 * only into folders the archive shows, so that a folder that does not exist yet is never queried.
	 */
	private Map<String, Long> remoteSizes(final String folder) throws ArchiveException {
		final Map<String, Long> out = new HashMap<>();
		for (final RemoteFile f : client.list("")) {
			if (f.directory && f.name.equals(folder)) listRemote(folder, "", out);
		}
		return out;
	}

	private void listRemote(final String folder, final String prefix, final Map<String, Long> out)
		throws ArchiveException
	{
		for (final RemoteFile f : client.list(prefix.isEmpty() ? folder : folder + "/" + prefix)) {
			final String rel = prefix.isEmpty() ? f.name : prefix + "/" + f.name;
			if (f.directory) listRemote(folder, rel, out);
			else out.put(rel, f.size);
		}
	}

	/** Whether a file was modified after the last push of this package started uploading. */
	private static boolean changedSince(final PackageFiles.Entry e, final Instant lastUpload) {
		if (lastUpload == null) return false;
		try {
			return Files.getLastModifiedTime(e.file).toInstant().isAfter(lastUpload);
		}
		catch (final IOException x) {
			return true;
		}
	}
}
