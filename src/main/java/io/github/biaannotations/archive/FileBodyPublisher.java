package io.github.biaannotations.archive;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body of small pieces of bytes and of files read in large chunks, with a known length. Reads only as
 * fast as the HTTP client asks (backpressure), so memory stays at a few chunks whatever the files' sizes; each
 * subscription reads the files afresh, so a retried request sends them whole again. Each file with a sha256 to
 * match is hashed as it is read, and a file whose bytes differ fails the body before its last chunk is handed
 * out ({@link PackageFileChanged}): the request never completes, so the archive never stores such a file.
 */
final class FileBodyPublisher implements HttpRequest.BodyPublisher {

	private static final int CHUNK = SendBuffers.SIZE;
	/** Direct buffers per subscription: file to socket without copies through the Java heap. */
	private static final int POOL = 8;

	/** A piece of the body: bytes, or a package file read when sent. */
	static final class Piece {

		final byte[] bytes;
		final PackageFiles.Entry file;

		private Piece(final byte[] bytes, final PackageFiles.Entry file) {
			this.bytes = bytes;
			this.file = file;
		}

		static Piece of(final String text) {
			return new Piece(text.getBytes(StandardCharsets.UTF_8), null);
		}

		static Piece of(final PackageFiles.Entry file) {
			return new Piece(null, file);
		}

		long length() {
			return bytes != null ? bytes.length : file.size;
		}
	}

	private final List<Piece> pieces;
	private final UploadBody.Sent sent;
	private final SendBuffers buffers;
	/** Every buffer taken from {@link #buffers}, and every subscription, until {@link #release}. */
	private final List<ByteBuffer> taken = new ArrayList<>();
	private final List<Subscription> subscriptions = new ArrayList<>();
	private final long length;

	FileBodyPublisher(final List<Piece> pieces, final UploadBody.Sent sent, final SendBuffers buffers) {
		this.pieces = pieces;
		this.sent = sent;
		this.buffers = buffers;
		long n = 0;
		for (final Piece p : pieces) {
			n += p.length();
		}
		this.length = n;
	}

	@Override
	public long contentLength() {
		return length;
	}

	/**
	 * Gives the buffers back once the request is over (answered, or failed for good): every subscription is ended
	 * first, and one still reading a file is waited for, so that no buffer given back is written to again.
	 */
	void release() {
		synchronized (taken) {
			for (final Subscription s : subscriptions) {
				s.end();
			}
			subscriptions.clear();
			for (final ByteBuffer b : taken) {
				buffers.give(b);
			}
			taken.clear();
		}
	}

	@Override
	public void subscribe(final Flow.Subscriber<? super ByteBuffer> subscriber) {
		final Subscription s = new Subscription(subscriber);
		synchronized (taken) {
			subscriptions.add(s);
		}
		subscriber.onSubscribe(s);
	}

	private final class Subscription implements Flow.Subscription {

		private final Flow.Subscriber<? super ByteBuffer> subscriber;
		private final AtomicLong demand = new AtomicLong();
		private final AtomicBoolean draining = new AtomicBoolean();
		private volatile boolean done;
		/** The piece to hand out next. */
		private int index;
		/** The file being read, with how much of it was read and the digest of that. */
		private FileChannel channel;
		private long read;
		private MessageDigest digest;
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

		/** The next buffer of the body, or null at its end. */
		private ByteBuffer next() throws IOException {
			while (index < pieces.size()) {
				final Piece p = pieces.get(index);
				if (p.bytes != null) {
					index++;
					return ByteBuffer.wrap(p.bytes);
				}
				final PackageFiles.Entry f = p.file;
				if (channel == null) open(f);
				if (read < f.size) {
					final ByteBuffer buf = buffer((int) Math.min(CHUNK, f.size - read));
					while (buf.hasRemaining()) {
						if (channel.read(buf) < 0) throw new PackageFileChanged(f.path + " became shorter while being " +
							"sent (" + (read + buf.position()) + " of " + f.size + " bytes). Nothing was submitted; push again " +
							"when nothing writes to the package");
					}
					buf.flip();
					read += buf.remaining();
					if (digest != null) {
						digest.update(buf);
						buf.flip();
					}
					// the file's last bytes go out only when the whole file is what it should be
					if (read == f.size) finish(f);
					sent.bytes(buf.remaining());
					return buf;
				}
				finish(f);
			}
			return null;
		}

		private void open(final PackageFiles.Entry f) throws IOException {
			channel = FileChannel.open(f.file, StandardOpenOption.READ);
			read = 0;
			digest = f.sha256 == null ? null : sha256();
			sent.file(f);
		}

		/** Checks the file read whole and moves on to the next piece. */
		private void finish(final PackageFiles.Entry f) throws IOException {
			close();
			channel = null;
			index++;
			if (digest == null) return;
			final String got = hex(digest.digest());
			digest = null;
			if (!got.equals(f.sha256)) throw new PackageFileChanged(f.path + " changed after it was exported: its " +
				"sha256 differs from the one in the package's manifest. It was not uploaded and nothing was submitted; " +
				"export the package again (or restore the file), then push");
		}

		/**
		 * A buffer of {@code size} bytes: a pooled direct buffer that the HTTP client has wholly consumed
		 * (nothing remaining, so it was written out), else a new one; never one still queued for sending.
		 */
		private ByteBuffer buffer(final int size) {
			for (int i = 0; i < POOL; i++) {
				if (pool[i] == null) {
					pool[i] = buffers.take();
					synchronized (taken) {
						taken.add(pool[i]);
					}
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

		/** Ends the subscription and waits until no thread is reading for it any more. */
		void end() {
			done = true;
			while (draining.get()) {
				Thread.onSpinWait();
			}
			close();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static String hex(final byte[] digest) {
		final char[] out = new char[digest.length * 2];
		final char[] digits = "0123456789abcdef".toCharArray();
		for (int i = 0; i < digest.length; i++) {
			out[2 * i] = digits[(digest[i] >> 4) & 0xf];
			out[2 * i + 1] = digits[digest[i] & 0xf];
		}
		return new String(out);
	}
}
