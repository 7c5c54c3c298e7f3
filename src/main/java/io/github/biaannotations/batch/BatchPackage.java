package io.github.biaannotations.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.github.biaannotations.metadata.FileLevelMetadata;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.model.AtomicDirectory;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.submission.Manifest;
import io.github.biaannotations.submission.PackageLayout;
import io.github.biaannotations.submission.SubmissionFiles;

/**
 * Assembles the batch's package from its parts: their annotation files and file-level rows, then, with study
 * metadata, {@code mifa/}, {@code annotations.tsv} and {@code submission.json} as the single-image export
 * writes them, and the manifest. Written into a temporary sibling and moved into place when complete.
 */
final class BatchPackage {

	static final String RECORD = "batch-package.txt";

	private final Path out;
	private final Path work;
	private final List<BatchPart> parts;
	private final MifaMetadata metadata;
	private final BatchRequest request;
	private final LocalDate today;
	private final Instant now;
	private final Progress progress;

	BatchPackage(final Path out, final Path work, final List<BatchPart> parts, final MifaMetadata metadata,
		final BatchRequest request, final LocalDate today, final Instant now, final Progress progress)
	{
		this.out = out;
		this.work = work;
		this.parts = parts;
		this.metadata = metadata;
		this.request = request;
		this.today = today;
		this.now = now;
		this.progress = progress;
	}

	/**
	 * Writes the package unless the one in place was made from the same parts and metadata.
	 *
	 * @return whether it was written
	 */
	boolean writeIfChanged() throws IOException {
		final String fp = fingerprint();
		final Path record = work.resolve(RECORD);
		if (Files.isRegularFile(out.resolve(Manifest.FILE_NAME)) && Files.isRegularFile(record) &&
			fp.equals(new String(Files.readAllBytes(record), StandardCharsets.UTF_8).trim())) return false;
		write();
		Files.createDirectories(work);
		Files.write(record, fp.getBytes(StandardCharsets.UTF_8));
		return true;
	}

	/** Parts (in order) and everything the user gave for the study. */
	private String fingerprint() {
		final StringBuilder sb = new StringBuilder("v1\n");
		for (final BatchPart p : parts)
			sb.append(p.dir.getFileName()).append('\t').append(p.fingerprint).append('\n');
		final MifaMetadata given = request.metadata();
		final boolean draft = request.options().draft();
		sb.append(given == null ? "-" : given.toCombinedYaml()).append('\n').append(request.options().releaseDate())
			.append('\n').append(draft).append('\n').append(draft ? today : "");
		return Manifest.sha256(sb.toString());
	}

	private void write() throws IOException {
		try (AtomicDirectory dir = new AtomicDirectory(out, true)) {
			final List<FileLevelMetadata> rows = new ArrayList<>();
			final List<String> images = new ArrayList<>();
			for (final BatchPart p : parts) {
				copyTree(p.dir.resolve(PackageLayout.ANNOTATIONS_DIR), dir.path().resolve(PackageLayout.ANNOTATIONS_DIR));
				// the image as OME-Zarr, when included, as a single export names it
				final String image = PackageLayout.image(p.dir.getFileName().toString());
				if (Files.isDirectory(p.dir.resolve(image))) {
					copyTree(p.dir.resolve(image), dir.path().resolve(image));
					images.add(image);
				}
				rows.addAll(MifaMetadata.load(p.dir.resolve(PackageLayout.MIFA_DIR)).annotations().files());
			}
			if (metadata != null) SubmissionFiles.write(metadata.copy(), rows, images, dir.path(), today);
			Manifest.of(dir.path(), PackageLayout.TOOL, now, Collections.emptyMap(), progress)
				.withReleaseDateChosen(metadata != null && metadata.releaseDate() != null)
				.write(dir.path().resolve(PackageLayout.MANIFEST));
			dir.commit();
		}
	}

	private static void copyTree(final Path from, final Path to) throws IOException {
		if (!Files.isDirectory(from)) return;
		try (Stream<Path> s = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}
}
