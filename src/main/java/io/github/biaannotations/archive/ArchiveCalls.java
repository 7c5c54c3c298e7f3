package io.github.biaannotations.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.model.Errors;

/**
 * The one place where the client's requests are sent. Idempotent requests are retried with bounded exponential
 * backoff on connection faults and 5xx answers; a session the archive no longer accepts (401 here, 500 from the
 * real archive, which also answers its profile with 500 then) leads to one new sign-in and one more try; a refused
 * sign-in is never retried; the archive's error body becomes the {@link ArchiveException}'s message. Several
 * requests may be sent at once from different threads: a session that several of them find refused is renewed
 * once. The session token never appears in messages or exceptions.
 */
final class ArchiveCalls {

	static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
	/** How long a session found valid is taken to stay so for requests failing at the same time. */
	private static final long VALID_FOR_MILLIS = 2000;
	private static final String PLAIN_HTTP_HINT = ". If the server there speaks plain HTTP (a local archive started " +
		"without a key store), use http://";

	/** Builds a request with the session token of the moment. */
	interface RequestFactory {

		HttpTransport.Request build(String token);
	}

	/** Signs in, setting {@link #token}. */
	interface SignIn {

		void signIn() throws ArchiveException;
	}

	private final URI base;
	private final String login;
	private final HttpTransport http;
	private final RetryPolicy retry;
	private final PushListener listener;
	private final ObjectMapper json;
	private final SignIn signIn;
	private final Object renewal = new Object();
	/** The session last found valid after a 5xx answer, and when (System.nanoTime). */
	private String validToken;
	private long validAt;
	/** The session token; null when not signed in. */
	volatile String token;

	ArchiveCalls(final URI base, final String login, final HttpTransport http, final RetryPolicy retry,
		final PushListener listener, final ObjectMapper json, final SignIn signIn)
	{
		this.base = base;
		this.login = login;
		this.http = http;
		this.retry = retry;
		this.listener = listener;
		this.json = json;
		this.signIn = signIn;
	}

	/** A request with the session token {@code t}. */
	HttpTransport.Request authorized(final String method, final String path, final String t) {
		return new HttpTransport.Request(method, path, CALL_TIMEOUT).header("X-Session-Token", t == null ? "" : t);
	}

	/**
	 * Sends a request, retrying as its kind allows. With {@code orNull}, an answer that the thing asked for does
	 * not exist gives null instead of an exception.
	 *
	 * @param signingIn whether this is the sign-in itself (never renewed, a 401 is a refused password)
	 */
	JsonNode call(final String what, final boolean idempotent, final boolean signingIn, final boolean orNull,
		final RequestFactory factory) throws ArchiveException
	{
		if (!signingIn && token == null) {
			synchronized (renewal) {
				if (token == null) signIn.signIn();
			}
		}
		boolean signedInAgain = false, sessionChecked = false;
		int attempt = 1;
		while (true) {
			final String used = token;
			final HttpTransport.Response r;
			try {
				r = http.send(factory.build(used));
			}
			catch (final SSLException e) {
				// An unverifiable certificate does not get better by trying again.
				// a server that speaks plain HTTP answers the handshake with something that is no TLS record
				final String plain = String.valueOf(e.getMessage()).contains("Unsupported or unrecognized SSL message")
					? PLAIN_HTTP_HINT : "";
				throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Cannot establish a verified HTTPS " +
					"connection to " + base + " (" + what + "): " + describe(e) + ". Certificates are always verified;" +
					" for a private certificate, add it to a trust store (-Djavax.net.ssl.trustStore=...)" + plain, what, 0,
					null, null, e);
			}
			catch (final IOException e) {
				// A file of the request that is not what it should be: sending it again does not help.
				final PackageFileChanged changed = PackageFileChanged.in(e);
				if (changed != null) throw new ArchiveException(ArchiveException.Kind.USAGE, changed.getMessage(), changed);
				// Nothing reached the server when the connection could not even be opened.
				final boolean notSent = e instanceof HttpTransport.NotConnected;
				if ((idempotent || notSent || signingIn) && attempt < retry.attempts()) {
					backoff(what, describe(e), attempt++);
					continue;
				}
				final ArchiveException.Kind kind = idempotent || notSent || signingIn ? ArchiveException.Kind.CONNECTION
					: ArchiveException.Kind.UNKNOWN_OUTCOME;
				throw new ArchiveException(kind, (notSent ? "Cannot reach the archive at " + base : "The connection to " +
					base + " failed") + " (" + what + ", " + attempt + (attempt == 1 ? " try" : " tries") + "): " +
					describe(e) + httpsHint(e), what, 0, null, null, e);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ArchiveException(ArchiveException.Kind.CONNECTION, "Interrupted during " + what, e);
			}
			final int status = r.status;
			if (status >= 200 && status < 300) return parse(r.body, what);
			if (orNull && notFound(r)) return null;
			if (signingIn && status == 401) throw failure(ArchiveException.Kind.AUTHENTICATION, "The archive at " + base +
				" refused the sign-in of '" + login + "'", what, r);
			if (status == 401 && !signingIn) {
				if (signedInAgain) throw failure(ArchiveException.Kind.AUTHENTICATION, "The archive refused the session" +
					" again right after signing in", what, r);
				signedInAgain = true;
				renew(used, true);
				continue;
			}
			// The real archive answers a token it no longer accepts with 500, on every endpoint (its profile too):
			// look at the session once per request, and sign in again once.
			if (status >= 500 && !signingIn && !signedInAgain && !sessionChecked) {
				sessionChecked = true;
				if (!sessionStillValid(used) && renew(used, false)) {
					signedInAgain = true;
					// a request refused at the door was not acted on; one that must not be sent twice goes again only
					// when the new session is accepted, i.e. when the old one was the reason
					if (idempotent || sessionValid(token)) continue;
				}
			}
			if (status >= 500 && idempotent && attempt < retry.attempts()) {
				backoff(what, "HTTP " + status, attempt++);
				continue;
			}
			throw failure(status >= 500 ? ArchiveException.Kind.SERVER : ArchiveException.Kind.REJECTED, "The archive" +
				" answered " + what + " with HTTP " + status, what, r);
		}
	}

	/**
	 * Signs in again after the archive refused the session {@code used}, unless another request already did
	 * since; false when the archive cannot sign in now and {@code always} is not set.
	 */
	private boolean renew(final String used, final boolean always) throws ArchiveException {
		synchronized (renewal) {
			if (!Objects.equals(token, used) && token != null) return true; // renewed by another request meanwhile
			listener.step("Session expired: signing in again");
			try {
				signIn.signIn();
				return true;
			}
			catch (final ArchiveException e) {
				if (always || e.kind() == ArchiveException.Kind.AUTHENTICATION) throw e;
				return false; // the archive is failing for everyone: the request is retried as any other failure
			}
		}
	}

	/**
	 * Whether the session {@code used} is still accepted, after a 5xx answer to a request sent with it: false
	 * when another request has renewed it since. Requests failing together look at it once: a session found valid
	 * less than {@link #VALID_FOR_MILLIS} ago is not asked about again.
	 */
	private boolean sessionStillValid(final String used) {
		synchronized (renewal) {
			if (!Objects.equals(token, used)) return false;
			final long now = System.nanoTime();
			if (used != null && used.equals(validToken) && now - validAt < VALID_FOR_MILLIS * 1_000_000L) return true;
			final boolean valid = sessionValid(used);
			if (valid) {
				validToken = used;
				validAt = now;
			}
			return valid;
		}
	}

	/** Whether an answer says that the thing asked for does not exist (404, or the real archive's 500 for it). */
	private boolean notFound(final HttpTransport.Response r) {
		if (r.status == 404) return true;
		if (r.status < 500) return false;
		try {
			final JsonNode body = json.readTree(r.body);
			return body != null && body.path("log").path("message").asText("").contains("was not found");
		}
		catch (final IOException | RuntimeException e) {
			return false;
		}
	}

	private void backoff(final String what, final String reason, final int attempt) throws ArchiveException {
		listener.retrying(what, reason, attempt, retry.delayAfter(attempt).toMillis());
		retry.pause(attempt);
	}

	/**
	 * Whether the archive still accepts the session {@code t}: its profile answers. 401, 403 and 5xx say no (the
	 * real archive answers 500 for a token it does not know); true when that cannot be told (no answer, no such
	 * endpoint).
	 */
	private boolean sessionValid(final String t) {
		try {
			final HttpTransport.Request profile = authorized("GET", "auth/profile", t);
			profile.timeout = Duration.ofSeconds(30);
			final int status = http.send(profile).status;
			return !(status == 401 || status == 403 || status >= 500);
		}
		catch (final IOException e) {
			return true;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private JsonNode parse(final byte[] body, final String what) throws ArchiveException {
		if (body.length == 0) return json.createObjectNode();
		try {
			return json.readTree(body);
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.SERVER, "The archive answered " + what +
				" with something that is not JSON", what, 200, null, null, e);
		}
	}

	/** An exception carrying the server's own message and detail lines from its error body. */
	private ArchiveException failure(final ArchiveException.Kind kind, final String message, final String what,
		final HttpTransport.Response r)
	{
		String serverMessage = null;
		boolean fromArchive = false;
		final List<String> details = new ArrayList<>();
		try {
			final JsonNode body = json.readTree(r.body);
			if (body != null && body.has("log")) {
				serverMessage = body.path("log").path("message").asText(null);
				collect(body.path("log").path("subnodes"), details);
				fromArchive = true;
			}
			else if (body != null && body.has("message")) {
				serverMessage = body.path("message").asText(null);
				// the servlet container's own error page ({"timestamp","status","error","path",...}) is not the archive's
				fromArchive = !body.has("path");
			}
		}
		catch (final IOException | RuntimeException e) {
			final String text = new String(r.body, StandardCharsets.UTF_8).trim();
			if (!text.isEmpty()) serverMessage = text.length() > 300 ? text.substring(0, 300) + "..." : text;
		}
		final StringBuilder m = new StringBuilder(message);
		if (serverMessage != null) m.append(": ").append(serverMessage);
		for (final String d : details) {
			m.append("\n  - ").append(d);
		}
		return new ArchiveException(kind, m.toString(), what, r.status, serverMessage, details, fromArchive, null);
	}

	private static void collect(final JsonNode subnodes, final List<String> out) {
		for (final JsonNode n : subnodes) {
			if (n.hasNonNull("message")) out.add(n.get("message").asText());
			collect(n.path("subnodes"), out);
		}
	}

	private static String describe(final IOException e) {
		return Errors.oneLine(e);
	}

	/**
	 * An https:// address whose server speaks plain HTTP may never finish the TLS handshake: the connection times
	 * out as if nobody answered. Say what may be wrong.
	 */
	private String httpsHint(final IOException e) {
		return e instanceof HttpTransport.NotConnected && ((HttpTransport.NotConnected) e).timedOut && "https"
			.equalsIgnoreCase(base.getScheme()) ? PLAIN_HTTP_HINT : "";
	}
}
