package io.github.biaannotations.ngff;

import io.github.biaannotations.labels.Downsampling;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.zarr.ChunkShapes;
import io.github.biaannotations.zarr.Compression;

/**
 * How {@link OmeZarrExporter} writes: OME-NGFF version, compression, chunk shape, sharding, pyramid depth,
 * label downsampling, progress and whether an existing output may be replaced. Immutable; each {@code withX}
 * returns a changed copy. Defaults: 0.5, zstd level 3, ~4 MB chunks, no sharding, levels until the larger
 * plane side is at most 256, mode downsampling, no overwrite. Chunks are compressed on one thread per core.
 */
public final class OmeZarrOptions {

	private NgffVersion version = NgffVersion.V0_5;
	private Compression compression = Compression.zstd();
	private int[] chunkShape;
	private int shardFactor;
	private int maxPlaneSide = 256;
	private Downsampling.Method labelDownsampling = Downsampling.Method.MODE;
	private boolean overwrite;
	private Progress progress = Progress.NONE;

	private OmeZarrOptions() {}

	public static OmeZarrOptions defaults() {
		return new OmeZarrOptions();
	}

	private OmeZarrOptions copy() {
		final OmeZarrOptions o = new OmeZarrOptions();
		o.version = version;
		o.compression = compression;
		o.chunkShape = chunkShape;
		o.shardFactor = shardFactor;
		o.maxPlaneSide = maxPlaneSide;
		o.labelDownsampling = labelDownsampling;
		o.overwrite = overwrite;
		o.progress = progress;
		return o;
	}

	public OmeZarrOptions withVersion(final NgffVersion v) {
		final OmeZarrOptions o = copy();
		o.version = v;
		return o;
	}

	public OmeZarrOptions withCompression(final Compression c) {
		final OmeZarrOptions o = copy();
		o.compression = c;
		return o;
	}

	/**
	 * An explicit chunk shape {z, y, x} (z is ignored for 2D images), overriding the target size; {@code null}
	 * returns to automatic chunks.
	 */
	public OmeZarrOptions withChunkShape(final int z, final int y, final int x) {
		if (z < 1 || y < 1 || x < 1) throw new IllegalArgumentException("chunk sizes must be positive: " + z +
			"," + y + "," + x);
		final OmeZarrOptions o = copy();
		o.chunkShape = new int[] { z, y, x };
		return o;
	}

	/**
	 * Zarr v3 sharding: each shard holds up to {@code factor} chunks along each axis, within the array (0 = no
	 * sharding), so far fewer files are written: along x, y and z, and along c and t where the shard spans
	 * every later axis before y whole ({@link io.github.biaannotations.zarr.ChunkShapes#shards}). Only valid
	 * with OME-NGFF 0.5. The writer then holds a shard's planes per pyramid level instead of a chunk's.
	 */
	public OmeZarrOptions withSharding(final int factor) {
		if (factor < 0) throw new IllegalArgumentException("shard factor must be >= 0, got " + factor);
		final OmeZarrOptions o = copy();
		o.shardFactor = factor;
		return o;
	}

	/** Pyramid levels are added until the larger plane side is at most this (default 256). */
	public OmeZarrOptions withMaxPlaneSide(final int side) {
		if (side < 1) throw new IllegalArgumentException("max plane side must be at least 1, got " + side);
		final OmeZarrOptions o = copy();
		o.maxPlaneSide = side;
		return o;
	}

	/** MODE (default) or NEAREST; MEAN is refused because it invents label values. */
	public OmeZarrOptions withLabelDownsampling(final Downsampling.Method m) {
		if (m == Downsampling.Method.MEAN) throw new IllegalArgumentException(
			"labels are never averaged: use MODE or NEAREST");
		final OmeZarrOptions o = copy();
		o.labelDownsampling = m;
		return o;
	}

	/** Whether an existing output folder may be replaced (atomically, after the new one is complete). */
	public OmeZarrOptions withOverwrite(final boolean b) {
		final OmeZarrOptions o = copy();
		o.overwrite = b;
		return o;
	}

	/** Told of every plane written: the stage names the OME-Zarr, done and total count planes. */
	public OmeZarrOptions withProgress(final Progress p) {
		final OmeZarrOptions o = copy();
		o.progress = p == null ? Progress.NONE : p;
		return o;
	}

	public NgffVersion version() {
		return version;
	}

	public Compression compression() {
		return compression;
	}

	/** Target uncompressed chunk size in bytes: chunk shapes are chosen to approach it. */
	public int chunkTargetBytes() {
		return ChunkShapes.DEFAULT_TARGET_BYTES;
	}

	/** The explicit chunk shape {z, y, x}, or {@code null} for automatic. */
	public int[] chunkShape() {
		return chunkShape == null ? null : chunkShape.clone();
	}

	public int shardFactor() {
		return shardFactor;
	}

	public int maxPlaneSide() {
		return maxPlaneSide;
	}

	public Downsampling.Method labelDownsampling() {
		return labelDownsampling;
	}

	/** Compression threads: one per core. */
	public int threads() {
		return Math.max(1, Runtime.getRuntime().availableProcessors());
	}

	public boolean overwrite() {
		return overwrite;
	}

	public Progress progress() {
		return progress;
	}
}
