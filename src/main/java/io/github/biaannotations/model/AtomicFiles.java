package io.github.biaannotations.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Files written whole or not at all: into a temporary file beside the target, then moved over it, so that a
 * reader (or a crash) sees the old file or the new one, never a part.
 */
public final class AtomicFiles {

	/** Fills the temporary file it is given. */
	@FunctionalInterface
	public interface Content {

		void writeTo(Path tmp) throws IOException;
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private AtomicFiles() {}

	/**
	 * Writes {@code target} through {@code content}, creating its folder, and moves it into place. The temporary
	 * file is removed when anything fails, and an existing target is then left as it was.
	 */
	public static void write(final Path target, final Content content) throws IOException {
		final Path tmp = partial(target);
		try {
			content.writeTo(tmp);
			moveReplacing(tmp, target);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Creates, with its folder, the empty temporary file that will become {@code target}: hidden beside it, and
	 * with the permissions any file the user creates gets (the umask), not a temporary file's owner-only ones.
	 * The caller moves it into place ({@link #moveReplacing}) or deletes it.
	 */
	public static Path partial(final Path target) throws IOException {
		final Path parent = target.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		return Files.createFile(parent.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM
			.nextLong(), 36) + ".partial"));
	}

	/** Writes {@code text} as UTF-8, as {@link #write(Path, Content)}. */
	public static void write(final Path target, final String text) throws IOException {
		write(target, tmp -> Files.write(tmp, text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Moves {@code from} over {@code to} atomically, or by a plain replacing move on a file system that cannot
	 * move atomically.
	 */
	public static void moveReplacing(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
