package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One user's file area in the local archive: a folder on disk into which that user uploads files before a
 * submission refers to them. Every path given by a client is resolved here and refused when it leaves the
 * folder, as the real server does.
 */
final class UserArea {

	private final String login;
	private final Path root;

	UserArea(final String login, final Path root) {
		this.login = login;
		this.root = root.toAbsolutePath().normalize();
	}

	String login() {
		return login;
	}

	Path root() {
		return root;
	}

	/**
	 * The file or folder at {@code relative} (slash-separated, relative to the user root; null or "" for
	 * the root itself).
	 *
	 * @throws ApiError 500 for an absolute path, as the real server's check of every path refuses it (an
	 *         IllegalArgumentException: archive-server-facts.md §2); 403 when the path leaves the user folder
	 *         otherwise (the real server lets {@code ..} through; the local one never does)
	 */
	Path resolve(final String relative) throws ApiError {
		if (relative == null || relative.isEmpty()) return root;
		if (relative.startsWith("/")) throw ApiError.fail(500, permissionMessage(relative));
		final String rel = relative;
		final Path resolved;
		try {
			resolved = root.resolve(rel).normalize();
		}
		catch (final RuntimeException e) {
			throw refused(relative);
		}
		if (!resolved.startsWith(root) || rel.indexOf('\0') >= 0) throw refused(relative);
		// Symbolic links could lead out of the folder: refuse any on the way.
		if (throughLink(root, resolved)) throw refused(relative);
		return resolved;
	}

	/**
	 * True when {@code f} or a folder between it and {@code root} is a symbolic link: such a path is refused,
	 * and such a file counts as missing, so that a link planted in a user area cannot reach or bring in a file
	 * from elsewhere.
	 */
	static boolean throughLink(final Path root, final Path f) {
		for (Path p = f; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
			if (Files.isSymbolicLink(p)) return true;
		}
		return false;
	}

	/** Resolves {@code folder/name}; the name must be one path element. */
	Path resolve(final String folder, final String name) throws ApiError {
		if (name == null || name.isEmpty()) throw ApiError.fail(400, "The field 'fileName' is required");
		if (name.contains("/") || name.contains("\\") || name.equals("..") ||
			name.equals(".")) throw refused((folder == null ? "" : folder + "/") + name);
		final String f = folder == null || folder.isEmpty() ? "" : folder.endsWith("/") ? folder : folder + "/";
		return resolve(f + name);
	}

	private ApiError refused(final String path) {
		return ApiError.forbidden(permissionMessage(path));
	}

	/** The real server's message for a path outside the user folder. */
	static String permissionMessage(final String path) {
		return "The user does not have permission for accessing path '" + path + "'";
	}

	/** The slash-separated path of {@code file} relative to the user root. */
	String relative(final Path file) {
		return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}

	/** Entries of a folder, sorted by name; empty when the folder does not exist. */
	List<Path> list(final Path folder) throws IOException {
		final List<Path> out = new ArrayList<>();
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return out;
		try (Stream<Path> s = Files.list(folder)) {
			s.sorted().forEach(out::add);
		}
		return out;
	}
}
