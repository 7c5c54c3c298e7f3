package io.github.biaannotations.model;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder written in a temporary sibling and moved into place only when complete, so that an interrupted or
 * failed export never leaves a half-written folder that looks finished, and an existing folder is replaced
 * only once its successor is whole. Closing without {@link #commit()} removes the temporary folder, and so
 * does the end of the JVM (Ctrl-C); one left by a killed process is removed by the next export to the target.
 */
public final class AtomicDirectory implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path target;
	private final Path work;
	private final boolean replace;
	private final Thread cleanup;
	private volatile boolean committed;

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
		if (!replace && !Folders.isEmptyOrAbsent(this.target))
			throw new FileAlreadyExistsException(this.target.toString(), null,
				"folder exists and is not empty; choose another output folder or allow overwriting");
		final Path parent = this.target.getParent();
		Files.createDirectories(parent);
		removeAbandoned(parent, this.target.getFileName().toString());
		// named with this process's id, so that a later export knows an abandoned one; created as any folder
		// (the user's umask), not with a temporary folder's owner-only permissions
		work = parent.resolve(prefix(this.target.getFileName().toString()) + ProcessHandle.current().pid() + "-" +
			Long.toUnsignedString(RANDOM.nextLong(), 36));
		try {
			Files.createDirectory(work);
		}
		catch (final IOException e) {
			// named as the user named it, not by the hidden sibling's name
			throw new FileSystemException(this.target.toString(), null, "cannot be written: " + parent + " does not " +
				"allow creating folders in it");
		}
		cleanup = new Thread(() -> {
			try {
				if (!committed) Folders.deleteTree(work);
			}
			catch (final IOException e) {
				// the next export to this folder removes it
			}
		}, "remove " + work.getFileName());
		Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C: the partial folder goes too
	}

	private static String prefix(final String name) {
		return "." + name + ".partial-";
	}

	/**
	 * Removes the partial folders of earlier exports to the same target whose process has ended (interrupted
	 * by a kill or a crash), so that they do not pile up unseen beside it.
	 */
	private static void removeAbandoned(final Path parent, final String name) throws IOException {
		final String prefix = prefix(name);
		final List<Path> abandoned = new ArrayList<>();
		try (Stream<Path> s = Files.list(parent)) {
			s.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(p -> {
				final String rest = p.getFileName().toString().substring(prefix.length());
				final int dash = rest.indexOf('-');
				try {
					final long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
					if (pid != ProcessHandle.current().pid() && !ProcessHandle.of(pid).map(ProcessHandle::isAlive)
						.orElse(false)) abandoned.add(p);
				}
				catch (final NumberFormatException e) {
					// not one of ours
				}
			});
		}
		for (final Path p : abandoned)
			Folders.deleteTree(p);
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
			if (Folders.isEmptyOrAbsent(target)) Files.delete(target);
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
		try {
			Runtime.getRuntime().removeShutdownHook(cleanup);
		}
		catch (final IllegalStateException e) {
			// shutting down: the hook runs
		}
		if (!committed) Folders.deleteTree(work);
	}
}
