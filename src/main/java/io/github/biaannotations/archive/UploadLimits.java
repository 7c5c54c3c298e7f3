package io.github.biaannotations.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How push groups a package's files into upload requests, and how many requests it has on their way at once. The
 * archive takes many files per request, all into one folder (one {@code filePath}; Tomcat there allows 2000 parts
 * and 20 GB: archive-server-facts.md §2), and every request costs it a database write (§1), so files of a folder
 * travel together. A request stays under Tomcat's 50 MB max-swallow-size, so that an answer the archive gives
 * before reading the whole body (a refused session) still reaches the client, and a retry sends little again; a
 * larger file goes alone.
 */
final class UploadLimits {

	/** 500 files or 32 MiB per request, 4 requests at once. */
	static final UploadLimits DEFAULT = new UploadLimits(500, 32L << 20, 4);

	final int filesPerRequest;
	final long bytesPerRequest;
	final int inFlight;

	UploadLimits(final int filesPerRequest, final long bytesPerRequest, final int inFlight) {
		if (filesPerRequest < 1 || bytesPerRequest < 1 || inFlight < 1) throw new IllegalArgumentException(
			"upload limits must be positive: " + filesPerRequest + ", " + bytesPerRequest + ", " + inFlight);
		this.filesPerRequest = filesPerRequest;
		this.bytesPerRequest = bytesPerRequest;
		this.inFlight = inFlight;
	}

	/**
	 * The requests that send {@code files}: each holds files of one folder (in path order), at most
	 * {@link #filesPerRequest} of them and {@link #bytesPerRequest} together unless it is one larger file. The
	 * largest requests come first, so that a large file does not travel alone at the end.
	 */
	List<List<PackageFiles.Entry>> requests(final List<PackageFiles.Entry> files) {
		final Map<String, List<PackageFiles.Entry>> byFolder = new LinkedHashMap<>();
		for (final PackageFiles.Entry e : files) {
			byFolder.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
		}
		final List<List<PackageFiles.Entry>> out = new ArrayList<>();
		for (final List<PackageFiles.Entry> folder : byFolder.values()) {
			List<PackageFiles.Entry> request = new ArrayList<>();
			long bytes = 0;
			for (final PackageFiles.Entry e : folder) {
				if (!request.isEmpty() && (request.size() == filesPerRequest || bytes + e.size > bytesPerRequest)) {
					out.add(request);
					request = new ArrayList<>();
					bytes = 0;
				}
				request.add(e);
				bytes += e.size;
			}
			out.add(request);
		}
		out.sort((a, b) -> Long.compare(bytes(b), bytes(a)));
		return out;
	}

	static long bytes(final List<PackageFiles.Entry> files) {
		long n = 0;
		for (final PackageFiles.Entry e : files) {
			n += e.size;
		}
		return n;
	}
}
