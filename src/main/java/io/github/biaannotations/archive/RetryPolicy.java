package io.github.biaannotations.archive;

import java.time.Duration;

/**
 * Bounded exponential backoff for the idempotent steps of talking to the archive (uploads, listings, status
 * polls): at most {@code attempts} tries, waiting {@code initialDelay}, then twice as long each time, never
 * longer than {@code maxDelay}.
 */
public final class RetryPolicy {

	/** Sleeps between attempts; tests pass one that records the delays instead. */
	public interface Sleeper {

		void sleep(Duration d) throws InterruptedException;
	}

	/** Six tries over about a minute: 1, 2, 4, 8, 16 s. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30),
		d -> Thread.sleep(d.toMillis()));

	private final int attempts;
	private final Duration initialDelay;
	private final Duration maxDelay;
	private final Sleeper sleeper;

	public RetryPolicy(final int attempts, final Duration initialDelay, final Duration maxDelay,
		final Sleeper sleeper)
	{
		if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
		this.attempts = attempts;
		this.initialDelay = initialDelay;
		this.maxDelay = maxDelay;
		this.sleeper = sleeper;
	}

	/** Most tries of one step, the first included. */
	public int attempts() {
		return attempts;
	}

	/** The wait before try number {@code attempt + 1} (attempt counts from 1). */
	public Duration delayAfter(final int attempt) {
		final long ms = initialDelay.toMillis() * (1L << Math.min(30, attempt - 1));
		return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
	}

	void pause(final int attempt) throws ArchiveException {
		try {
			sleeper.sleep(delayAfter(attempt));
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Interrupted while waiting to retry", e);
		}
	}
}
