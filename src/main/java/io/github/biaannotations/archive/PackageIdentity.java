package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.submission.Manifest;

/**
 * What makes two pushes the same package: the sha256 of its {@code manifest.json}, which lists every file with its
 * sha256 and the time of the export. A package exported again (say with corrected annotations, into the same
 * folder with {@code --overwrite}) is a different package, and is never taken for the one pushed before. A folder
 * without a manifest (not written by export) is identified by its files' paths, sizes and modification times.
 * The user-area folder a package is uploaded into carries the identity, so that no two packages share one.
 */
final class PackageIdentity {

	/** How many hex digits of the identity the user-area folder name carries (48 bits). */
	private static final int FOLDER_DIGITS = 12;

	/** The identity, 64 lower-case hex digits. */
	final String id;
	/** The user-area folder the package goes into: its folder's name, made safe, then the identity's start. */
	final String folder;
	/** Whether the release date was the user's choice at export (recorded in the manifest). */
	final boolean releaseDateChosen;

	private PackageIdentity(final String id, final String folder, final boolean releaseDateChosen) {
		this.id = id;
		this.folder = folder;
		this.releaseDateChosen = releaseDateChosen;
	}

	/**
	 * The identity of the package in {@code dir}, whose files are {@code files}.
	 *
	 * @throws ArchiveException USAGE when the manifest cannot be read
	 */
	static PackageIdentity of(final Path dir, final List<PackageFiles.Entry> files) throws ArchiveException {
		final Path manifest = dir.resolve(Manifest.FILE_NAME);
		final String id;
		boolean chosen = false;
		try {
			if (Files.isRegularFile(manifest)) {
				id = Manifest.sha256(manifest);
				chosen = Manifest.read(manifest).releaseDateChosen();
			}
			else id = ofFiles(files);
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot read " + manifest + ": " + e.getMessage(),
				e);
		}
		return new PackageIdentity(id, PackageFiles.folderName(dir) + "-" + id.substring(0, FOLDER_DIGITS), chosen);
	}

	private static String ofFiles(final List<PackageFiles.Entry> files) throws IOException {
		final MessageDigest md;
		try {
			md = MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
		for (final PackageFiles.Entry e : files) {
			md.update((e.path + "\t" + e.size + "\t" + Files.getLastModifiedTime(e.file).toMillis() + "\n").getBytes(
				StandardCharsets.UTF_8));
		}
		final StringBuilder hex = new StringBuilder();
		for (final byte b : md.digest()) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}

	/**
	 * Whether a stored submission's {@code RootPath} is a folder this package was uploaded into (under any name of
	 * its package folder: the folder may have been renamed since).
	 */
	boolean uploadedInto(final String rootPath) {
		return rootPath != null && rootPath.endsWith("-" + id.substring(0, FOLDER_DIGITS)) && !rootPath.contains("/");
	}

	/** Whether a journal's record of a user-area folder can be used again (one folder level, the archive's rule). */
	static boolean usableFolder(final String folder) {
		return folder != null && !folder.contains("/") && ArchivePaths.isValid(folder);
	}
}
