package io.github.biaannotations.archive;

import java.io.IOException;
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
		return new FileBodyPublisher(head, file, fileSize, tail, fileBytesRead);
	}
}
