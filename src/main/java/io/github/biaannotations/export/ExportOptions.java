package io.github.biaannotations.export;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.biaannotations.formats.AnnotationFormat;
import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.labels.LabelMode;
import io.github.biaannotations.metadata.ReleaseDates;
import io.github.biaannotations.model.OptionException;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.ngff.OmeZarrOptions;
import io.github.biaannotations.zarr.Compression;

/**
 * How an export writes its files, whoever asks for it: the command line's {@code export} and {@code batch},
 * Fiji's Export Annotations..., the scripting service. Immutable; made by a {@link Builder}, which parses and
 * checks every option in one place, naming the option as the front end's users give it ({@link OptionSyntax}).
 */
public final class ExportOptions {

	private static final ExportOptions DEFAULTS = builder().build();

	private final List<AnnotationFormat> formats;
	private final boolean roisFromLabels;
	private final LabelMode labelsFromRois;
	private final boolean includeImage;
	private final NgffVersion ngffVersion;
	private final Compression compression;
	private final int shardFactor;
	private final LocalDate releaseDate;
	private final boolean draft;
	private final boolean overwrite;

	private ExportOptions(final Builder b) {
		formats = AnnotationFormats.inOrder(b.formats);
		roisFromLabels = b.roisFromLabels;
		labelsFromRois = b.labelsFromRois;
		includeImage = b.includeImage;
		ngffVersion = b.ngffVersion;
		compression = b.compression;
		shardFactor = b.shardFactor;
		releaseDate = b.releaseDate;
		draft = b.draft;
		overwrite = b.overwrite;
	}

	/** GeoJSON only, no label options, OME-NGFF 0.5 with zstd, no sharding, no release date, no draft. */
	public static ExportOptions defaults() {
		return DEFAULTS;
	}

	/** A builder whose messages name the options as the command line does. */
	public static Builder builder() {
		return new Builder(OptionSyntax.CLI);
	}

	/** A builder whose messages name the options as {@code syntax} does. */
	public static Builder builder(final OptionSyntax syntax) {
		return new Builder(syntax);
	}

	/** A builder holding these options, to change some of them. */
	public Builder toBuilder() {
		final Builder b = new Builder(OptionSyntax.CLI);
		b.formats.addAll(formats);
		b.roisFromLabels = roisFromLabels;
		b.labelsFromRois = labelsFromRois;
		b.includeImage = includeImage;
		b.ngffVersion = ngffVersion;
		b.compression = compression;
		b.shardFactor = shardFactor;
		b.releaseDate = releaseDate;
		b.draft = draft;
		b.overwrite = overwrite;
		return b;
	}

	/** The formats asked for besides those always written (GeoJSON), in file-list order. */
	public List<AnnotationFormat> formats() { return formats; }

	/** Every format written: those always written and those asked for, in file-list order. */
	public List<AnnotationFormat> formatsWritten() {
		final Set<AnnotationFormat> all = new LinkedHashSet<>(formats);
		for (final AnnotationFormat f : AnnotationFormats.all())
			if (f.always()) all.add(f);
		return AnnotationFormats.inOrder(all);
	}
	/** Whether label images are also written as polygons (GeoJSON), one feature per label per plane. */
	public boolean roisFromLabels() { return roisFromLabels; }
	/** The label image made from the ROIs (one value per ROI, or per class), or null for none. */
	public LabelMode labelsFromRois() { return labelsFromRois; }
	/** Whether the image goes into the package as OME-Zarr; each label image then names it as its source. */
	public boolean includeImage() { return includeImage; }
	/** OME-NGFF version of the OME-Zarr output: 0.5 (Zarr v3) or 0.4 (Zarr v2). */
	public NgffVersion ngffVersion() { return ngffVersion; }
	/** Codec of the OME-Zarr arrays; zstd by default. */
	public Compression compression() { return compression; }
	/** Zarr v3 sharding: chunks per shard along each axis; 0 for none. */
	public int shardFactor() { return shardFactor; }
	/** The release date given, or null for the default (today, in UTC). */
	public LocalDate releaseDate() { return releaseDate; }
	/** Whether the package is written even when required metadata is missing. */
	public boolean draft() { return draft; }
	/** Whether an earlier package in the output folder may be replaced once the new one is complete. */
	public boolean overwrite() { return overwrite; }

	/** The OME-Zarr writer options these options ask for. */
	public OmeZarrOptions zarrOptions() {
		return OmeZarrOptions.defaults().withVersion(ngffVersion).withSharding(shardFactor).withCompression(compression);
	}

	/**
	 * What decides the files written for an image besides its inputs, as text: the formats and the label and
	 * OME-Zarr options (not the study's release date, draft or overwrite). A batch rerun exports an image again
	 * when this changes.
	 */
	public String filesFingerprint() {
		final StringBuilder names = new StringBuilder();
		for (final AnnotationFormat f : formats)
			names.append(names.length() == 0 ? "" : ",").append(f.name());
		return "v2\n" + names + "\n" + roisFromLabels + "\n" + labelsFromRois + "\n" + includeImage +
			"\n" + ngffVersion + "\n" + compression + "\n" + shardFactor;
	}

	/**
	 * Collects the options; the methods taking text parse it (each option in one place) and throw an
	 * {@link OptionException}, naming the option as the front end gives it, when it is not a value it takes.
	 */
	public static final class Builder {

		private final OptionSyntax syntax;
		private final Set<AnnotationFormat> formats = new LinkedHashSet<>();
		private boolean roisFromLabels;
		private LabelMode labelsFromRois;
		private boolean includeImage;
		private NgffVersion ngffVersion = NgffVersion.V0_5;
		private Compression compression = Compression.zstd();
		private int shardFactor;
		private LocalDate releaseDate;
		private boolean draft;
		private boolean overwrite;

		private Builder(final OptionSyntax syntax) {
			this.syntax = syntax;
		}

		/** A format to write besides those always written (asking for one of those changes nothing). */
		public Builder format(final AnnotationFormat f) {
			if (!f.always()) formats.add(f);
			return this;
		}

		public Builder formats(final Collection<AnnotationFormat> fs) {
			for (final AnnotationFormat f : fs)
				format(f);
			return this;
		}

		/** A format by the name users type ({@link AnnotationFormats#byName}): geojson, coco, csv. */
		public Builder format(final String name) {
			return format(AnnotationFormats.byName(name).orElseThrow(() -> new OptionException(syntax.of("format"),
				syntax.of("format") + " '" + name + "': expected " + AnnotationFormats.names(AnnotationFormats.all()))));
		}

		public Builder roisFromLabels(final boolean v) {
			roisFromLabels = v;
			return this;
		}

		/** The label image to make from the ROIs; null for none. */
		public Builder labelsFromRois(final LabelMode v) {
			labelsFromRois = v;
			return this;
		}

		/** {@code instance}, {@code semantic} or {@code none}, in any case. */
		public Builder labelsFromRois(final String text) {
			final String t = text == null ? "" : text.trim();
			if (t.equalsIgnoreCase("none")) return labelsFromRois((LabelMode) null);
			for (final LabelMode m : LabelMode.values())
				if (m.text().equalsIgnoreCase(t)) return labelsFromRois(m);
			throw new OptionException(syntax.of("labels-from-rois"), syntax.of("labels-from-rois") + " '" + text +
				"': expected instance or semantic (or none)");
		}

		public Builder includeImage(final boolean v) {
			includeImage = v;
			return this;
		}

		public Builder ngffVersion(final NgffVersion v) {
			ngffVersion = java.util.Objects.requireNonNull(v, "OME-NGFF version");
			return this;
		}

		/** {@code 0.4} or {@code 0.5}. */
		public Builder ngffVersion(final String text) {
			for (final NgffVersion v : NgffVersion.values())
				if (text != null && v.text().equals(text.trim())) return ngffVersion(v);
			throw new OptionException(syntax.of("zarr-version"), syntax.of("zarr-version") + " '" + text +
				"': the OME-NGFF version must be 0.4 or 0.5");
		}

		public Builder compression(final Compression c) {
			compression = java.util.Objects.requireNonNull(c, "compression");
			return this;
		}

		/** A codec as users type it: zstd, zstd:LEVEL, blosc, blosc:lz4:5, none. */
		public Builder compression(final String text) {
			try {
				return compression(Compression.parse(text == null ? "" : text));
			}
			catch (final IllegalArgumentException e) {
				throw new OptionException(syntax.of("compression"), syntax.of("compression") + ": " + e.getMessage(), e);
			}
		}

		/** Chunks per shard along each axis (Zarr v3, OME-NGFF 0.5); 0 for no sharding. */
		public Builder shardFactor(final int n) {
			shardFactor = n;
			return this;
		}

		/** The release date; null for the default (today, in UTC). */
		public Builder releaseDate(final LocalDate v) {
			releaseDate = v;
			return this;
		}

		/** {@code YYYY-MM-DD}. */
		public Builder releaseDate(final String text) {
			return releaseDate(ReleaseDates.parse(text == null ? "" : text, syntax.of("release-date")));
		}

		public Builder draft(final boolean v) {
			draft = v;
			return this;
		}

		public Builder overwrite(final boolean v) {
			overwrite = v;
			return this;
		}

		/** @throws OptionException naming the options that do not go together */
		public ExportOptions build() {
			final String shard = syntax.of("shard");
			if (shardFactor < 0) throw new OptionException(shard, shard + " " + shardFactor +
				": the number of chunks per shard must be 0 (no sharding) or more");
			if (shardFactor > 0 && ngffVersion != NgffVersion.V0_5) throw new OptionException(shard, shard + " " +
				shardFactor + ": sharding needs OME-NGFF 0.5 (Zarr v3), not " + syntax.of("zarr-version") + " " +
				ngffVersion.text());
			return new ExportOptions(this);
		}
	}
}
