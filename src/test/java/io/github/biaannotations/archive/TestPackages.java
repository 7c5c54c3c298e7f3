package io.github.biaannotations.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Builds small submission packages for tests: a PageTab {@code submission.json} in the shape of the archive's
 * real BioImages submissions (Study, Author, organisation, Annotation with a TSV file list), the file list and
 * the annotation files it names.
 */
public final class TestPackages {

	private TestPackages() {}

	/** Today as the archive counts it (UTC): a release date that makes a study public at once. */
	public static String today() {
		return LocalDate.now(ZoneOffset.UTC).toString();
	}

	/** A release date the server accepts (a month from today). */
	public static String futureDate() {
		return LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString();
	}

	/**
	 * Writes a package with {@code files} annotation files of {@code bytes} random bytes each under
	 * {@code annotations/}, listed in {@code annotations.tsv}.
	 */
	public static Path write(final Path dir, final String title, final int files, final int bytes, final long seed)
		throws IOException
	{
		return write(dir, title, files, bytes, seed, futureDate());
	}

	/** As {@link #write(Path, String, int, int, long)} with the PageTab's release date. */
	public static Path write(final Path dir, final String title, final int files, final int bytes, final long seed,
		final String releaseDate) throws IOException
	{
		Files.createDirectories(dir.resolve("annotations"));
		final StringBuilder tsv = new StringBuilder("Files\tannotation_type\tsource_image\n");
		final Random random = new Random(seed);
		for (int i = 0; i < files; i++) {
			final String name = String.format("annotations/image_%03d.geojson", i);
			final byte[] data = new byte[bytes];
			random.nextBytes(data);
			Files.write(dir.resolve(name), data);
			tsv.append(name).append("\tgeometrical_annotations\t").append(String.format("image_%03d.tif", i)).append(
				'\n');
		}
		Files.write(dir.resolve("annotations.tsv"), tsv.toString().getBytes(StandardCharsets.UTF_8));
		Files.write(dir.resolve("submission.json"), pageTab(title, releaseDate, "annotations.tsv").getBytes(
			StandardCharsets.UTF_8));
		return dir;
	}

	/** PageTab JSON of a study with one Annotation section whose file list is {@code fileList}. */
	/**
	 * Writes a package that validate passes, as export would: {@code files} GeoJSON files of about {@code bytes}
	 * bytes each, the file list, the PageTab, MIFA templates and the manifest.
	 */
	public static Path writeValid(final Path dir, final String title, final int files, final int bytes,
		final long seed) throws IOException
	{
		return writeValid(dir, title, files, bytes, seed, futureDate(), false);
	}

	/**
	 * As {@link #writeValid(Path, String, int, int, long)} with the release date, and whether the manifest says
	 * that the user chose it at export.
	 */
	public static Path writeValid(final Path dir, final String title, final int files, final int bytes,
		final long seed, final String releaseDate, final boolean chosen) throws IOException
	{
		write(dir, title, files, bytes, seed, releaseDate);
		final Random random = new Random(seed);
		for (int i = 0; i < files; i++) {
			final String head = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":" +
				"{\"type\":\"Point\",\"coordinates\":[" + random.nextInt(100) + "," + random.nextInt(100) + "]}," +
				"\"properties\":{\"name\":\"point " + i + "\",\"note\":\"";
			final String tail = "\"}}]}";
			final StringBuilder padding = new StringBuilder();
			while (head.length() + padding.length() + tail.length() < bytes)
				padding.append((char) ('a' + random.nextInt(26)));
			Files.write(dir.resolve(String.format("annotations/image_%03d.geojson", i)), (head + padding + tail)
				.getBytes(StandardCharsets.UTF_8));
		}
		final io.github.biaannotations.metadata.MifaMetadata metadata = io.github.biaannotations.demo.DemoMetadata.create();
		metadata.annotations().types().add("geometrical_annotations"); // as export derives it from the files
		metadata.writeTemplates(dir.resolve("mifa"));
		io.github.biaannotations.submission.Manifest.of(dir, "bia-annotations", java.time.Instant.now(), java.util.Map
			.of()).withReleaseDateChosen(chosen).write(dir.resolve(io.github.biaannotations.submission.Manifest.FILE_NAME));
		final java.util.List<io.github.biaannotations.submission.PackageProblem> problems =
			io.github.biaannotations.submission.PackageValidator.validate(dir);
		if (problems.stream().anyMatch(io.github.biaannotations.submission.PackageProblem::isError))
			throw new IllegalStateException("test package not valid: " + problems);
		return dir;
	}

	public static String pageTab(final String title, final String releaseDate, final String fileList) {
		return "{\"attributes\":[{\"name\":\"Template\",\"value\":\"BioImages.MIFA.v1\"}," +
			"{\"name\":\"Title\",\"value\":\"" + title + "\"}," + (releaseDate == null ? ""
				: "{\"name\":\"ReleaseDate\",\"value\":\"" + releaseDate + "\"},") +
			"{\"name\":\"AttachTo\",\"value\":\"BioImages\"}]," +
			"\"section\":{\"type\":\"Study\",\"attributes\":[{\"name\":\"Title\",\"value\":\"" + title + "\"}," +
			"{\"name\":\"Description\",\"value\":\"Test annotations\"},{\"name\":\"License\",\"value\":\"CC0\"}]," +
			"\"subsections\":[{\"type\":\"Author\",\"attributes\":[{\"name\":\"Name\",\"value\":\"Ada Test\"}," +
			"{\"name\":\"affiliation\",\"value\":\"o1\",\"reference\":true}]}," +
			"{\"accno\":\"o1\",\"type\":\"organisation\",\"attributes\":[{\"name\":\"Name\",\"value\":\"Test Lab\"}]}," +
			"{\"accno\":\"Annotation-1\",\"type\":\"Annotation\",\"attributes\":[" +
			"{\"name\":\"Title\",\"value\":\"Outlines\"},{\"name\":\"Annotation Overview\",\"value\":\"Nuclei\"}," +
			"{\"name\":\"Annotation Type\",\"value\":\"geometrical_annotations\"}," +
			"{\"name\":\"Annotation Method\",\"value\":\"Drawn in Fiji\"}," +
			"{\"name\":\"File List\",\"value\":\"" + fileList + "\"}]}]}," + "\"type\":\"submission\"}";
	}

	public static String sha256(final Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance(
			"SHA-256")))
		{
			final byte[] buf = new byte[65536];
			while (in.read(buf) >= 0) {
				// digesting
			}
			final byte[] d = ((DigestInputStream) in).getMessageDigest().digest();
			final StringBuilder sb = new StringBuilder();
			for (final byte b : d) {
				sb.append(String.format("%02x", b));
			}
			return sb.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
