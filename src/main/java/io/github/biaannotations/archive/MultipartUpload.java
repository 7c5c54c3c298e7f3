package io.github.biaannotations.archive;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.LongConsumer;

/**
 * The multipart/form-data body of one file upload ({@code filePath} field, then one {@code files} part),
 * streamed from disk as the HTTP client sends it: memory use does not depend on the file's size. Bytes of
 * the file are reported to a counter as they are read.
 */
final class MultipartUpload {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String boundary;
	private final byte[] head;
	private final byte[] tail;
	private final Path file;
	private final long fileSize;

	MultipartUpload(final Path file, final String folder, final String name) throws IOException {
		final byte[] b = new byte[12];
		RANDOM.nextBytes(b);
		final StringBuilder sb = new StringBuilder("bia-annotations-");
		for (final byte x : b) {
			sb.append(String.format("%02x", x));
		}
		this.boundary = sb.toString();
		this.file = file;
		this.fileSize = Files.size(file);
		final String quoted = name.replace("\\", "\\\\").replace("\"", "\\\"");
		this.head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"filePath\"\r\n\r\n" + folder +
			"\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + quoted +
			"\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	long fileSize() {
		return fileSize;
	}

	/** A publisher of the whole body with a known length; each subscription reads the file afresh. */
	HttpRequest.BodyPublisher publisher(final LongConsumer fileBytesRead) {
		final long length = head.length + fileSize + tail.length;
		return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
			try {
				final InputStream content = new CountingStream(Files.newInputStream(file), fileBytesRead);
				return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), content),
					new ByteArrayInputStream(tail));
			}
			catch (final IOException e) {
				throw new java.io.UncheckedIOException("Cannot read " + file, e);
			}
		}), length);
	}

	/** Reports the bytes read through it. */
	private static final class CountingStream extends FilterInputStream {

		private final LongConsumer counter;

		CountingStream(final InputStream in, final LongConsumer counter) {
			super(in);
			this.counter = counter;
		}

		@Override
		public int read() throws IOException {
			final int b = super.read();
			if (b >= 0) counter.accept(1);
			return b;
		}

		@Override
		public int read(final byte[] buf, final int off, final int len) throws IOException {
			final int n = super.read(buf, off, len);
			if (n > 0) counter.accept(n);
			return n;
		}

	}
}
