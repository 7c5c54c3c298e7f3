package io.github.biaannotations.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on loopback between a client and the local archive that can break the network the way it
 * breaks in real life: cut a connection in the middle of an upload, or drop the answer to a request the
 * server has already handled.
 */
final class FlakyProxy implements AutoCloseable {

	private final ServerSocket listener;
	private final int backendPort;
	/** Bytes of an upload to let through before cutting; -1 when disarmed. */
	private final AtomicLong cutUploadAfter = new AtomicLong(-1);
	/** Request line prefix whose answer is dropped; null when disarmed. */
	private final AtomicReference<String> loseAnswerTo = new AtomicReference<>();
	private final AtomicInteger cuts = new AtomicInteger();
	private volatile boolean closed;

	FlakyProxy(final int backendPort) throws IOException {
		this.backendPort = backendPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		final Thread t = new Thread(this::acceptLoop, "flaky-proxy");
		t.setDaemon(true);
		t.start();
	}

	int port() {
		return listener.getLocalPort();
	}

	String url() {
		return "http://127.0.0.1:" + port() + "/";
	}

	/** The next upload request longer than {@code bytes} is cut after {@code bytes} bytes of it have passed. */
	void cutNextUploadAfter(final long bytes) {
		cutUploadAfter.set(bytes);
	}

	/** The answer to the next request starting with {@code requestLine} never reaches the client. */
	void loseNextAnswerTo(final String requestLine) {
		loseAnswerTo.set(requestLine);
	}

	/** Connections cut so far. */
	int cuts() {
		return cuts.get();
	}

	private void acceptLoop() {
		while (!closed) {
			try {
				final Socket client = listener.accept();
				final Socket server = new Socket();
				server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort));
				final Connection c = new Connection(client, server);
				start(() -> c.pump(true));
				start(() -> c.pump(false));
			}
			catch (final IOException e) {
				if (closed) return;
			}
		}
	}

	private static void start(final Runnable r) {
		final Thread t = new Thread(r, "flaky-proxy-pump");
		t.setDaemon(true);
		t.start();
	}

	private final class Connection {

		final Socket client;
		final Socket server;
		volatile long cutAt = -1;
		volatile long upstream;
		volatile boolean dropAnswer;

		Connection(final Socket client, final Socket server) {
			this.client = client;
			this.server = server;
		}

		void pump(final boolean up) {
			final byte[] buf = new byte[65536];
			try (InputStream in = (up ? client : server).getInputStream();
				OutputStream out = (up ? server : client).getOutputStream())
			{
				int n;
				while ((n = in.read(buf)) >= 0) {
					if (up) {
						final String head = new String(buf, 0, Math.min(n, 64), StandardCharsets.ISO_8859_1);
						final long armed = cutUploadAfter.get();
						if (armed >= 0 && head.startsWith("POST /files/user/upload") && contentLength(buf, n) > armed &&
							cutUploadAfter.compareAndSet(armed, -1)) cutAt = upstream + armed;
						final String lose = loseAnswerTo.get();
						if (lose != null && head.startsWith(lose) && loseAnswerTo.compareAndSet(lose, null)) {
							dropAnswer = true;
						}
						if (cutAt >= 0 && upstream + n > cutAt) {
							final int part = (int) (cutAt - upstream);
							out.write(buf, 0, part);
							out.flush();
							cut();
							return;
						}
						upstream += n;
					}
					else if (dropAnswer) {
						cut();
						return;
					}
					out.write(buf, 0, n);
					out.flush();
				}
			}
			catch (final IOException e) {
				// one side closed
			}
			finally {
				closeQuietly(client);
				closeQuietly(server);
			}
		}

		void cut() {
			cuts.incrementAndGet();
			try {
				client.setSoLinger(true, 0); // reset, as a dropped network link looks to the client
			}
			catch (final IOException e) {
				// closing anyway
			}
			closeQuietly(client);
			closeQuietly(server);
		}
	}

	/** The Content-Length of a request whose head starts {@code buf}; -1 when it is not there. */
	private static long contentLength(final byte[] buf, final int n) {
		final String head = new String(buf, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
		final int end = head.indexOf("\r\n\r\n");
		final int at = head.indexOf("\r\ncontent-length:");
		if (at < 0 || (end >= 0 && at > end)) return -1;
		final int eol = head.indexOf("\r\n", at + 2);
		return Long.parseLong(head.substring(at + 17, eol < 0 ? head.length() : eol).trim());
	}

	private static void closeQuietly(final Socket s) {
		try {
			s.close();
		}
		catch (final IOException e) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		closed = true;
		listener.close();
	}
}
