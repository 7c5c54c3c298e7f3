package io.github.biaannotations.archive;

/**
 * Follows a push: steps as short messages, upload progress, and files skipped because the archive already
 * has them. Every method has a no-op default; {@link #NONE} ignores everything. Messages never contain a
 * password or session token.
 */
public interface PushListener {

	/** A listener that ignores everything. */
	PushListener NONE = new PushListener() {};

	/** A step of the push, e.g. "Signed in as alice" or "Submission S-BIAD12: FILES_VALIDATED". */
	default void step(final String message) {}

	/** Upload progress; called often (at most every 100 ms per file, and at the end of each file). */
	default void progress(final TransferProgress progress) {}

	/** A file was not sent because the archive has a file of the same path and size. */
	default void skipped(final String file, final long size) {}

	/** A step failed and will be tried again after {@code delayMillis}. */
	default void retrying(final String request, final String reason, final int attempt, final long delayMillis) {}
}
