package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploads a package's files into its user-area folder, skipping those the archive already has whole: a file of
 * the same path and size in that folder, which is the package's own (its name carries the package's identity,
 * so no other package's files are there), unless the file changed since the last push started. Files travel
 * several per request and a few requests at once ({@link UploadLimits}).
 */
final class PackageUpload {

	private final ArchiveClient client;
	private final PushListener listener;
	private final UploadLimits limits;

	PackageUpload(final ArchiveClient client, final PushListener listener, final UploadLimits limits) {
		this.client = client;
		this.listener = listener;
		this.limits = limits;
	}

	/** Uploads what the archive lacks; returns {uploaded files, skipped files, bytes uploaded}. */
	long[] upload(final List<PackageFiles.Entry> files, final String folder, final Instant lastUpload)
		throws ArchiveException
	{
		final Map<String, Long> remote = remoteSizes(folder);
		final ProgressMeter meter = new ProgressMeter(UploadLimits.bytes(files), files.size(), SerialListener.of(
			listener));
		final List<PackageFiles.Entry> uploaded = new ArrayList<>();
		int skipped = 0;
		for (final PackageFiles.Entry e : files) {
			final Long have = remote.get(e.path);
			if (have != null && have == e.size && !changedSince(e, lastUpload)) {
				skipped++;
				meter.skip(e.size);
				listener.skipped(e.path, e.size);
			}
			else uploaded.add(e);
		}
		new UploadRequests(client, meter, limits.inFlight).send(folder, limits.requests(uploaded));
		final long bytes = UploadLimits.bytes(uploaded);
		if (client.ftpUserFolder() && !uploaded.isEmpty()) checkStored(uploaded, folder);
		listener.step("Uploaded " + uploaded.size() + " files (" + TransferProgress.size(bytes) + ") to folder " +
			folder + " of your user area" + (skipped > 0 ? ", " + skipped + " already there" : ""));
		return new long[] { uploaded.size(), skipped, bytes };
	}

	/**
	 * Lists what an FTP user folder holds after the upload: the archive answers a failed store there with 200
	 * (archive-server-facts.md, 2), so an upload's answer does not tell that the file arrived.
	 */
	private void checkStored(final List<PackageFiles.Entry> uploaded, final String folder) throws ArchiveException {
		final Map<String, Long> remote = remoteSizes(folder);
		final List<String> missing = new ArrayList<>();
		for (final PackageFiles.Entry e : uploaded) {
			final Long have = remote.get(e.path);
			if (have == null || have != e.size) missing.add(e.path);
		}
		if (missing.isEmpty()) return;
		throw new ArchiveException(ArchiveException.Kind.SERVER, "The archive answered the upload of " + missing
			.size() + (missing.size() == 1 ? " file" : " files") + " into folder " + folder + " with OK but does not " +
			"hold " + (missing.size() == 1 ? "it" : "them") + " whole (" + String.join(", ", missing.subList(0, Math.min(
				5, missing.size()))) + (missing.size() > 5 ? ", ..." : "") + "): storing in your FTP user folder failed, " +
			"which the archive answers with OK (a full disk?). Nothing was submitted; push again later, or write to " +
			ArchiveAdvice.TEAM + " if it goes on", null);
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
