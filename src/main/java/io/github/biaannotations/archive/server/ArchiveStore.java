package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.model.AtomicFiles;

/**
 * The local archive's state on disk: user areas, sessions, accession counters and submission records.
 * Everything is written atomically (temporary file, then rename), so a restart finds the last complete state.
 *
 * <pre>
 * store/files/&lt;secret&gt;/...            user areas
 * store/submissions/&lt;accNo&gt;/record.json and &lt;version&gt;/submission.json, &lt;version&gt;/Files/...
 * store/state/sessions.json            sha256(token) to login: tokens themselves are never written
 * store/state/accessions.json          last number per accession prefix
 * store/tmp/                           uploads in progress
 * </pre>
 */
final class ArchiveStore {

	private final Path root;
	private final ObjectMapper json;
	private final Map<String, char[]> passwords;
	private final Map<String, LocalArchiveServer.Role> roles;
	private final Map<String, String> sessions;
	private final Map<String, Integer> counters;
	private final long quotaBytes;
	private final AtomicLong usedBytes = new AtomicLong();
	private final SecureRandom random = new SecureRandom();

	ArchiveStore(final Path root, final Map<String, char[]> passwords, final Map<String, LocalArchiveServer.Role> roles,
		final long quotaBytes, final ObjectMapper json) throws IOException
	{
		this.root = root.toAbsolutePath().normalize();
		this.json = json;
		this.passwords = new HashMap<>(passwords);
		this.roles = new HashMap<>(roles);
		this.quotaBytes = quotaBytes;
		for (final String dir : new String[] { "files", "submissions", "state", "tmp" }) {
			Files.createDirectories(this.root.resolve(dir));
		}
		clearTemporaryFiles();
		sessions = Collections.synchronizedMap(readMap("sessions.json", new TypeReference<Map<String, String>>() {}));
		counters = readMap("accessions.json", new TypeReference<Map<String, Integer>>() {});
		usedBytes.set(sizeOf(this.root.resolve("files")));
	}

	Path root() {
		return root;
	}

	Path tmp() {
		return root.resolve("tmp");
	}

	// -- users and sessions --

	/** The account signing in with {@code loginOrEmail} (its name, or its e-mail address in any case), or null. */
	String accountOf(final String loginOrEmail) {
		if (loginOrEmail == null) return null;
		if (passwords.containsKey(loginOrEmail)) return loginOrEmail;
		for (final String account : passwords.keySet())
			if (emailOf(account).equalsIgnoreCase(loginOrEmail)) return account;
		return null;
	}

	/** An account's e-mail address: its name when that is one, else name@localhost. */
	static String emailOf(final String account) {
		return account.contains("@") ? account : account + "@localhost";
	}

	/** The role of an account ({@link LocalArchiveServer.Role#PLAIN} for an unknown one). */
	LocalArchiveServer.Role roleOf(final String login) {
		return roles.getOrDefault(login, LocalArchiveServer.Role.PLAIN);
	}

	/** Checks an account name and password (see {@link #accountOf}); returns a new session token. */
	String login(final String login, final String password) throws ApiError, IOException {
		final char[] expected = login == null ? null : passwords.get(login);
		if (expected == null || password == null || !MessageDigest.isEqual(new String(expected).getBytes(
			StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) throw ApiError.invalidCredentials();
		final byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		final String token = hex(bytes);
		synchronized (sessions) {
			sessions.put(sha256(token), login);
			writeJson(root.resolve("state/sessions.json"), new TreeMap<>(sessions));
		}
		return token;
	}

	/** The login of a session token, or null. */
	String userOf(final String token) {
		return token == null || token.isEmpty() ? null : sessions.get(sha256(token));
	}

	void logout(final String token) throws IOException {
		synchronized (sessions) {
			if (sessions.remove(sha256(token)) != null) writeJson(root.resolve("state/sessions.json"),
				new TreeMap<>(sessions));
		}
	}

	/** Ends every session (as a server-side expiry would): clients must sign in again. */
	void expireSessions() throws IOException {
		synchronized (sessions) {
			sessions.clear();
			writeJson(root.resolve("state/sessions.json"), new TreeMap<>(sessions));
		}
	}

	/** The relative path of a user's folder (the profile's {@code secret}). */
	String secretOf(final String login) {
		final String h = sha256("user-folder:" + login);
		return h.substring(0, 2) + "/" + h.substring(2, 34) + "-a";
	}

	UserArea areaOf(final String login) throws IOException {
		final Path dir = root.resolve("files").resolve(secretOf(login));
		Files.createDirectories(dir);
		return new UserArea(login, dir);
	}

	// -- quota --

	/** Reserves {@code bytes} of the upload quota; false when that would exceed it. */
	boolean reserve(final long bytes) {
		if (quotaBytes <= 0) {
			usedBytes.addAndGet(bytes);
			return true;
		}
		while (true) {
			final long used = usedBytes.get();
			if (used + bytes > quotaBytes) return false;
			if (usedBytes.compareAndSet(used, used + bytes)) return true;
		}
	}

	void release(final long bytes) {
		usedBytes.addAndGet(-bytes);
	}

	long quotaBytes() {
		return quotaBytes;
	}

	// -- accessions and records --

	/** The next accession of a prefix ({@code S-BIAD} for BioImages), saved before it is handed out. */
	synchronized String nextAccession(final String prefix) throws IOException {
		final int n = counters.getOrDefault(prefix, 0) + 1;
		counters.put(prefix, n);
		writeJson(root.resolve("state/accessions.json"), new TreeMap<>(counters));
		return prefix + n;
	}

	Path submissionDir(final String accNo) {
		return root.resolve("submissions").resolve(accNo);
	}

	synchronized SubmissionRecord record(final String accNo) throws IOException {
		if (accNo == null || !accNo.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) return null;
		final Path file = submissionDir(accNo).resolve("record.json");
		if (!Files.isRegularFile(file)) return null;
		final SubmissionRecord r = json.readValue(file.toFile(), SubmissionRecord.class);
		r.upgrade();
		return r;
	}

	synchronized void save(final SubmissionRecord record) throws IOException {
		final Path dir = submissionDir(record.accNo);
		Files.createDirectories(dir);
		writeJson(dir.resolve("record.json"), record);
	}

	/** Every record, in accession order. */
	synchronized List<SubmissionRecord> records() throws IOException {
		final List<SubmissionRecord> out = new ArrayList<>();
		try (Stream<Path> s = Files.list(root.resolve("submissions"))) {
			for (final Path dir : (Iterable<Path>) s.sorted()::iterator) {
				final SubmissionRecord r = record(dir.getFileName().toString());
				if (r != null) out.add(r);
			}
		}
		return out;
	}

	// -- helpers --

	/** Writes JSON atomically: a reader sees the old or the new content, never a mix. */
	void writeJson(final Path file, final Object value) throws IOException {
		AtomicFiles.write(file, tmp -> json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value));
	}

	private <T> T readMap(final String name, final TypeReference<T> type) throws IOException {
		final Path file = root.resolve("state").resolve(name);
		if (!Files.isRegularFile(file)) return json.readValue("{}", type);
		try {
			return json.readValue(file.toFile(), type);
		}
		catch (final IOException e) {
			throw new IOException("Cannot read the archive state file " + file + ": " + e.getMessage(), e);
		}
	}

	private void clearTemporaryFiles() throws IOException {
		try (Stream<Path> s = Files.list(root.resolve("tmp"))) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				Files.deleteIfExists(p);
			}
		}
	}

	static long sizeOf(final Path dir) throws IOException {
		final long[] total = { 0 };
		if (!Files.isDirectory(dir)) return 0;
		Files.walkFileTree(dir, new SimpleFileVisitor<Path>() {

			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
				total[0] += attrs.size();
				return FileVisitResult.CONTINUE;
			}
		});
		return total[0];
	}

	static String sha256(final String s) {
		try {
			return hex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String hex(final byte[] bytes) {
		final StringBuilder sb = new StringBuilder(bytes.length * 2);
		for (final byte b : bytes) {
			sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
		}
		return sb.toString();
	}
}
