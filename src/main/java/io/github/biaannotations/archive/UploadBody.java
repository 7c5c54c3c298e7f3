package io.github.biaannotations.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The multipart/form-data body of one upload request as the archive takes it (archive-server-facts.md §2): the
 * {@code filePath} field naming the user-area folder, then one {@code files} part per file, each named by its
 * file name in that folder. Its files are read from disk as the body is written, a chunk at a time, so memory use
 * depends neither on their sizes nor on their number; each file with a sha256 to match is hashed as it is read,
 * and one whose bytes differ fails the body before its last chunk is written ({@link PackageFileChanged}): the
 * request never completes, so the archive never stores such a file.
 */
final class UploadBody implements HttpTransport.Body {

	/** Told, from the thread that sends the request, what the body reads of its files for sending. */
	interface Sent {

		/** {@code file} starts being read (again, when the request is sent again). */
		void file(PackageFiles.Entry file);

		/** {@code n} more bytes of the file being read were read. */
		void bytes(long n);
	}

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final int CHUNK = 256 * 1024;
	/** The chunk each sending thread reads files into, kept for its next request. */
	private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[CHUNK]);

	private final String folder;
	private final List<PackageFiles.Entry> files;
	private final String boundary;
	/** The body: bytes, and null where a file's content goes (in the order of {@link #files}). */
	private final List<byte[]> pieces = new ArrayList<>();
	private final long length;
	private final long fileBytes;
	private Sent sent = new Sent() {

		@Override
		public void file(final PackageFiles.Entry file) {}

		@Override
		public void bytes(final long n) {}
	};

	/** The body that uploads {@code files} into {@code folder}. */
	UploadBody(final String folder, final List<PackageFiles.Entry> files) {
		this.folder = folder;
		this.files = files;
		final byte[] b = new byte[12];
		RANDOM.nextBytes(b);
		final StringBuilder sb = new StringBuilder("bia-annotations-");
		for (final byte x : b) {
			sb.append(String.format("%02x", x));
		}
		this.boundary = sb.toString();
		pieces.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"filePath\"\r\n\r\n" + folder +
			"\r\n"));
		long n = 0;
		for (final PackageFiles.Entry e : files) {
			final String quoted = e.name().replace("\\", "\\\\").replace("\"", "\\\"");
			pieces.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" +
				quoted + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
			pieces.add(null);
			pieces.add(bytes("\r\n"));
			n += e.size;
		}
		pieces.add(bytes("--" + boundary + "--\r\n"));
		this.fileBytes = n;
		for (final byte[] p : pieces) {
			if (p != null) n += p.length;
		}
		this.length = n;
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

	/** Who is told what is read for sending. */
	UploadBody reporting(final Sent to) {
		this.sent = to;
		return this;
	}

	@Override
	public long length() {
		return length;
	}

	@Override
	public void writeTo(final OutputStream out) throws IOException {
		final byte[] buf = BUFFER.get();
		int file = 0;
		for (final byte[] p : pieces) {
			if (p != null) out.write(p);
			else write(files.get(file++), buf, out);
		}
	}

	/** Writes a file's bytes, checking them against its sha256 before the last chunk goes out. */
	private void write(final PackageFiles.Entry f, final byte[] buf, final OutputStream out) throws IOException {
		sent.file(f);
		final MessageDigest digest = f.sha256 == null ? null : sha256();
		long read = 0;
		try (FileChannel in = FileChannel.open(f.file, StandardOpenOption.READ)) {
			final ByteBuffer wrapped = ByteBuffer.wrap(buf);
			while (read < f.size || read == 0) {
				wrapped.clear().limit((int) Math.min(buf.length, f.size - read));
				while (wrapped.hasRemaining()) {
					if (in.read(wrapped) < 0) throw new PackageFileChanged(f.path + " became shorter while being sent (" +
						(read + wrapped.position()) + " of " + f.size + " bytes). Nothing was submitted; push again when " +
						"nothing writes to the package");
				}
				final int n = wrapped.position();
				read += n;
				if (digest != null) digest.update(buf, 0, n);
				if (read == f.size && digest != null) check(f, digest);
				out.write(buf, 0, n);
				sent.bytes(n);
				if (f.size == 0) break;
			}
		}
	}

	private static void check(final PackageFiles.Entry f, final MessageDigest digest) throws PackageFileChanged {
		final byte[] d = digest.digest();
		final StringBuilder hex = new StringBuilder();
		for (final byte x : d) {
			hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
		}
		if (!hex.toString().equals(f.sha256)) throw new PackageFileChanged(f.path + " changed after it was exported: " +
			"its sha256 differs from the one in the package's manifest. It was not uploaded and nothing was " +
			"submitted; export the package again (or restore the file), then push");
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static byte[] bytes(final String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
