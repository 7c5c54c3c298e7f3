package io.github.biaannotations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.ExportSummary;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.metadata.MifaMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bia-annotations export}: an image's annotations to standard formats and, with metadata, a submission package. */
@Command(name = "export", mixinStandardHelpOptions = true,
	description = { "Export the annotations of an image to standard formats in an output folder.",
		"With --metadata (or --draft) the folder is a complete submission package: submission.json, mifa/, annotations.tsv." })
final class ExportCommand implements Callable<Integer> {

	@Option(names = "--image", required = true, paramLabel = "IMG", description = "The annotated image (TIFF).")
	Path image;

	@Option(names = "--rois", paramLabel = "FILE", description = "A .roi, RoiSet.zip or TIFF with an overlay; " +
		"repeatable. Without --rois and --labels, the image's own overlay is exported.")
	List<Path> rois = new ArrayList<>();

	@Option(names = "--labels", paramLabel = "LABELS", description = "A label image (TIFF) of the image; repeatable.")
	List<Path> labels = new ArrayList<>();

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created; must be empty or absent unless --overwrite).")
	Path out;

	@Option(names = "--overwrite", description = "Replace an earlier package in the output folder once the new " +
		"one is complete (never a folder that is not a package, or one holding the inputs).")
	boolean overwrite;

	@Mixin
	ExportOptionsMixin options;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final ExportOptions o = options.options(overwrite);
		final MifaMetadata metadata = options.metadata();
		final ExportRequest request = ExportRequest.to(out).image(AnnotatedImage.ofFiles(image, rois, labels))
			.metadata(metadata).options(o);
		final ExportSummary s = new PackageExport(console::warn, console.progress()).export(request);
		console.endProgress();
		console.flushWarnings();
		console.out("Exported " + s);
		for (final String f : s.files())
			console.out("  " + f);
		if (metadata == null && !request.options().draft())
			console.out("Annotation files only: add --metadata (MIFA templates; 'bia-annotations metadata init' writes blank ones) for a submission package.");
		return 0;
	}
}
