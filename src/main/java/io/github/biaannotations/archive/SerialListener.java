package io.github.biaannotations.archive;

/**
 * A {@link PushListener} told one thing at a time, as uploads in flight together report from their own threads:
 * every call holds the lock of the listener it passes on to (so two such wrappers of one listener exclude each
 * other too).
 */
final class SerialListener implements PushListener {

	private final PushListener to;

	private SerialListener(final PushListener to) {
		this.to = to;
	}

	/** {@code listener} told one thing at a time; {@link PushListener#NONE} for null. */
	static PushListener of(final PushListener listener) {
		if (listener == null || listener == PushListener.NONE) return PushListener.NONE;
		if (listener instanceof SerialListener) return listener;
		return new SerialListener(listener);
	}

	@Override
	public void step(final String message) {
		synchronized (to) {
			to.step(message);
		}
	}

	@Override
	public void progress(final TransferProgress progress) {
		synchronized (to) {
			to.progress(progress);
		}
	}

	@Override
	public void skipped(final String file, final long size) {
		synchronized (to) {
			to.skipped(file, size);
		}
	}

	@Override
	public void retrying(final String request, final String reason, final int attempt, final long delayMillis) {
		synchronized (to) {
			to.retrying(request, reason, attempt, delayMillis);
		}
	}
}
