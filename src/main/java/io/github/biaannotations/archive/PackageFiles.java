package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a package folder as push sends them: every regular file but push's own record, each with
 * its slash-separated path relative to the folder, checked against the archive's file path rule.
 */
final class PackageFiles {

	/** The archive's file path rule (archive-api.md). */
	static final Pattern PATH_RULE = Pattern.compile("^(?!\\./)(?!.*/$)(?!.*\\.\\./)[0-9A-Za-z!\\-_*'(). /]+$");

	/** One file of the package. */
	static final class Entry {

		final String path;
		final Path file;
		final long size;

		Entry(final String path, final Path file, final long size) {
			this.path = path;
			this.file = file;
			this.size = size;
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
		final List<Entry> out = new ArrayList<>();
		final List<String> bad = new ArrayList<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (!Files.isRegularFile(p)) continue;
				final String rel = dir.relativize(p).toString().replace('\\', '/');
				if (rel.startsWith(PushJournal.FILE_NAME)) continue;
				if (!PATH_RULE.matcher(rel).matches()) bad.add(rel);
				else out.add(new Entry(rel, p, Files.size(p)));
			}
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot read the package folder " + dir + ": " + e
				.getMessage(), e);
		}
		if (!bad.isEmpty()) throw new ArchiveException(ArchiveException.Kind.USAGE, "The archive refuses these file" +
			" paths of " + dir + " (allowed: letters, digits, space and !-_*'(). /): " + String.join(", ", bad), null);
		Collections.sort(out, (a, b) -> a.path.compareTo(b.path));
		return out;
	}

	/** A user-area folder name for a package folder: its name with characters outside the rule replaced. */
	static String folderName(final Path dir) {
		final Path name = dir.toAbsolutePath().normalize().getFileName();
		final String raw = name == null ? "" : name.toString();
		final String safe = raw.replaceAll("[^0-9A-Za-z!\\-_*'() .]", "_").trim().replaceAll("^\\.+", "");
		return safe.isEmpty() ? "package" : safe;
	}
}
