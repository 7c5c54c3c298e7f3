package io.github.biaannotations.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.biaannotations.batch.BatchExport;
import io.github.biaannotations.batch.BatchReport;
import io.github.biaannotations.batch.BatchRequest;
import io.github.biaannotations.export.ExportOptions;
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

	@Mixin
	ExportOptionsMixin options;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final ExportOptions o = options.options(false);
		final BatchRequest request = BatchRequest.of(input, out).metadata(options.metadata()).options(o);
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
