package io.github.biaannotations.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.model.AtomicFiles;
import io.github.biaannotations.submission.PackageLayout;

/**
 * What pushes of one package did, per archive and user, kept in {@code .bia-push.json} inside the package
 * folder: which package (its identity), whether a submit was sent, its accession and version, the last request
 * status seen and since when, and what the archive's list showed just before the submit (to recognise the
 * submission of a submit whose answer was lost without relying on clocks). It is what lets a second push resume
 * without ever submitting twice. Holds no password or token. Written atomically.
 */
final class PushJournal {

	/** The file name inside the package folder; push never uploads it. */
	static final String FILE_NAME = PackageLayout.PUSH_RECORD;

	/** A submit is about to be sent (or was sent and its answer was lost). */
	static final String SUBMITTING = "SUBMITTING";
	/** The archive accepted the submit: accNo and version are known. */
	static final String SUBMITTED = "SUBMITTED";
	/**
	 * The request ended INVALID. A new push updates the same accession when a version of it is stored
	 * ({@link Entry#update}); otherwise the archive does not let the accession be reused and it submits anew.
	 */
	static final String INVALID = "INVALID";
	/** The request was processed to its end (POST_PROCESSED). */
	static final String PROCESSED = "PROCESSED";

	/** The record of one archive and user. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	static final class Entry {

		public String state;
		/** The package's identity ({@link PackageIdentity#id}); null in records of older versions. */
		public String packageId;
		public String folder;
		public String title;
		public String accNo;
		/** The version of the request; 0 when not known (a lost answer to an update). */
		public int version;
		/** Whether the submit carried an accession with a stored version (an update), rather than asking for one. */
		public boolean update;
		public String startedAt;
		/** The last request status seen, and when it was first seen (to tell a request that stopped moving). */
		public String status;
		public String statusSince;
		/** A new submission's: the accessions with the same title the archive listed just before the submit. */
		public List<String> sameTitleBefore;
		/** An update's: the modification time the archive listed for the accession just before the submit. */
		public String mtimeBefore;
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
