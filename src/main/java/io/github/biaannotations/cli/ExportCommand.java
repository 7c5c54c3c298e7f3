package io.github.biaannotations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.convert.ExportSummary;
import io.github.biaannotations.convert.RoiExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bia-annotations export}: an image's ROIs to GeoJSON (and COCO, points CSV) in a package folder. */
@Command(name = "export", mixinStandardHelpOptions = true,
	description = "Export the ROIs of an image to standard formats in an output folder.")
final class ExportCommand implements Callable<Integer> {

	@Option(names = "--image", required = true, paramLabel = "IMG", description = "The annotated image (TIFF).")
	Path image;

	@Option(names = "--rois", paramLabel = "FILE", description = "A .roi, RoiSet.zip or TIFF with an overlay; " +
		"repeatable. Without it, the image's own overlay is exported.")
	List<Path> rois = new ArrayList<>();

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created; must be empty or absent unless --overwrite).")
	Path out;

	@Option(names = "--format", split = ",", paramLabel = "FORMAT",
		description = "Extra formats besides GeoJSON: coco, csv (points). Repeatable or comma separated.")
	List<String> formats = new ArrayList<>();

	@Option(names = "--overwrite", description = "Replace an existing output folder once the new one is complete.")
	boolean overwrite;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final Set<ExportFormat> extra = EnumSet.noneOf(ExportFormat.class);
		for (final String f : formats)
			extra.add(ExportFormat.parse(f));
		final ExportSummary s = new RoiExport(console::warn, console.progress()).export(image, rois, out, extra, overwrite);
		console.endProgress();
		console.flushWarnings();
		console.out("Exported " + s);
		for (final String f : s.files())
			console.out("  " + f);
		return 0;
	}
}
