package io.github.biaannotations.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.formats.AnnotationFormat;
import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.metadata.MifaMetadata;
import picocli.CommandLine.Option;

/**
 * The export options {@code export} and {@code batch} share, declared once: what files are written and how,
 * and the study's metadata and release date. Values are parsed by {@link ExportOptions.Builder}, so a bad one
 * is reported as the other errors are, naming the option.
 */
final class ExportOptionsMixin {

	@Option(names = "--format", split = ",", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
		description = "Extra formats besides GeoJSON: ${COMPLETION-CANDIDATES}. Repeatable or comma separated.")
	List<String> formats = new ArrayList<>();

	/** The names of the formats written on request, for {@code --format}'s help. */
	static final class FormatNames implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			final List<String> names = new ArrayList<>();
			for (final AnnotationFormat f : AnnotationFormats.optional())
				names.add(f.name());
			return names.iterator();
		}
	}

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

	@Option(names = "--compression", paramLabel = "CODEC", defaultValue = "zstd",
		description = "OME-Zarr codec: zstd (default), zstd:LEVEL, blosc, blosc:lz4:5, none.")
	String compression;

	@Option(names = "--shard", paramLabel = "N", defaultValue = "0",
		description = "Zarr v3 sharding: N chunks per shard along each axis (0.5 only); far fewer files to upload.")
	int shard;

	@Option(names = "--metadata", paramLabel = "DIR_OR_FILE",
		description = "MIFA metadata in the archive's template form (Study.yaml, Annotations.yaml, Version.yaml) or one YAML file.")
	Path metadata;

	@Option(names = "--release-date", paramLabel = "YYYY-MM-DD", description = "Release date (default today, " +
		"in UTC as the archive counts it, which makes the study public as soon as the archive has processed it).")
	String releaseDate;

	@Option(names = "--draft", description = "Build the package even if required metadata is missing.")
	boolean draft;

	/** The options given; {@code overwrite} is the command's own (batch always replaces its package). */
	ExportOptions options(final boolean overwrite) {
		final ExportOptions.Builder b = ExportOptions.builder().roisFromLabels(roisFromLabels).includeImage(
			includeImage).ngffVersion(zarrVersion).compression(compression).shardFactor(shard).draft(draft).overwrite(
				overwrite);
		for (final String f : formats)
			b.format(f);
		if (labelsFromRois != null) b.labelsFromRois(labelsFromRois);
		if (releaseDate != null) b.releaseDate(releaseDate);
		return b.build();
	}

	/** The metadata given, read; null without {@code --metadata}. */
	MifaMetadata metadata() throws IOException {
		return metadata == null ? null : MifaMetadata.load(metadata);
	}
}
