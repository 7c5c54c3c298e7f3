package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.submission.Manifest;

/**
 * The files of a package folder as push sends them: every regular file but push's own record, each with
 * its slash-separated path relative to the folder, checked against the archive's file path rule, and the sha256
 * the package's manifest gives it (which the upload checks as it reads the file). Symbolic links are refused,
 * never followed.
 */
final class PackageFiles {

	/** One file of the package. */
	static final class Entry {

		final String path;
		final Path file;
		final long size;
		/** The sha256 the manifest gives the file (lower-case hex); null when the manifest does not list it. */
		final String sha256;

		Entry(final String path, final Path file, final long size, final String sha256) {
			this.path = path;
			this.file = file;
			this.size = size;
			this.sha256 = sha256;
		}

		/** The folder part of {@link #path}, "" at the top. */
		String parent() {
			final int slash = path.lastIndexOf('/');
			return slash < 0 ? "" : path.substring(0, slash);
		}

		String name() {
			return path.substring(path.lastIndexOf('/') + 1);
		}
	}

	private PackageFiles() {}

	/**
	 * Lists the package's files in path order.
	 *
	 * @throws ArchiveException USAGE naming every file whose path the archive would refuse
	 */
	static List<Entry> scan(final Path dir) throws ArchiveException {
		final Map<String, String> sha256 = manifestSums(dir);
		final List<Entry> out = new ArrayList<>();
		final List<String> bad = new ArrayList<>();
		final List<String> links = new ArrayList<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (Files.isSymbolicLink(p)) {
					links.add(dir.relativize(p).toString().replace('\\', '/'));
					continue;
				}
				if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
				final String rel = dir.relativize(p).toString().replace('\\', '/');
				if (rel.startsWith(PushJournal.FILE_NAME)) continue;
				if (!ArchivePaths.isValid(rel)) bad.add(rel);
				else out.add(new Entry(rel, p, Files.size(p), sha256.get(rel)));
			}
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot read the package folder " + dir + ": " + e
				.getMessage(), e);
		}
		// a link could send any file of this machine to the archive: only the package's own files are pushed
		if (!links.isEmpty()) throw new ArchiveException(ArchiveException.Kind.USAGE, "The package " + dir + " holds " +
			"symbolic links, which push does not follow: " + String.join(", ", links) + ". Put the files themselves " +
			"there", null);
		if (!bad.isEmpty()) throw new ArchiveException(ArchiveException.Kind.USAGE, "The archive refuses these file" +
			" paths of " + dir + " (allowed: letters, digits, space and !-_*'(). /): " + String.join(", ", bad), null);
		Collections.sort(out, (a, b) -> a.path.compareTo(b.path));
		return out;
	}

	/** The sha256 of each file the package's manifest lists, by path; empty without a manifest. */
	private static Map<String, String> manifestSums(final Path dir) throws ArchiveException {
		final Map<String, String> out = new HashMap<>();
		final Path file = dir.resolve(Manifest.FILE_NAME);
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return out;
		try {
			for (final Manifest.Entry e : Manifest.read(file).files()) {
				out.put(e.path, e.sha256.toLowerCase(Locale.ROOT));
			}
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
		}
		return out;
	}

	/** A user-area folder name for a package folder: its name made to follow the archive's path rule. */
	static String folderName(final Path dir) {
		final Path name = dir.toAbsolutePath().normalize().getFileName();
		return name == null ? "package" : ArchivePaths.safeName(name.toString());
	}
}
