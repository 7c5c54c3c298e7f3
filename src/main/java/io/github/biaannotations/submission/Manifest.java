package io.github.biaannotations.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.model.Progress;

/**
 * {@code manifest.json}: every file of a package with its size and sha256, the tool and version that wrote it,
 * when, which original file names were renamed to follow the archive's path rule, and whether the user chose the
 * release date (push asks before a study is made public at once unless they did). Its own sha256 is the package's
 * identity for push: a new export is a new package.
 */
public final class Manifest {

	public static final String FILE_NAME = PackageLayout.MANIFEST;
	private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	/** One file of the package. */
	public static final class Entry {

		public final String path;
		public final long size;
		public final String sha256;

		public Entry(final String path, final long size, final String sha256) {
			this.path = path;
			this.size = size;
			this.sha256 = sha256;
		}
	}

	private final String tool;
	private final Instant created;
	private final List<Entry> files;
	private final Map<String, String> renamed;
	private final boolean releaseDateChosen;

	public Manifest(final String tool, final Instant created, final List<Entry> files, final Map<String, String> renamed) {
		this(tool, created, files, renamed, false);
	}

	private Manifest(final String tool, final Instant created, final List<Entry> files, final Map<String, String> renamed,
		final boolean releaseDateChosen)
	{
		this.tool = tool;
		this.created = created;
		this.files = Collections.unmodifiableList(new ArrayList<>(files));
		this.renamed = Collections.unmodifiableMap(new LinkedHashMap<>(renamed));
		this.releaseDateChosen = releaseDateChosen;
	}

	/**
	 * This manifest, saying whether the release date was the user's choice (given to the export, in the metadata
	 * or the dialog) rather than the export's default of its own day.
	 */
	public Manifest withReleaseDateChosen(final boolean chosen) {
		return new Manifest(tool, created, files, renamed, chosen);
	}

	/** Whether the user chose the release date at export (false for manifests written before this was recorded). */
	public boolean releaseDateChosen() { return releaseDateChosen; }

	public List<Entry> files() { return files; }
	public Map<String, String> renamed() { return renamed; }
	public String tool() { return tool; }
	public Instant created() { return created; }

	/** Lists and checksums every file below {@code dir} (except a manifest already there), in path order. */
	public static Manifest of(final Path dir, final String tool, final Instant created, final Map<String, String> renamed)
		throws IOException
	{
		return of(dir, tool, created, renamed, Progress.NONE);
	}

	/** As {@link #of(Path, String, Instant, Map)}, telling {@code progress} of every file checksummed. */
	public static Manifest of(final Path dir, final String tool, final Instant created, final Map<String, String> renamed,
		final Progress progress) throws IOException
	{
		final List<Path> paths;
		try (Stream<Path> s = Files.walk(dir)) {
			paths = s.filter(Files::isRegularFile).filter(p -> !p.equals(dir.resolve(FILE_NAME)))
				.sorted().collect(Collectors.toList());
		}
		final List<Entry> entries = new ArrayList<>(paths.size());
		for (final Path p : paths) {
			entries.add(new Entry(relative(dir, p), Files.size(p), sha256(p)));
			progress.update("Checksums of the package's files", entries.size(), paths.size());
		}
		return new Manifest(tool, created, entries, renamed);
	}

	static String relative(final Path dir, final Path file) {
		return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
	}

	/** The sha256 of a file's bytes, in lower-case hex. */
	public static String sha256(final Path file) throws IOException {
		final MessageDigest md = sha256();
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] buf = new byte[1 << 16];
			int r;
			while ((r = in.read(buf)) > 0)
				md.update(buf, 0, r);
		}
		return hex(md.digest());
	}

	/** The sha256 of a text's UTF-8 bytes, in lower-case hex. */
	public static String sha256(final String text) {
		return hex(sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private static String hex(final byte[] digest) {
		final StringBuilder sb = new StringBuilder(2 * digest.length);
		for (final byte b : digest)
			sb.append(String.format("%02x", b));
		return sb.toString();
	}

	public void write(final Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			MAPPER.writeValue(out, toJson());
		}
	}

	JsonNode toJson() {
		final ObjectNode root = MAPPER.createObjectNode();
		root.put("tool", tool);
		root.put("created", created.toString());
		final ArrayNode list = root.putArray("files");
		for (final Entry e : files)
			list.addObject().put("path", e.path).put("size", e.size).put("sha256", e.sha256);
		if (!renamed.isEmpty()) {
			final ArrayNode r = root.putArray("renamed");
			renamed.forEach((original, path) -> r.addObject().put("original", original).put("path", path));
		}
		if (releaseDateChosen) root.put("releaseDateChosen", true);
		return root;
	}

	/** Reads a manifest; a missing or malformed one fails with the file named. */
	public static Manifest read(final Path file) throws IOException {
		final JsonNode root;
		try {
			root = MAPPER.readTree(file.toFile());
		} catch (final IOException e) {
			throw new IOException(file + ": not a readable manifest (" + e.getMessage() + ")", e);
		}
		final List<Entry> entries = new ArrayList<>();
		for (final JsonNode f : root.path("files")) {
			if (!f.hasNonNull("path") || !f.hasNonNull("sha256"))
				throw new IOException(file + ": a files entry lacks path or sha256");
			entries.add(new Entry(f.get("path").asText(), f.path("size").asLong(-1), f.get("sha256").asText()));
		}
		final Map<String, String> renamed = new LinkedHashMap<>();
		for (final JsonNode r : root.path("renamed"))
			renamed.put(r.path("original").asText(), r.path("path").asText());
		Instant created;
		try {
			created = Instant.parse(root.path("created").asText());
		} catch (final RuntimeException e) {
			throw new IOException(file + ": 'created' is not a timestamp", e);
		}
		return new Manifest(root.path("tool").asText(""), created, entries, renamed, root.path("releaseDateChosen")
			.asBoolean(false));
	}
}
