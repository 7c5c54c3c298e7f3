package io.github.biaannotations.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system chores shared by the writers (and their tests). */
public final class Folders {

	private Folders() {}

	/** Whether {@code dir} does not exist or holds nothing. */
	public static boolean isEmptyOrAbsent(final Path dir) throws IOException {
		if (!Files.exists(dir)) return true;
		try (Stream<Path> s = Files.list(dir)) {
			return s.findAny().isEmpty();
		}
	}

	/**
	 * Deletes {@code dir} and everything in it, deepest first; nothing happens when it does not exist. A file
	 * that appears meanwhile keeps its folder (and that folder's parents) in place rather than failing.
	 */
	public static void deleteTree(final Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (final DirectoryNotEmptyException e) {
					// a file appeared meanwhile: leave the folder
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
	}
}
