package io.github.biaannotations.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ZarrStore} on a local folder: each key is a file. Values are written to a temporary sibling and
 * renamed into place, so an interrupted write never leaves a truncated chunk or metadata file.
 */
public final class FileSystemStore implements ZarrStore {

	private final Path root;
	private final boolean atomicPuts;
	private final Set<Path> folders = ConcurrentHashMap.newKeySet();

	/** A store whose every put is atomic (temporary file, then rename). */
	public FileSystemStore(final Path root) {
		this(root, true);
	}

	/**
	 * @param atomicPuts whether each put goes through a temporary file and a rename; callers that write a
	 *          whole hierarchy into a temporary folder renamed at the end (as the OME-Zarr exporter does) can
	 *          skip that per-file cost
	 */
	public FileSystemStore(final Path root, final boolean atomicPuts) {
		this.root = root;
		this.atomicPuts = atomicPuts;
	}

	/** The folder this store writes into. */
	public Path root() {
		return root;
	}

	@Override
	public void put(final String key, final byte[] value) throws IOException {
		final Path file = resolve(key);
		final Path parent = file.getParent();
		if (!folders.contains(parent)) { // remembered only once it exists, so other threads never race ahead
			Files.createDirectories(parent);
			folders.add(parent);
		}
		if (!atomicPuts) {
			Files.write(file, value);
			return;
		}
		final Path tmp = parent.resolve("." + file.getFileName() + ".part");
		Files.write(tmp, value);
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public byte[] get(final String key) throws IOException {
		try {
			return Files.readAllBytes(resolve(key));
		}
		catch (final NoSuchFileException e) {
			return null;
		}
	}

	@Override
	public boolean contains(final String key) {
		return Files.isRegularFile(resolve(key));
	}

	@Override
	public String describe(final String key) {
		return resolve(key).toString();
	}

	private Path resolve(final String key) {
		if (key.startsWith("/") || key.contains("..")) throw new IllegalArgumentException(
			"Zarr key must be relative and stay inside the store: " + key);
		return key.isEmpty() ? root : root.resolve(key);
	}
}
