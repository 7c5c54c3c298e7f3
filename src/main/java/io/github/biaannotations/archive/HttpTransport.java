package io.github.biaannotations.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * HTTP/1.1 exchanges with the archive over {@link HttpURLConnection}: blocking, on the caller's thread, on kept-alive
 * connections. It costs a command a few milliseconds where {@code java.net.http} costs half a second (its classes,
 * its TLS set-up even for plain HTTP, and a selector thread that holds up the JVM's exit by 300 ms), and a
 * fraction of its CPU per request. A request that must not be sent twice (the submit) or is too large to hold (an
 * upload) is {@linkplain Request#streamed streamed} with its length fixed: the connection never sends it again by
 * itself, as it does with other requests when a kept-alive connection turns out to have been closed (harmless for
 * a sign-in or a listing, a second submission for a submit). A 401 to a streamed request comes without its body.
 * Each exchange has a deadline, after which its connection is closed, also in the middle of sending. Redirects are
 * not followed; proxies are those of the JVM, as before.
 */
final class HttpTransport {

	private static final int CONNECT_MILLIS = 20_000;
	/**
	 * The JDK's HTTP connections log every request's headers, the session token among them, at level FINE: their
	 * logger is held at INFO (and referenced here, so that the setting stays), so that switching all logging on (a
	 * user looking into a problem, a test) never writes a token.
	 */
	private static final Logger WIRE_LOG = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

	static {
		WIRE_LOG.setLevel(Level.INFO);
	}

	/** Closes connections whose exchange is past its deadline; its thread waits in Java, never in native code. */
	private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

	/** What a request sends after its headers. */
	interface Body {

		long length();

		/** Writes exactly {@link #length()} bytes. */
		void writeTo(OutputStream out) throws IOException;
	}

	/** A request: method, path relative to the base, headers, body (null for none) and deadline. */
	static final class Request {

		final String method;
		final String path;
		final Map<String, String> headers = new LinkedHashMap<>();
		Body body;
		Duration timeout;
		/** Whether the body is streamed, so that the connection never sends the request again by itself. */
		boolean streamed;

		Request(final String method, final String path, final Duration timeout) {
			this.method = method;
			this.path = path;
			this.timeout = timeout;
		}

		Request header(final String name, final String value) {
			headers.put(name, value);
			return this;
		}

		/** Streams the body: the request is never sent again by the connection itself. */
		Request streamed() {
			streamed = true;
			return this;
		}

		/** A small body sent as it is. */
		Request body(final String contentType, final byte[] bytes) {
			headers.put("Content-Type", contentType);
			this.body = new Body() {

				@Override
				public long length() {
					return bytes.length;
				}

				@Override
				public void writeTo(final OutputStream out) throws IOException {
					out.write(bytes);
				}
			};
			return this;
		}
	}

	/** An answer: its status and body. */
	static final class Response {

		final int status;
		final byte[] body;

		Response(final int status, final byte[] body) {
			this.status = status;
			this.body = body;
		}
	}

	/** The connection could not even be opened: nothing reached the server. */
	static final class NotConnected extends ConnectException {

		private static final long serialVersionUID = 1L;
		final boolean timedOut;

		NotConnected(final IOException cause) {
			super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
			this.timedOut = cause instanceof SocketTimeoutException;
			initCause(cause);
		}
	}

	private final URI base;
	private final SSLContext tls;

	/** Exchanges with the archive at {@code base}, verifying certificates with {@code tls} (null: the JDK's trust). */
	HttpTransport(final URI base, final SSLContext tls) {
		this.base = base;
		this.tls = tls;
	}

	/**
	 * Sends {@code r} and reads the whole answer.
	 *
	 * @throws NotConnected when the connection could not be opened
	 * @throws SSLException when no verified TLS connection could be made
	 * @throws IOException when the exchange failed after the connection was opened, or was past its deadline
	 */
	Response send(final Request r) throws IOException, InterruptedException {
		if (Thread.interrupted()) throw new InterruptedException();
		final HttpURLConnection c = (HttpURLConnection) base.resolve(r.path).toURL().openConnection();
		if (tls != null && c instanceof HttpsURLConnection) ((HttpsURLConnection) c).setSSLSocketFactory(tls
			.getSocketFactory());
		c.setInstanceFollowRedirects(false);
		c.setUseCaches(false);
		c.setConnectTimeout(CONNECT_MILLIS);
		c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, r.timeout.toMillis()));
		c.setRequestMethod(r.method);
		for (final Map.Entry<String, String> h : r.headers.entrySet()) {
			c.setRequestProperty(h.getKey(), h.getValue());
		}
		if (r.body != null) {
			c.setDoOutput(true);
			if (r.streamed) c.setFixedLengthStreamingMode(r.body.length());
		}
		final AtomicBoolean expired = new AtomicBoolean();
		final ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
			expired.set(true);
			c.disconnect();
		}, r.timeout.toMillis(), TimeUnit.MILLISECONDS);
		try {
			try {
				c.connect();
			}
			catch (final SSLException e) {
				throw e;
			}
			catch (final IOException e) {
				throw new NotConnected(e);
			}
			if (r.body != null) {
				try (OutputStream out = c.getOutputStream()) {
					r.body.writeTo(out);
				}
			}
			final int status;
			try {
				status = c.getResponseCode();
			}
			catch (final HttpRetryException e) {
				// a 401 with an authentication challenge to a streamed request: the status, without the body
				return new Response(e.responseCode(), new byte[0]);
			}
			return new Response(status, read(status >= 400 ? c.getErrorStream() : c.getInputStream()));
		}
		catch (final IOException | RuntimeException e) {
			c.disconnect(); // a request that failed midway must never complete
			if (expired.get() && !(e instanceof PackageFileChanged)) throw new SocketTimeoutException(r.method + " " + r
				.path + " had no answer within " + r.timeout.getSeconds() + " s");
			throw e;
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static byte[] read(final InputStream in) throws IOException {
		if (in == null) return new byte[0];
		try (InputStream body = in) {
			return body.readAllBytes();
		}
	}

	private static ScheduledThreadPoolExecutor deadlines() {
		final ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
			final Thread t = new Thread(r, "bia-archive-deadlines");
			t.setDaemon(true);
			return t;
		});
		e.setRemoveOnCancelPolicy(true);
		return e;
	}
}
