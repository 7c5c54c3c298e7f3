package io.github.biaannotations.archive;

/**
 * Where an upload stands: the file sent last (several may be on their way at once), bytes sent of it and of the
 * whole push, files done, the transfer rate and the estimated time left. Immutable.
 */
public final class TransferProgress {

	private final String file;
	private final long fileBytes;
	private final long fileSize;
	private final long bytes;
	private final long totalBytes;
	private final double bytesPerSecond;
	private final int files;
	private final int totalFiles;

	public TransferProgress(final String file, final long fileBytes, final long fileSize, final long bytes,
		final long totalBytes, final int files, final int totalFiles, final double bytesPerSecond)
	{
		this.file = file;
		this.fileBytes = fileBytes;
		this.fileSize = fileSize;
		this.bytes = bytes;
		this.totalBytes = totalBytes;
		this.files = files;
		this.totalFiles = totalFiles;
		this.bytesPerSecond = bytesPerSecond;
	}

	/** The package-relative path of the file being sent (the one started last). */
	public String file() {
		return file;
	}

	public long fileBytes() {
		return fileBytes;
	}

	public long fileSize() {
		return fileSize;
	}

	/** Bytes of the push done so far (files skipped as already uploaded count as done). */
	public long bytes() {
		return bytes;
	}

	/** Bytes of the whole package. */
	public long totalBytes() {
		return totalBytes;
	}

	/** Files of the push done so far: the archive has them (files skipped as already uploaded count as done). */
	public int files() {
		return files;
	}

	/** Files of the whole package. */
	public int totalFiles() {
		return totalFiles;
	}

	/** Upload rate since the push started, bytes per second; 0 while too early to tell. */
	public double bytesPerSecond() {
		return bytesPerSecond;
	}

	/** Estimated seconds left at the current rate, or -1 when unknown. */
	public long secondsLeft() {
		if (bytesPerSecond <= 0) return -1;
		return (long) Math.ceil((totalBytes - bytes) / bytesPerSecond);
	}

	/** One line for humans: {@code 12.0 MB / 100.0 MB (12%), 40 / 331 files at 5.0 MB/s, 18 s left}. */
	@Override
	public String toString() {
		final long pct = totalBytes == 0 ? 100 : bytes * 100 / totalBytes;
		final long left = secondsLeft();
		return size(bytes) + " / " + size(totalBytes) + " (" + pct + "%), " + files + " / " + totalFiles + " files" +
			(bytesPerSecond <= 0 ? "" : " at " + size((long) bytesPerSecond) + "/s") + (left < 0 ? "" : ", " + duration(
				left) + " left");
	}

	static String size(final long b) {
		if (b < 1000) return b + " B";
		if (b < 1000_000) return String.format("%.1f kB", b / 1e3);
		if (b < 1000_000_000) return String.format("%.1f MB", b / 1e6);
		return String.format("%.2f GB", b / 1e9);
	}

	static String duration(final long s) {
		if (s < 60) return s + " s";
		if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
		return (s / 3600) + " h " + (s % 3600 / 60) + " min";
	}
}
