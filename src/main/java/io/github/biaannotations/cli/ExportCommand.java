package io.github.biaannotations.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.convert.ExportSummary;
import io.github.biaannotations.convert.ImageSource;
import io.github.biaannotations.imagej.RoiLabels;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.zarr.Compression;
import io.github.biaannotations.submission.ExportRequest;
import io.github.biaannotations.submission.PackageExport;
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

	@Option(names = "--rois-from-labels", description = "Also write each label image's labels as polygons (GeoJSON).")
	boolean roisFromLabels;

	@Option(names = "--labels-from-rois", paramLabel = "instance|semantic",
		description = "Also make a label image from the ROIs: instance (one value per ROI) or semantic (one per group/class).")
	String labelsFromRois;

	@Option(names = "--include-image", description = "Put the image in the package as OME-Zarr; each label image names it as its source.")
	boolean includeImage;

	@Option(names = "--zarr-version", paramLabel = "0.4|0.5", defaultValue = "0.5",
		description = "OME-NGFF version of the OME-Zarr output: 0.5 (Zarr v3, default) or 0.4 (Zarr v2).")
	String zarrVersion;

	@Option(names = "--compression", paramLabel = "CODEC", description = "OME-Zarr codec: zstd (default), zstd:LEVEL, blosc, blosc:lz4:5, none.")
	String compression;

	@Option(names = "--shard", paramLabel = "N", defaultValue = "0",
		description = "Zarr v3 sharding: N chunks per shard along each axis (0.5 only); far fewer files to upload.")
	int shard;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created; must be empty or absent unless --overwrite).")
	Path out;

	@Option(names = "--format", split = ",", paramLabel = "FORMAT",
		description = "Extra formats besides GeoJSON: coco, csv (points). Repeatable or comma separated.")
	List<String> formats = new ArrayList<>();

	@Option(names = "--metadata", paramLabel = "DIR_OR_FILE",
		description = "MIFA metadata in the archive's template form (Study.yaml, Annotations.yaml, Version.yaml).")
	Path metadata;

	@Option(names = "--release-date", paramLabel = "YYYY-MM-DD", description = "Release date (default today, " +
		"in UTC as the archive counts it, which makes the study public as soon as the archive has processed it).")
	String releaseDate;

	@Option(names = "--draft", description = "Build the package even if required metadata is missing.")
	boolean draft;

	@Option(names = "--overwrite", description = "Replace an earlier package in the output folder once the new " +
		"one is complete (never a folder that is not a package, or one holding the inputs).")
	boolean overwrite;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final ExportRequest request = ExportRequest.to(out).image(ImageSource.ofFiles(image, rois, labels))
			.overwrite(overwrite).draft(draft).roisFromLabels(roisFromLabels).includeImage(includeImage)
			.ngffVersion(NgffVersion.parse(zarrVersion)).shardFactor(shard);
		if (compression != null) request.compression(Compression.parse(compression));
		if (labelsFromRois != null) request.labelsFromRois(labelsMode(labelsFromRois));
		for (final String f : formats)
			request.format(ExportFormat.parse(f));
		if (metadata != null) request.metadata(MifaMetadata.load(metadata));
		if (releaseDate != null) request.releaseDate(parseDate(releaseDate));
		final ExportSummary s = new PackageExport(console::warn, console.progress()).export(request);
		console.endProgress();
		console.flushWarnings();
		console.out("Exported " + s);
		for (final String f : s.files())
			console.out("  " + f);
		if (metadata == null && !draft)
			console.out("Annotation files only: add --metadata (MIFA templates; 'bia-annotations metadata init' writes blank ones) for a submission package.");
		return 0;
	}

	static RoiLabels.Mode labelsMode(final String s) {
		return RoiLabels.Mode.parse(s, "--labels-from-rois");
	}

	static LocalDate parseDate(final String s) {
		try {
			return LocalDate.parse(s.trim());
		} catch (final DateTimeParseException e) {
			throw new IllegalArgumentException("--release-date '" + s + "' is not a date of the form YYYY-MM-DD");
		}
	}
}
