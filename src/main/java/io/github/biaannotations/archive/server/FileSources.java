package io.github.biaannotations.archive.server;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the files a submission lists are looked up, in order, as the real server's default sources
 * (archive-server-facts.md §4, {@code FileSourcesService.kt}): the user's folder under the RootPath, then the
 * files of the accession's persisted version. File lists come from the user's folder only.
 */
final class FileSources {

	/** One place files are found in. */
	static final class Source {

		final String description;
		final Path root;

		Source(final String description, final Path root) {
			this.description = description;
			this.root = root.toAbsolutePath().normalize();
		}
	}

	private final List<Source> sources;

	private FileSources(final List<Source> sources) {
		this.sources = Collections.unmodifiableList(sources);
	}

	/**
	 * The sources of a submission by {@code login} with {@code rootPath} (null for none), and the folder of the
	 * files of its persisted version (null for none).
	 *
	 * @throws ApiError when the root path leaves the user folder
	 */
	static FileSources of(final UserArea area, final String rootPath, final Path previousFiles) throws ApiError {
		final List<Source> list = new ArrayList<>();
		final String email = ArchiveStore.emailOf(area.login());
		final boolean root = rootPath != null && !rootPath.isEmpty();
		list.add(new Source(root ? email + " user files in /" + rootPath : email + " user files", area.resolve(root
			? rootPath : "")));
		if (previousFiles != null) list.add(new Source("Previous version files [File System]", previousFiles));
		return new FileSources(list);
	}

	/** The user's folder under the root path. */
	Path userRoot() {
		return sources.get(0).root;
	}

	/** Where a listed path is found first, or null when no source has it. */
	Path find(final String path) {
		if (dotSegment(path)) return null;
		for (final Source s : sources) {
			final Path f = inside(s.root, path);
			if (f != null) return f;
		}
		return null;
	}

	/** A file list in the user's folder, or null. */
	Path findFileList(final String path) {
		final Path f = dotSegment(path) ? null : inside(userRoot(), path);
		return f != null && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? f : null;
	}

	private static Path inside(final Path root, final String path) {
		final Path f;
		try {
			f = root.resolve(path).normalize();
		}
		catch (final RuntimeException e) {
			return null;
		}
		// a symbolic link planted in a user folder must not bring in a file from elsewhere
		if (!f.startsWith(root) || f.equals(root) || UserArea.throughLink(root, f) || !Files.exists(f,
			LinkOption.NOFOLLOW_LINKS)) return null;
		return f;
	}

	/** The "List of available sources" lines of the real server's messages. */
	String description() {
		final StringBuilder sb = new StringBuilder();
		for (final Source s : sources) {
			if (sb.length() > 0) sb.append('\n');
			sb.append("  - ").append(s.description);
		}
		return sb.toString();
	}

	/**
	 * Whether a path has a "." or ".." segment ("x/..", "."): the path rule lets them through, but they name no
	 * file of the submission (a folder above, or the whole root), so they are not found.
	 */
	private static boolean dotSegment(final String p) {
		for (final String segment : p.split("/"))
			if (segment.equals(".") || segment.equals("..")) return true;
		return false;
	}
}
