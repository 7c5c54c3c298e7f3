package io.github.biaannotations.fiji;

import org.scijava.app.StatusService;

import io.github.biaannotations.model.Progress;

/**
 * The core's {@link Progress} shown on Fiji's status bar through SciJava's {@link StatusService}. Without a
 * status service (a bare context) it does nothing.
 */
public final class StatusProgress implements Progress {

	private final StatusService status;

	public StatusProgress(final StatusService status) {
		this.status = status;
	}

	@Override
	public void update(final String stage, final long done, final long total) {
		if (status == null) return;
		if (total <= 0) {
			status.showStatus(stage);
			return;
		}
		// the status bar takes ints: scale to per mille when the counts are larger
		final boolean big = total > Integer.MAX_VALUE;
		final int max = big ? 1000 : (int) total;
		final int value = big ? (int) (1000.0 * done / total) : (int) Math.min(done, total);
		status.showStatus(value, max, stage);
	}

	/** Clears the status bar at the end of the work. */
	public void done() {
		if (status != null) status.clearStatus();
	}
}
