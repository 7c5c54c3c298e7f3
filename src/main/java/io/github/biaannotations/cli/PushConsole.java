package io.github.biaannotations.cli;

import java.io.PrintWriter;

import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.TransferProgress;

/** Steps on their own lines; progress on one updating line in a terminal, else every 10%. */
final class PushConsole implements PushListener {

	private final PrintWriter err;
	private final boolean terminal;
	private long lastTenth = -1;
	private boolean midLine;

	PushConsole(final PrintWriter err, final boolean terminal) {
		this.err = err;
		this.terminal = terminal;
	}

	@Override
	public synchronized void step(final String message) {
		endLine();
		err.println(message);
		err.flush();
	}

	@Override
	public synchronized void progress(final TransferProgress p) {
		if (terminal) {
			final String file = p.file().length() > 40 ? "..." + p.file().substring(p.file().length() - 37) : p.file();
			err.print("\r" + p + "  " + file + "\u001b[K");
			midLine = true;
			err.flush();
			return;
		}
		final long tenth = p.totalBytes() == 0 ? 10 : p.bytes() * 10 / p.totalBytes();
		if (tenth != lastTenth) {
			lastTenth = tenth;
			err.println(p);
			err.flush();
		}
	}

	@Override
	public synchronized void retrying(final String request, final String reason, final int attempt,
		final long delayMillis)
	{
		endLine();
		err.println("Retrying " + request + " in " + (delayMillis / 1000.0) + " s (try " + (attempt + 1) + "): " +
			reason);
		err.flush();
	}

	private void endLine() {
		if (midLine) err.println();
		midLine = false;
	}
}
