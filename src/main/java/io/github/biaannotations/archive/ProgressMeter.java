package io.github.biaannotations.archive;

/** Turns byte counts of uploads into {@link TransferProgress} reports, at most every 100 ms. */
final class ProgressMeter {

	private static final long EVERY_NANOS = 100_000_000L;

	private final long total;
	private final PushListener listener;
	private final long startNanos = System.nanoTime();
	private long done;
	private long sentThisPush;
	private String file;
	private long fileSize;
	private long fileBytes;
	private long lastReport;

	ProgressMeter(final long total, final PushListener listener) {
		this.total = total;
		this.listener = listener;
	}

	/** A file counted as done without sending it. */
	synchronized void skip(final long size) {
		done += size;
	}

	synchronized void start(final String path, final long size) {
		file = path;
		fileSize = size;
		fileBytes = 0;
	}

	/** The upload of the current file starts (again): bytes of a failed try no longer count. */
	synchronized void restart() {
		sentThisPush -= fileBytes;
		fileBytes = 0;
	}

	synchronized void add(final long n) {
		fileBytes += n;
		sentThisPush += n;
		final long now = System.nanoTime();
		if (now - lastReport >= EVERY_NANOS) {
			lastReport = now;
			report(now);
		}
	}

	synchronized void finish() {
		fileBytes = fileSize;
		report(System.nanoTime());
		done += fileSize;
		fileBytes = 0;
	}

	private void report(final long now) {
		final double seconds = (now - startNanos) / 1e9;
		// Too early for a meaningful rate (and time left): report it as unknown.
		final double rate = seconds > 0 && (seconds >= 1 || sentThisPush >= 1 << 20) ? sentThisPush / seconds : 0;
		listener.progress(new TransferProgress(file, fileBytes, fileSize, done + fileBytes, total, rate));
	}
}
