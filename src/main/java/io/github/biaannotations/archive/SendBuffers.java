package io.github.biaannotations.archive;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers that upload bodies read files into, shared by the requests of a push, so that memory outside the
 * heap stays at a few buffers per request on its way whatever the number of requests: a buffer is given back
 * once its request is over, and kept only when the HTTP client has sent all of it.
 */
final class SendBuffers {

	static final int SIZE = 512 * 1024;

	private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
	private final AtomicInteger kept = new AtomicInteger();
	private final int keep;

	/** A pool that keeps at most {@code keep} buffers for reuse. */
	SendBuffers(final int keep) {
		this.keep = keep;
	}

	/** A cleared buffer of {@link #SIZE} bytes. */
	ByteBuffer take() {
		final ByteBuffer b = free.poll();
		if (b == null) return ByteBuffer.allocateDirect(SIZE);
		kept.decrementAndGet();
		return b.clear();
	}

	/** Gives back a buffer of a request that is over; one with bytes left (the request was cut) is dropped. */
	void give(final ByteBuffer b) {
		if (b.hasRemaining() || !b.isDirect() || b.capacity() != SIZE) return;
		if (kept.incrementAndGet() > keep) {
			kept.decrementAndGet();
			return;
		}
		free.add(b);
	}
}
