package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a {@code multipart/form-data} body part by part without holding a part in memory: each part's
 * content is an {@link InputStream} that ends at the next boundary. Used by the local archive for uploads
 * of any size.
 */
final class MultipartStreamParser {

	private static final int BUFFER = 256 * 1024;
	private static final int MAX_HEADER_BYTES = 16 * 1024;
	private static final int MAX_BOUNDARY = 1000;

	private final InputStream in;
	/** CRLF + "--" + boundary: what ends every part. */
	private final byte[] delimiter;
	/** How far the search may move on when a byte ends the window it looks at (Horspool's table). */
	private final int[] skip = new int[256];
	private final byte[] buf = new byte[BUFFER];
	private int pos;
	private int limit;
	private boolean eof;
	private boolean finished;
	private PartStream current = new PartStream();
	private String name;
	private String filename;

	/** A parser over {@code in}; the first boundary may follow a preamble. */
	MultipartStreamParser(final InputStream in, final String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		java.util.Arrays.fill(skip, delimiter.length);
		for (int k = 0; k < delimiter.length - 1; k++) {
			skip[delimiter[k] & 0xff] = delimiter.length - 1 - k;
		}
		// Pretend the body starts with CRLF so that the first boundary looks like every other one.
		buf[0] = '\r';
		buf[1] = '\n';
		limit = 2;
	}

	/** A body that is not well-formed multipart: the client's fault, answered with 400. */
	static final class MalformedException extends IOException {

		private static final long serialVersionUID = 1L;

		MalformedException(final String message) {
			super(message);
		}
	}

	/** The boundary of a {@code Content-Type} header value, or null when there is none. */
	static String boundaryOf(final String contentType) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) return null;
		for (final String param : contentType.split(";")) {
			final String p = param.trim();
			if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				String b = p.substring(9).trim();
				if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) b = b.substring(1, b.length() - 1);
				// RFC 2046 allows 70 characters; far longer ones could not be found in the read buffer
				return b.isEmpty() || b.length() > MAX_BOUNDARY ? null : b;
			}
		}
		return null;
	}

	/**
	 * Moves to the next part, skipping what is left of the current one.
	 *
	 * @return false at the end of the body
	 * @throws IOException when the body is cut short or malformed
	 */
	boolean next() throws IOException {
		if (finished) return false;
		// Drain what is left of the current part (or of the preamble before the first boundary).
		final byte[] skip = new byte[8192];
		while (current.read(skip) >= 0) {
			// discard
		}
		// After a delimiter: "--" ends the body, CRLF starts a part.
		fill(2);
		if (limit - pos < 2) throw new MalformedException("multipart body ends without its closing boundary");
		if (buf[pos] == '-' && buf[pos + 1] == '-') {
			finished = true;
			return false;
		}
		skipLinearWhiteSpaceAndCrlf();
		readHeaders();
		current = new PartStream();
		return true;
	}

	/** The form field name of the current part. */
	String name() {
		return name;
	}

	/** The file name of the current part, or null when it is a plain field. */
	String filename() {
		return filename;
	}

	/** The content of the current part, ending at the next boundary. */
	InputStream body() {
		return current;
	}

	private void skipLinearWhiteSpaceAndCrlf() throws IOException {
		while (true) {
			fill(1);
			if (limit - pos < 1) throw new MalformedException("multipart body ends inside a boundary line");
			final byte b = buf[pos++];
			if (b == '\n') return;
		}
	}

	private void readHeaders() throws IOException {
		name = null;
		filename = null;
		final StringBuilder line = new StringBuilder();
		int total = 0;
		while (true) {
			fill(1);
			if (limit - pos < 1) throw new MalformedException("multipart body ends inside part headers");
			final char c = (char) (buf[pos++] & 0xff);
			if (++total > MAX_HEADER_BYTES) throw new MalformedException("multipart part headers are too long");
			if (c == '\n') {
				int len = line.length();
				if (len > 0 && line.charAt(len - 1) == '\r') line.setLength(--len);
				if (len == 0) return;
				header(line.toString());
				line.setLength(0);
			}
			else line.append(c);
		}
	}

	private void header(final String raw) {
		final int colon = raw.indexOf(':');
		if (colon < 0) return;
		if (!raw.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) return;
		// Headers are ISO-8859-1 on the wire; browsers and curl send UTF-8 file names in them.
		final String value = new String(raw.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1),
			StandardCharsets.UTF_8);
		name = parameter(value, "name");
		filename = parameter(value, "filename");
	}

	private static String parameter(final String value, final String key) {
		int i = 0;
		while (i < value.length()) {
			int semi = value.indexOf(';', i);
			if (semi < 0) semi = value.length();
			final String p = value.substring(i, semi).trim();
			final int eq = p.indexOf('=');
			if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(key)) {
				String v = p.substring(eq + 1).trim();
				if (v.startsWith("\"")) {
					// A quoted value may hold ';': read up to the closing quote.
					final int start = value.indexOf('"', i) + 1;
					final int end = value.indexOf('"', start);
					return end < 0 ? value.substring(start) : value.substring(start, end);
				}
				return v;
			}
			i = semi + 1;
		}
		return null;
	}

	/** Makes at least {@code n} bytes available after {@code pos}, unless the stream ends first. */
	private void fill(final int n) throws IOException {
		if (limit - pos >= n || eof) return;
		if (pos > 0) {
			System.arraycopy(buf, pos, buf, 0, limit - pos);
			limit -= pos;
			pos = 0;
		}
		while (limit - pos < n && !eof) {
			final int r = in.read(buf, limit, buf.length - limit);
			if (r < 0) eof = true;
			else limit += r;
		}
	}

	/**
	 * The next bytes of the current part straight from the parser's buffer, without copying: valid until the
	 * parser is used again; null at the end of the part.
	 */
	ByteBuffer chunk() throws IOException {
		final int n = current.available(Integer.MAX_VALUE);
		if (n < 0) return null;
		final ByteBuffer b = ByteBuffer.wrap(buf, pos, n);
		pos += n;
		return b;
	}

	/** The bytes of one part, up to (not including) the next delimiter, which it consumes. */
	private final class PartStream extends InputStream {

		private boolean done;

		@Override
		public int read() throws IOException {
			final byte[] one = new byte[1];
			final int r = read(one, 0, 1);
			return r < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(final byte[] b, final int off, final int len) throws IOException {
			if (len == 0) return done ? -1 : 0;
			final int n = available(len);
			if (n < 0) return -1;
			System.arraycopy(buf, pos, b, off, n);
			pos += n;
			return n;
		}

		/**
		 * How many bytes of the part (at most {@code max}, at least 1) are at {@code pos} in the buffer, reading
		 * more when needed; -1 at the end of the part (the delimiter is then consumed).
		 */
		int available(final int max) throws IOException {
			if (done) return -1;
			while (true) {
				final int found = indexOfDelimiter();
				if (found == pos) {
					pos += delimiter.length;
					done = true;
					return -1;
				}
				// bytes before a delimiter, or before what could be the start of one at the end of the buffer
				final int safe = found > 0 ? found - pos : limit - pos - (delimiter.length - 1);
				if (safe > 0) return Math.min(max, safe);
				if (eof) throw new MalformedException("multipart body ends inside a part (connection closed?)");
				more();
			}
		}

		/** Reads more of the body; the few bytes kept are moved to the buffer's start when it is full. */
		private void more() throws IOException {
			if (limit == buf.length) {
				System.arraycopy(buf, pos, buf, 0, limit - pos);
				limit -= pos;
				pos = 0;
			}
			final int r = in.read(buf, limit, buf.length - limit);
			if (r < 0) eof = true;
			else limit += r;
		}

		/**
		 * Index of the delimiter in the buffer, or -1 when it is not (wholly) there. Compares from the delimiter's
		 * last byte and skips ahead by how far that byte is from the delimiter's end (Horspool), so that most
		 * bytes of a part are never looked at.
		 */
		private int indexOfDelimiter() {
			final int n = delimiter.length;
			final int last = limit - n;
			int i = pos;
			while (i <= last) {
				final byte end = buf[i + n - 1];
				if (end == delimiter[n - 1]) {
					int k = n - 2;
					while (k >= 0 && buf[i + k] == delimiter[k]) k--;
					if (k < 0) return i;
				}
				i += skip[end & 0xff];
			}
			return -1;
		}
	}
}
