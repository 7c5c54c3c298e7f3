package io.github.biaannotations.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A failure talking to the archive, with what the caller needs to report it: which request failed, the
 * HTTP status (0 when no answer came), the server's own message and its detail lines ({@code log.message}
 * and {@code subnodes}), and the {@link Kind} of failure. Never carries a password or session token.
 */
public class ArchiveException extends IOException {

	private static final long serialVersionUID = 1L;

	/** What went wrong, for callers that react differently (retry, ask for a password again, ...). */
	public enum Kind {
		/** The archive could not be reached, or the connection broke before an answer. */
		CONNECTION,
		/** The login or password was refused. */
		AUTHENTICATION,
		/** The archive answered with a 4xx error (bad request, forbidden, not found). */
		REJECTED,
		/** The archive answered with a 5xx error. */
		SERVER,
		/** A submit was sent but whether the archive received it could not be learned. */
		UNKNOWN_OUTCOME,
		/** The URL or the package is not usable (insecure URL, missing submission.json, ...). */
		USAGE
	}

	private final Kind kind;
	private final int status;
	private final String request;
	private final String serverMessage;
	private final List<String> details;
	private final boolean fromArchive;

	public ArchiveException(final Kind kind, final String message, final String request, final int status,
		final String serverMessage, final List<String> details, final Throwable cause)
	{
		this(kind, message, request, status, serverMessage, details, false, cause);
	}

	/**
	 * @param fromArchive whether the answer carried the archive's own error body ({@code {"status":"FAIL","log":...}}
	 *          or {@code {"message":...}}) rather than, say, a proxy's error page
	 */
	public ArchiveException(final Kind kind, final String message, final String request, final int status,
		final String serverMessage, final List<String> details, final boolean fromArchive, final Throwable cause)
	{
		super(message, cause);
		this.fromArchive = fromArchive;
		this.kind = kind;
		this.status = status;
		this.request = request;
		this.serverMessage = serverMessage;
		this.details = details == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(
			details));
	}

	/** A failure without a server answer. */
	public ArchiveException(final Kind kind, final String message, final Throwable cause) {
		this(kind, message, null, 0, null, null, cause);
	}

	public Kind kind() {
		return kind;
	}

	/** The HTTP status of the answer, or 0 when there was none. */
	public int status() {
		return status;
	}

	/** The request that failed, e.g. {@code POST /files/user/upload (annotations/a.geojson)}; may be null. */
	public String request() {
		return request;
	}

	/** The server's {@code log.message} (or {@code message}), or null. */
	public String serverMessage() {
		return serverMessage;
	}

	/**
	 * Whether the archive itself answered with its JSON error body: its refusal is definite. A 5xx without it
	 * (a gateway's page, an empty body) may have come from a proxy after the archive had done the work.
	 */
	public boolean fromArchive() {
		return fromArchive;
	}

	/** The server's detail lines ({@code subnodes} messages, or request errors). */
	public List<String> details() {
		return details;
	}
}
