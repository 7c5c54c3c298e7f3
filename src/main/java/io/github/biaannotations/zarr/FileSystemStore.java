package io.github.biaannotations.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link ZarrStore} on a local folder: each key is a file. Values are written to a temporary sibling and
 * renamed into place, so an interrupted write never leaves a truncated chunk or metadata file.
 */
public final class FileSystemStore implements ZarrStore {

	private final Path root;

	public FileSystemStore(final Path root) {
		this.root = root;
	}

	/** The folder this store writes into. */
	public Path root() {
		return root;
	}

	@Override
	public void put(final String key, final byte[] value) throws IOException {
		final Path file = resolve(key);
		final Path parent = file.getParent();
		Files.createDirectories(parent);
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
