package io.github.biaannotations.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.imagej.RoiLabels;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.ngff.NgffVersion;

/**
 * A batch export: every image of a folder, paired with its annotations by {@link BatchPairing}'s name rules,
 * into one package (one study, many files). Built with {@link #of(Path, Path)}.
 */
public final class BatchRequest {

	private final Path input;
	private final Path out;
	private final Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
	private MifaMetadata metadata;
	private boolean draft;
	private LocalDate releaseDate;
	private boolean roisFromLabels;
	private NgffVersion ngffVersion = NgffVersion.V0_5;
	private RoiLabels.Mode labelsFromRois;

	private BatchRequest(final Path input, final Path out) {
		this.input = Objects.requireNonNull(input, "input folder");
		this.out = Objects.requireNonNull(out, "output folder");
	}

	/**
	 * @param input the folder of images and annotations
	 * @param out the package folder; a batch owns it: a rerun replaces it (only when it is a package)
	 */
	public static BatchRequest of(final Path input, final Path out) {
		return new BatchRequest(input, out);
	}

	public BatchRequest format(final ExportFormat f) { formats.add(f); return this; }
	/** MIFA metadata of the study; without it the package holds the annotation files and manifest only. */
	public BatchRequest metadata(final MifaMetadata v) { metadata = v; return this; }
	/** Build the package even when required metadata is missing. */
	public BatchRequest draft(final boolean v) { draft = v; return this; }
	public BatchRequest releaseDate(final LocalDate v) { releaseDate = v; return this; }
	/** Write label images as polygons (GeoJSON); on by default (label OME-Zarr is not written yet). */
	public BatchRequest roisFromLabels(final boolean v) { roisFromLabels = v; return this; }
	public BatchRequest ngffVersion(final NgffVersion v) { ngffVersion = java.util.Objects.requireNonNull(v); return this; }
	/** Also make a label image from each image's ROIs; null for none. */
	public BatchRequest labelsFromRois(final RoiLabels.Mode v) { labelsFromRois = v; return this; }

	public Path input() { return input; }
	public Path out() { return out; }
	public Set<ExportFormat> formats() { return Collections.unmodifiableSet(formats); }
	public MifaMetadata metadata() { return metadata; }
	public boolean draft() { return draft; }
	public LocalDate releaseDate() { return releaseDate; }
	public boolean roisFromLabels() { return roisFromLabels; }
	public NgffVersion ngffVersion() { return ngffVersion; }
	public RoiLabels.Mode labelsFromRois() { return labelsFromRois; }

	/** What decides each image's exported files besides its inputs: a rerun redoes an image when this changes. */
	String partOptions() {
		return new java.util.TreeSet<>(formats) + "\n" + roisFromLabels + "\n" + ngffVersion + "\n" + labelsFromRois;
	}
}
