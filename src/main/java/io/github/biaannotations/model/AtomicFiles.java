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
		final Path parent = target.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		// created as any file is (the user's umask), not owner-only like a temporary file: it becomes the target
		final Path tmp = Files.createFile(parent.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
			RANDOM.nextLong(), 36) + ".partial"));
		try {
			content.writeTo(tmp);
			moveReplacing(tmp, target);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
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
