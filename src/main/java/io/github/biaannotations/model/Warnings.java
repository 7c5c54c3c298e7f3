package io.github.biaannotations.model;

import java.util.function.Consumer;

/**
 * The warnings of one piece of work (an export, a batch): every step adds to the same list, each warning goes
 * on to the user at once (the terminal, Fiji's log) and is counted, so that a summary counts them all.
 */
public final class Warnings implements Consumer<String> {

	private final Consumer<String> out;
	private long count;

	/** @param out where each warning goes as it is given */
	public Warnings(final Consumer<String> out) {
		this.out = out;
	}

	@Override
	public synchronized void accept(final String warning) {
		count++;
		out.accept(warning);
	}

	/** The warnings given so far. */
	public synchronized long count() {
		return count;
	}
}
