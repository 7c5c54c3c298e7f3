package io.github.biaannotations.archive;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The multipart/form-data body of one upload request as the archive takes it (archive-server-facts.md §2): the
 * {@code filePath} field naming the user-area folder, then one {@code files} part per file, each named by its
 * file name in that folder. Streamed from disk as the HTTP client sends it, so memory use depends neither on the
 * files' sizes nor on their number.
 */
final class UploadBody {

	/** Told, from the HTTP client's threads, what the body reads of its files for sending. */
	interface Sent {

		/** {@code file} starts being read (again, when the request is sent again). */
		void file(PackageFiles.Entry file);

		/** {@code n} more bytes of the file being read were read. */
		void bytes(long n);
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String boundary;
	private final String folder;
	private final List<PackageFiles.Entry> files;
	private final SendBuffers buffers;
	private final List<FileBodyPublisher.Piece> pieces = new ArrayList<>();
	private final List<FileBodyPublisher> publishers = new ArrayList<>();
	private final long fileBytes;

	/** The body that uploads {@code files} into {@code folder}, read through {@code buffers}. */
	UploadBody(final String folder, final List<PackageFiles.Entry> files, final SendBuffers buffers) {
		this.folder = folder;
		this.files = files;
		this.buffers = buffers;
		final byte[] b = new byte[12];
		RANDOM.nextBytes(b);
		final StringBuilder sb = new StringBuilder("bia-annotations-");
		for (final byte x : b) {
			sb.append(String.format("%02x", x));
		}
		this.boundary = sb.toString();
		pieces.add(FileBodyPublisher.Piece.of("--" + boundary + "\r\nContent-Disposition: form-data; name=\"filePath\"" +
			"\r\n\r\n" + folder + "\r\n"));
		long bytes = 0;
		for (final PackageFiles.Entry e : files) {
			final String quoted = e.name().replace("\\", "\\\\").replace("\"", "\\\"");
			pieces.add(FileBodyPublisher.Piece.of("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; " +
				"filename=\"" + quoted + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
			pieces.add(FileBodyPublisher.Piece.of(e));
			pieces.add(FileBodyPublisher.Piece.of("\r\n"));
			bytes += e.size;
		}
		pieces.add(FileBodyPublisher.Piece.of("--" + boundary + "--\r\n"));
		this.fileBytes = bytes;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	String folder() {
		return folder;
	}

	List<PackageFiles.Entry> files() {
		return files;
	}

	/** Bytes of the files in the body. */
	long fileBytes() {
		return fileBytes;
	}

	/** A publisher of the whole body with a known length (one for each time the request is sent). */
	HttpRequest.BodyPublisher publisher(final Sent sent) {
		final FileBodyPublisher p = new FileBodyPublisher(pieces, sent, buffers);
		synchronized (publishers) {
			publishers.add(p);
		}
		return p;
	}

	/** Gives the buffers of every time the request was sent back: the request is over. */
	void release() {
		synchronized (publishers) {
			for (final FileBodyPublisher p : publishers) {
				p.release();
			}
			publishers.clear();
		}
	}
}
