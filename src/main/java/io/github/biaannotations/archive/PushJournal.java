package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.model.AtomicFiles;
import io.github.biaannotations.submission.PackageExport;

/**
 * What pushes of one package did, per archive and user, kept in {@code .bia-push.json} inside the package
 * folder: whether a submit was sent, its accession and version. It is what lets a second push resume
 * without ever submitting twice. Holds no password or token. Written atomically.
 */
final class PushJournal {

	/** The file name inside the package folder; push never uploads it. */
	static final String FILE_NAME = PackageExport.PUSH_RECORD;

	/** A submit is about to be sent (or was sent and its answer was lost). */
	static final String SUBMITTING = "SUBMITTING";
	/** The archive accepted the submit: accNo and version are known. */
	static final String SUBMITTED = "SUBMITTED";
	/** The request ended INVALID; a new push updates the same accession. */
	static final String INVALID = "INVALID";
	/** The request was processed. */
	static final String PROCESSED = "PROCESSED";

	/** The record of one archive and user. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	static final class Entry {

		public String state;
		public String folder;
		public String title;
		public String accNo;
		public int version;
		public String startedAt;
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path file;
	private final Map<String, Entry> targets;

	private PushJournal(final Path file, final Map<String, Entry> targets) {
		this.file = file;
		this.targets = targets;
	}

	static PushJournal read(final Path packageDir) throws ArchiveException {
		final Path file = packageDir.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) return new PushJournal(file, new TreeMap<>());
		try {
			return new PushJournal(file, JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Entry>>() {}));
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot read the push record " + file + ": " + e
				.getMessage() + " (delete it only if nothing was submitted from this package)", e);
		}
	}

	/** The entry for an archive and user, or null. */
	Entry get(final String archive, final String user) {
		return targets.get(key(archive, user));
	}

	/** Saves the entry of an archive and user (null removes it). */
	void put(final String archive, final String user, final Entry entry) throws ArchiveException {
		if (entry == null) targets.remove(key(archive, user));
		else targets.put(key(archive, user), entry);
		try {
			AtomicFiles.write(file, tmp -> JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), targets));
		}
		catch (final IOException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Cannot write the push record " + file + ": " + e
				.getMessage(), e);
		}
	}

	private static String key(final String archive, final String user) {
		return user + " @ " + archive;
	}
}
