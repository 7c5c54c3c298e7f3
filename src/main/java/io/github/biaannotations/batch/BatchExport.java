package io.github.biaannotations.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.ExportSummary;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.model.Errors;
import io.github.biaannotations.model.Folders;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.submission.OutputFolder;
import io.github.biaannotations.submission.PackageMetadata;

/**
 * Exports a folder as one package. Each image is exported on its own into a part kept beside the package (in
 * {@code .<package>.batch/}); an image that fails is reported and left out while the others go on; a rerun
 * reuses the parts whose inputs did not change, then assembles the package from the parts atomically. The
 * study metadata is checked before any image is read.
 */
public final class BatchExport {

	private final Consumer<String> warnings;
	private final Progress progress;

	public BatchExport(final Consumer<String> warnings, final Progress progress) {
		this.warnings = warnings;
		this.progress = progress;
	}

	public BatchReport run(final BatchRequest request) throws IOException {
		return run(request, ReleaseDates.today(), Instant.now());
	}

	/**
	 * As {@link #run(BatchRequest)} with the clock given (tests).
	 *
	 * @throws IOException when the package cannot be written at all: no image could be exported, the output
	 *           folder is something else than a package, the metadata is invalid
	 */
	public BatchReport run(final BatchRequest request, final LocalDate today, final Instant now) throws IOException {
		final Path out = request.out().toAbsolutePath().normalize();
		OutputFolder.checkReplaceable(out, List.of(request.input())); // a rerun replaces its own package only
		final MifaMetadata metadata = checkedMetadata(request, today, now);
		final BatchPairing pairing = BatchPairing.scan(request.input());
		if (pairing.items().isEmpty()) throw new IOException(request.input() +
			": no images (.tif, .tiff, .ome.tif) to export in this folder");
		final Path work = out.resolveSibling("." + out.getFileName() + ".batch");
		final BatchReport report = new BatchReport(out);
		report.unmatched(pairing.unmatched());
		for (final Path p : pairing.unmatched())
			warnings.accept(p + ": pairs with no image; not exported");
		final List<BatchPart> parts = new ArrayList<>();
		final Map<String, Path> bases = new HashMap<>();
		final int n = pairing.items().size();
		for (int i = 0; i < n; i++) {
			final BatchItem item = pairing.items().get(i);
			final String name = item.image().getFileName().toString();
			progress.update("Batch export " + (i + 1) + "/" + n + ": " + name, i, n);
			final String base = ArchivePaths.safeName(ImageFiles.baseName(item.image()));
			final Path clash = bases.putIfAbsent(base, item.image());
			if (clash != null) {
				report.add(failed(name, "its files would be named '" + base + "' like those of " + clash.getFileName() +
					"; rename one of the two"));
				continue;
			}
			try {
				final String stage = "Batch export " + (i + 1) + "/" + n + ": " + name;
				final int done = i;
				// an image's own steps (its label OME-Zarr plane by plane ...) show on the batch's line
				final Progress inner = (step, d, total) -> progress.update(stage + ": " + step + (total > 0 ? " " + d +
					"/" + total : ""), done, n);
				final BatchPart part = exportOrReuse(item, work.resolve("parts").resolve(base), request, now, inner);
				parts.add(part);
				report.add(new BatchReport.Row(name, part.reused ? BatchReport.Status.DONE_BEFORE :
					BatchReport.Status.EXPORTED, part.rois, part.annotations, part.warnings, null));
			}
			catch (final IOException | RuntimeException e) {
				report.add(failed(name, Errors.oneLine(e)));
			}
		}
		pruneParts(work.resolve("parts"), bases.keySet());
		progress.update("Batch export: assembling the package", n, n);
		if (parts.isEmpty()) throw new IOException("no image of " + request.input() + " could be exported; " +
			"the package was not written:\n" + report.table());
		final BatchPackage pkg = new BatchPackage(out, work, parts, metadata, request, today, now, progress);
		report.packageUpToDate(!pkg.writeIfChanged());
		return report;
	}

	/** The item's part: reused when its inputs did not change, else exported now. */
	private BatchPart exportOrReuse(final BatchItem item, final Path dir, final BatchRequest r, final Instant now,
		final Progress progress) throws IOException
	{
		final String fp = BatchPart.fingerprint(item, r.options().filesFingerprint());
		final BatchPart old = BatchPart.reusable(dir, fp);
		if (old != null) return old;
		final BatchPart part = new BatchPart(dir, fp);
		// the part is the image's files as a single export writes them: the same options, the part replaced
		final ExportRequest er = ExportRequest.to(dir).options(r.options().toBuilder().overwrite(true).build())
			.image(AnnotatedImage.ofFiles(item.image(), item.roiFiles(), item.labelFiles()));
		final ExportSummary s = new PackageExport(warnings, progress).exportFiles(er, now);
		part.rois = s.rois();
		part.annotations = s.annotations();
		part.warnings = s.warnings();
		part.writeRecord(item.inputs());
		return part;
	}

	/** Drops the kept parts of images no longer in the folder. */
	private static void pruneParts(final Path parts, final java.util.Set<String> current) throws IOException {
		if (!Files.isDirectory(parts)) return;
		final List<Path> stale = new ArrayList<>();
		try (java.util.stream.Stream<Path> s = Files.list(parts)) {
			s.filter(p -> !current.contains(p.getFileName().toString())).forEach(stale::add);
		}
		for (final Path dir : stale)
			Folders.deleteTree(dir);
	}

	private static BatchReport.Row failed(final String image, final String message) {
		return new BatchReport.Row(image, BatchReport.Status.FAILED, 0, 0, 0, message);
	}

	/** The study metadata with export defaults, validated (unless draft) before any image is read. */
	private MifaMetadata checkedMetadata(final BatchRequest r, final LocalDate today, final Instant now)
		throws IOException
	{
		return PackageMetadata.checked(r.metadata(), r.options().draft(), r.options().releaseDate(), today, now,
			warnings);
	}
}
