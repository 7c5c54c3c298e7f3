package io.github.biaannotations.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.metadata.MifaMetadata;

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

	public Path input() { return input; }
	public Path out() { return out; }
	public Set<ExportFormat> formats() { return Collections.unmodifiableSet(formats); }
	public MifaMetadata metadata() { return metadata; }
	public boolean draft() { return draft; }
	public LocalDate releaseDate() { return releaseDate; }
	public boolean roisFromLabels() { return roisFromLabels; }
}
