package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.biaannotations.model.Folders;

/**
 * The files of a submission version: the real server's circular-reference rule on them, whether they replace
 * or remove files of the previous version, and their copy into the version's own folder.
 */
final class SubmittedFiles {

	private SubmittedFiles() {}

	/**
	 * The real server's refusal of a listed folder together with a listed path inside it
	 * ({@code SubmissionRequestFilesValidator.kt}), as its message, or null when there is none. A folder listed
	 * alone is accepted.
	 *
	 * @param files listed path to where it was found
	 */
	static String circularReferences(final Map<String, Path> files) {
		final Set<String> folders = new LinkedHashSet<>();
		for (final Map.Entry<String, Path> e : files.entrySet()) {
			if (Files.isDirectory(e.getValue(), LinkOption.NOFOLLOW_LINKS)) folders.add(e.getKey());
		}
		final StringBuilder sb = new StringBuilder();
		for (final String path : files.keySet()) {
			for (String parent = parentOf(path); !parent.isEmpty(); parent = parentOf(parent)) {
				if (folders.contains(parent)) {
					sb.append("- Directory '").append(parent).append("' contains: '").append(path).append("'\n");
					break;
				}
			}
		}
		return sb.length() == 0 ? null : "The following circular references were found:\n" + sb;
	}

	private static String parentOf(final String path) {
		final int slash = path.lastIndexOf('/');
		return slash < 0 ? "" : path.substring(0, slash);
	}

	/**
	 * Whether the new version removes a file of the previous one or changes its content (the real server's
	 * deprecated and conflicting files); a listed folder counts by the files in it.
	 *
	 * @param previous the folder of the previous version's files
	 */
	static boolean changed(final Path previous, final Map<String, Path> files) throws IOException {
		final Map<String, Path> now = expand(files);
		if (!Files.isDirectory(previous)) return false;
		try (Stream<Path> s = Files.walk(previous)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
				final Path replacement = now.get(previous.relativize(p).toString().replace('\\', '/'));
				if (replacement == null || !sameContent(p, replacement)) return true;
			}
		}
		return false;
	}

	/** Every regular file of the listed paths, by its path in the submission. */
	private static Map<String, Path> expand(final Map<String, Path> files) throws IOException {
		final Map<String, Path> out = new LinkedHashMap<>();
		for (final Map.Entry<String, Path> e : files.entrySet()) {
			final Path from = e.getValue();
			if (Files.isSymbolicLink(from)) continue;
			if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
				out.put(e.getKey(), from);
				continue;
			}
			try (Stream<Path> s = Files.walk(from)) {
				for (final Path p : (Iterable<Path>) s::iterator) {
					if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) out.put(e.getKey() + "/" + from.relativize(p)
						.toString().replace('\\', '/'), p);
				}
			}
		}
		return out;
	}

	private static boolean sameContent(final Path a, final Path b) throws IOException {
		if (Files.size(a) != Files.size(b)) return false;
		if (Files.isSameFile(a, b)) return true;
		final byte[] x = new byte[65536], y = new byte[65536];
		try (InputStream in = Files.newInputStream(a); InputStream other = Files.newInputStream(b)) {
			while (true) {
				final int n = in.readNBytes(x, 0, x.length);
				final int m = other.readNBytes(y, 0, y.length);
				if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) return false;
				if (n < x.length) return true;
			}
		}
	}

	/** Links (or copies) the listed files into {@code target}, emptied first; folders with their content. */
	static void copy(final Map<String, Path> files, final Path target) throws IOException {
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) Folders.deleteTree(target);
		for (final Map.Entry<String, Path> e : files.entrySet()) {
			if (Files.isDirectory(e.getValue(), LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(target.resolve(e
				.getKey()));
		}
		for (final Map.Entry<String, Path> e : expand(files).entrySet()) {
			try {
				copyInto(e.getValue(), target.resolve(e.getKey()));
			}
			catch (final IOException x) {
				throw new IOException("the file '" + e.getKey() + "' could not be copied into the submission", x);
			}
		}
	}

	private static void copyInto(final Path from, final Path to) throws IOException {
		Files.createDirectories(to.getParent());
		Files.deleteIfExists(to);
		try {
			Files.createLink(to, from);
		}
		catch (final IOException | UnsupportedOperationException e) {
			Files.copy(from, to);
		}
	}
}
