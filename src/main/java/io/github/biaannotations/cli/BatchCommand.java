package io.github.biaannotations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.batch.BatchExport;
import io.github.biaannotations.batch.BatchReport;
import io.github.biaannotations.batch.BatchRequest;
import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.model.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bia-annotations batch}: a folder of images and their annotations as one package. Exit code 0 when every
 * image was exported, {@value #SOME_FAILED} when some were reported and left out, 1 when no package was written.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
	description = { "Export a whole folder as one package (one study, many files).",
		"Pairs each image img.tif with img.zip, img_RoiSet.zip or img.roi (ROIs) and img_labels.tif or labels/img.tif (label images);",
		"an image with neither is exported from its own overlay. A bad file is reported and left out.",
		"A rerun reuses what was already exported from unchanged files.",
		"Exit code: 0 all exported, " + BatchCommand.SOME_FAILED + " some images left out, 1 nothing written." })
final class BatchCommand implements Callable<Integer> {

	/** Exit code when the package was written without the images that failed. */
	static final int SOME_FAILED = 3;

	@Option(names = "--input", required = true, paramLabel = "DIR", description = "The folder of images and annotations.")
	Path input;

	@Option(names = "--out", required = true, paramLabel = "PACKAGE",
		description = "The package folder (a rerun replaces it; a folder that is not a package is refused).")
	Path out;

	@Option(names = "--metadata", paramLabel = "DIR_OR_FILE", description = "MIFA metadata of the study (the archive's templates or one YAML file).")
	Path metadata;

	@Option(names = "--format", split = ",", paramLabel = "FORMAT", description = "Extra formats besides GeoJSON: coco, csv.")
	List<String> formats = new ArrayList<>();

	@Option(names = "--rois-from-labels", description = "Also write each label image's labels as polygons (GeoJSON).")
	boolean roisFromLabels;

	@Option(names = "--labels-from-rois", paramLabel = "instance|semantic", description = "Also make a label image from each image's ROIs.")
	String labelsFromRois;

	@Option(names = "--zarr-version", paramLabel = "0.4|0.5", defaultValue = "0.5", description = "OME-NGFF version of label images (default 0.5).")
	String zarrVersion;

	@Option(names = "--release-date", paramLabel = "YYYY-MM-DD", description = "Release date (default today).")
	String releaseDate;

	@Option(names = "--draft", description = "Build the package even if required metadata is missing.")
	boolean draft;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final BatchRequest request = BatchRequest.of(input, out).draft(draft).roisFromLabels(roisFromLabels)
			.ngffVersion(NgffVersion.parse(zarrVersion));
		if (labelsFromRois != null) request.labelsFromRois(ExportCommand.labelsMode(labelsFromRois));
		for (final String f : formats)
			request.format(ExportFormat.parse(f));
		if (metadata != null) request.metadata(MifaMetadata.load(metadata));
		if (releaseDate != null) request.releaseDate(ExportCommand.parseDate(releaseDate));
		final BatchReport report = new BatchExport(console::warn, bar(console.progress())).run(request);
		console.endProgress();
		console.flushWarnings();
		console.out(report.table().trim());
		console.out((report.packageUpToDate() ? "Package up to date (nothing changed): " : "Package written: ") +
			report.out() + " (images: " + (report.count(BatchReport.Status.EXPORTED) + report.count(
				BatchReport.Status.DONE_BEFORE)) + " in the package, " + report.count(BatchReport.Status.DONE_BEFORE) +
			" reused from the last run, " + report.count(BatchReport.Status.FAILED) + " failed)");
		return report.hasFailures() ? SOME_FAILED : 0;
	}

	/** Prefixes the progress line with a bar of 20 cells. */
	static Progress bar(final Progress line) {
		return (stage, done, total) -> {
			if (total <= 0) {
				line.update(stage, done, total);
				return;
			}
			final int filled = (int) Math.min(20, 20 * done / total);
			final StringBuilder sb = new StringBuilder("[");
			for (int i = 0; i < 20; i++)
				sb.append(i < filled ? '#' : '.');
			line.update(sb.append("] ").append(stage).toString(), done, total);
		};
	}
}
