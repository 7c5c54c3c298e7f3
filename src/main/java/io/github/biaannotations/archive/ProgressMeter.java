package io.github.biaannotations.archive;

import java.util.List;

/**
 * Turns what upload requests read of their files into {@link TransferProgress} reports, at most every 100 ms and
 * when a request is done. Several requests may be on their way at once, each reporting from its own thread
 * through its {@link Request}: the bytes of a request count as sent as they are read, and are taken back when
 * the request is sent again; its files count as done when the archive has answered it.
 */
final class ProgressMeter {

	private static final long EVERY_NANOS = 100_000_000L;

	private final long totalBytes;
	private final int totalFiles;
	private final PushListener listener;
	private final long startNanos = System.nanoTime();
	/** Bytes and files the archive has (uploaded by this push or skipped). */
	private long doneBytes;
	private int doneFiles;
	/** Bytes read for requests on their way, and how many of them this push sent (for the rate). */
	private long pendingBytes;
	private long sentThisPush;
	/** The file started last, and how much of it was read. */
	private String file;
	private long fileSize;
	private long fileBytes;
	private long lastReport;

	ProgressMeter(final long totalBytes, final int totalFiles, final PushListener listener) {
		this.totalBytes = totalBytes;
		this.totalFiles = totalFiles;
		this.listener = listener;
	}

	/** A file counted as done without sending it. */
	synchronized void skip(final long size) {
		doneBytes += size;
		doneFiles++;
	}

	/** The progress of one upload request with {@code files}. */
	Request request(final List<PackageFiles.Entry> files) {
		return new Request(files);
	}

	/** One upload request's share of the progress. */
	final class Request implements UploadBody.Sent {

		private final List<PackageFiles.Entry> files;
		private long read;
		private PackageFiles.Entry current;

		private Request(final List<PackageFiles.Entry> files) {
			this.files = files;
		}

		/** The request is sent (again): bytes read for an earlier try no longer count. */
		void restart() {
			synchronized (ProgressMeter.this) {
				pendingBytes -= read;
				sentThisPush -= read;
				read = 0;
			}
		}

		@Override
		public void file(final PackageFiles.Entry f) {
			synchronized (ProgressMeter.this) {
				current = f;
				file = f.path;
				fileSize = f.size;
				fileBytes = 0;
			}
		}

		@Override
		public void bytes(final long n) {
			synchronized (ProgressMeter.this) {
				read += n;
				pendingBytes += n;
				sentThisPush += n;
				if (current != null && current.path.equals(file)) fileBytes += n;
				final long now = System.nanoTime();
				if (now - lastReport >= EVERY_NANOS) {
					lastReport = now;
					report(now);
				}
			}
		}

		/** The archive has the request's files. */
		void done() {
			synchronized (ProgressMeter.this) {
				long size = 0;
				for (final PackageFiles.Entry f : files) {
					size += f.size;
				}
				pendingBytes -= read;
				sentThisPush += size - read;
				read = 0;
				doneBytes += size;
				doneFiles += files.size();
				if (current != null && current.path.equals(file)) fileBytes = fileSize;
				lastReport = System.nanoTime();
				report(lastReport);
			}
		}
	}

	private void report(final long now) {
		final double seconds = (now - startNanos) / 1e9;
		// Too early for a meaningful rate (and time left): report it as unknown.
		final double rate = seconds > 0 && (seconds >= 1 || sentThisPush >= 1 << 20) ? sentThisPush / seconds : 0;
		listener.progress(new TransferProgress(file, fileBytes, fileSize, doneBytes + pendingBytes, totalBytes,
			doneFiles, totalFiles, rate));
	}
}
