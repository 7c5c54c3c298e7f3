package io.github.biaannotations.archive;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A request body made of a small head, a file read in large chunks, and a small tail, with a known length.
 * Reads only as fast as the HTTP client asks (backpressure), so memory stays at a few chunks whatever the
 * file's size; each subscription reads the file afresh, so a retried request sends it whole again.
 */
final class FileBodyPublisher implements HttpRequest.BodyPublisher {

	private static final int CHUNK = 512 * 1024;
	/** Direct buffers per subscription: file to socket without copies through the Java heap. */
	private static final int POOL = 8;

	private final byte[] head;
	private final Path file;
	private final long fileSize;
	private final byte[] tail;
	private final LongConsumer fileBytesRead;

	FileBodyPublisher(final byte[] head, final Path file, final long fileSize, final byte[] tail,
		final LongConsumer fileBytesRead)
	{
		this.head = head;
		this.file = file;
		this.fileSize = fileSize;
		this.tail = tail;
		this.fileBytesRead = fileBytesRead;
	}

	@Override
	public long contentLength() {
		return head.length + fileSize + tail.length;
	}

	@Override
	public void subscribe(final Flow.Subscriber<? super ByteBuffer> subscriber) {
		final Subscription s = new Subscription(subscriber);
		subscriber.onSubscribe(s);
	}

	private final class Subscription implements Flow.Subscription {

		private final Flow.Subscriber<? super ByteBuffer> subscriber;
		private final AtomicLong demand = new AtomicLong();
		private final AtomicBoolean draining = new AtomicBoolean();
		private volatile boolean done;
		private FileChannel channel;
		/** 0 = head next, 1 = file, 2 = tail next, 3 = complete. */
		private int stage;
		private long read;
		private final ByteBuffer[] pool = new ByteBuffer[POOL];

		Subscription(final Flow.Subscriber<? super ByteBuffer> subscriber) {
			this.subscriber = subscriber;
		}

		@Override
		public void request(final long n) {
			if (done) return;
			if (n <= 0) {
				fail(new IllegalArgumentException("non-positive request: " + n));
				return;
			}
			demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
			drain();
		}

		/** Emits while there is demand; only one thread emits at a time, re-entrant calls just add demand. */
		private void drain() {
			while (!done && demand.get() > 0 && draining.compareAndSet(false, true)) {
				try {
					while (!done && demand.get() > 0) {
						final ByteBuffer next = next();
						if (next == null) {
							done = true;
							close();
							subscriber.onComplete();
							return;
						}
						demand.decrementAndGet();
						subscriber.onNext(next);
					}
				}
				catch (final IOException e) {
					fail(e);
					return;
				}
				finally {
					draining.set(false);
				}
			}
		}

		private ByteBuffer next() throws IOException {
			if (stage == 0) {
				stage = 1;
				channel = FileChannel.open(file, StandardOpenOption.READ);
				return ByteBuffer.wrap(head);
			}
			if (stage == 1) {
				if (read < fileSize) {
					final ByteBuffer buf = buffer((int) Math.min(CHUNK, fileSize - read));
					while (buf.hasRemaining()) {
						if (channel.read(buf) < 0) throw new IOException(file + " became shorter while being sent");
					}
					buf.flip();
					read += buf.remaining();
					fileBytesRead.accept(buf.remaining());
					return buf;
				}
				stage = 2;
			}
			if (stage == 2) {
				stage = 3;
				return ByteBuffer.wrap(tail);
			}
			return null;
		}

		/**
		 * A buffer of {@code size} bytes: a pooled direct buffer that the HTTP client has wholly consumed
		 * (nothing remaining, so it was written out), else a new one; never one still queued for sending.
		 */
		private ByteBuffer buffer(final int size) {
			for (int i = 0; i < POOL; i++) {
				if (pool[i] == null) {
					pool[i] = ByteBuffer.allocateDirect(CHUNK);
					pool[i].limit(size);
					return pool[i];
				}
				if (!pool[i].hasRemaining()) {
					pool[i].clear().limit(size);
					return pool[i];
				}
			}
			return ByteBuffer.allocate(size);
		}

		private void fail(final Throwable e) {
			if (done) return;
			done = true;
			close();
			subscriber.onError(e);
		}

		private void close() {
			if (channel == null) return;
			try {
				channel.close();
			}
			catch (final IOException e) {
				// reading is over anyway
			}
		}

		@Override
		public void cancel() {
			done = true;
			close();
		}
	}
}
