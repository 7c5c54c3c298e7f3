package io.github.biaannotations.submission;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.convert.ImageSource;
import io.github.biaannotations.imagej.RoiLabels;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.ngff.OmeZarrOptions;
import io.github.biaannotations.zarr.Compression;

/**
 * Everything one export needs: the images with their annotations, where the package goes, the formats, and
 * the MIFA metadata. Built with {@link #to(Path)}; the Fiji commands, the scripting service and the CLI all
 * fill one and hand it to {@link PackageExport}.
 */
public final class ExportRequest {

	private final Path out;
	private final List<ImageSource> images = new ArrayList<>();
	private final Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
	private boolean overwrite;
	private MifaMetadata metadata;
	private boolean draft;
	private LocalDate releaseDate;
	private boolean roisFromLabels;
	private NgffVersion ngffVersion = NgffVersion.V0_5;
	private boolean includeImage;
	private RoiLabels.Mode labelsFromRois;
	private Compression compression;
	private int shardFactor;

	private ExportRequest(final Path out) {
		this.out = Objects.requireNonNull(out, "output folder");
	}

	/** A request to write a package into {@code out} (created; must be empty or absent unless overwriting). */
	public static ExportRequest to(final Path out) {
		return new ExportRequest(out);
	}

	public ExportRequest image(final ImageSource source) { images.add(source); return this; }
	public ExportRequest format(final ExportFormat f) { formats.add(f); return this; }
	public ExportRequest formats(final Set<ExportFormat> f) { formats.addAll(f); return this; }
	public ExportRequest overwrite(final boolean v) { overwrite = v; return this; }
	/** MIFA metadata; without it the package holds the annotation files and manifest only. */
	public ExportRequest metadata(final MifaMetadata v) { metadata = v; return this; }
	/** Build the package even when required metadata is missing (it cannot be submitted as it is). */
	public ExportRequest draft(final boolean v) { draft = v; return this; }
	public ExportRequest releaseDate(final LocalDate v) { releaseDate = v; return this; }
	/** Also write label images as polygons (GeoJSON), one feature per label per plane. */
	public ExportRequest roisFromLabels(final boolean v) { roisFromLabels = v; return this; }
	/** OME-NGFF version of label images (0.5 on Zarr v3 by default, 0.4 on Zarr v2). */
	public ExportRequest ngffVersion(final NgffVersion v) { ngffVersion = Objects.requireNonNull(v); return this; }
	/** Put the source images in the package as OME-Zarr ({@code images/}); each label image names its image as its source. */
	public ExportRequest includeImage(final boolean v) { includeImage = v; return this; }
	/** Also make a label image from the ROIs (instance: one value per ROI; semantic: per class); null for none. */
	public ExportRequest labelsFromRois(final RoiLabels.Mode v) { labelsFromRois = v; return this; }
	/** Codec of the OME-Zarr arrays (default zstd). */
	public ExportRequest compression(final Compression v) { compression = v; return this; }
	/** Zarr v3 sharding: this many chunks per shard along each axis (0: none); far fewer files to upload. */
	public ExportRequest shardFactor(final int v) { shardFactor = v; return this; }

	public Path out() { return out; }
	public List<ImageSource> images() { return Collections.unmodifiableList(images); }
	public Set<ExportFormat> formats() { return Collections.unmodifiableSet(formats); }
	public boolean overwrite() { return overwrite; }
	public MifaMetadata metadata() { return metadata; }
	public boolean draft() { return draft; }
	public LocalDate releaseDate() { return releaseDate; }
	public boolean roisFromLabels() { return roisFromLabels; }
	public NgffVersion ngffVersion() { return ngffVersion; }
	public boolean includeImage() { return includeImage; }
	public RoiLabels.Mode labelsFromRois() { return labelsFromRois; }

	/** The OME-Zarr writer options this request asks for. */
	public OmeZarrOptions zarrOptions() {
		OmeZarrOptions o = OmeZarrOptions.defaults().withVersion(ngffVersion).withSharding(shardFactor);
		if (compression != null) o = o.withCompression(compression);
		return o;
	}
}
