package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import io.github.biaannotations.model.Folders;

/**
 * A folder written in a temporary sibling and moved into place only when complete, so that an interrupted or
 * failed export never leaves a half-written folder that looks finished, and an existing folder is replaced
 * only once its successor is whole. Closing without {@link #commit()} removes the temporary folder.
 */
public final class AtomicDirectory implements AutoCloseable {

	private final Path target;
	private final Path work;
	private final boolean replace;
	private boolean committed;

	/**
	 * @param target the folder to create
	 * @param replace whether an existing, non-empty target may be replaced
	 * @throws FileAlreadyExistsException if the target exists, is not empty and {@code replace} is false
	 */
	public AtomicDirectory(final Path target, final boolean replace) throws IOException {
		this.target = target.toAbsolutePath().normalize();
		this.replace = replace;
		if (Files.exists(this.target) && !Files.isDirectory(this.target))
			throw new FileAlreadyExistsException(this.target.toString(), null, "exists and is not a folder");
		if (!replace && !isEmptyOrAbsent(this.target))
			throw new FileAlreadyExistsException(this.target.toString(), null,
				"folder exists and is not empty; choose another output folder or allow overwriting");
		final Path parent = this.target.getParent();
		Files.createDirectories(parent);
		work = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
	}

	/** The temporary folder to write into. */
	public Path path() {
		return work;
	}

	public Path target() {
		return target;
	}

	/** Moves the finished folder into place, replacing an existing one only now. */
	public void commit() throws IOException {
		Path old = null;
		if (Files.exists(target)) {
			if (isEmptyOrAbsent(target)) Files.delete(target);
			else if (!replace) throw new FileAlreadyExistsException(target.toString());
			else {
				old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
				Files.delete(old);
				Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		try {
			Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (final IOException e) {
			if (old != null) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
			throw e;
		}
		committed = true;
		if (old != null) Folders.deleteTree(old);
	}

	@Override
	public void close() throws IOException {
		if (!committed) Folders.deleteTree(work);
	}

	private static boolean isEmptyOrAbsent(final Path dir) throws IOException {
		if (!Files.exists(dir)) return true;
		try (Stream<Path> s = Files.list(dir)) {
			return s.findAny().isEmpty();
		}
	}
}
