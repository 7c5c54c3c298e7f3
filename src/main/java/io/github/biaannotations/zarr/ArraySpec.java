package io.github.biaannotations.zarr;

import java.util.Arrays;

/**
 * The immutable description of a Zarr array: format, shape, chunk shape, optional shard shape (v3 only),
 * element type, compression and dimension names. The fill value is always 0.
 */
public final class ArraySpec {

	private final ZarrFormat format;
	private final long[] shape;
	private final int[] chunks;
	private final int[] shards;
	private final DataType dataType;
	private final Compression compression;
	private final String[] dimensionNames;

	/**
	 * @param shards the shard shape (a multiple of {@code chunks} in every dimension), or {@code null} for
	 *          one file per chunk; only Zarr v3 supports sharding
	 * @param dimensionNames one name per dimension (written as v3 {@code dimension_names}), or {@code null}
	 */
	public ArraySpec(final ZarrFormat format, final long[] shape, final int[] chunks, final int[] shards,
		final DataType dataType, final Compression compression, final String[] dimensionNames)
	{
		if (shape.length == 0 || shape.length != chunks.length) throw new IllegalArgumentException(
			"shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks) + " differ in rank");
		for (int d = 0; d < shape.length; d++)
			if (shape[d] < 0 || chunks[d] < 1) throw new IllegalArgumentException("bad shape " + Arrays
				.toString(shape) + " or chunks " + Arrays.toString(chunks));
		if (shards != null) {
			if (format != ZarrFormat.V3) throw new IllegalArgumentException("sharding needs Zarr v3");
			if (shards.length != chunks.length) throw new IllegalArgumentException("shards " + Arrays.toString(
				shards) + " and chunks " + Arrays.toString(chunks) + " differ in rank");
			for (int d = 0; d < shards.length; d++)
				if (shards[d] < chunks[d] || shards[d] % chunks[d] != 0) throw new IllegalArgumentException(
					"shard shape " + Arrays.toString(shards) + " is not a multiple of chunk shape " + Arrays
						.toString(chunks));
		}
		if (dimensionNames != null && dimensionNames.length != shape.length)
			throw new IllegalArgumentException("need one dimension name per dimension: " + Arrays.toString(
				dimensionNames));
		this.format = format;
		this.shape = shape.clone();
		this.chunks = chunks.clone();
		this.shards = shards == null ? null : shards.clone();
		this.dataType = dataType;
		this.compression = compression;
		this.dimensionNames = dimensionNames == null ? null : dimensionNames.clone();
	}

	public ZarrFormat format() {
		return format;
	}

	public long[] shape() {
		return shape.clone();
	}

	public int rank() {
		return shape.length;
	}

	public long shape(final int d) {
		return shape[d];
	}

	public int[] chunks() {
		return chunks.clone();
	}

	public int chunk(final int d) {
		return chunks[d];
	}

	/** The shard shape, or {@code null} when not sharded. */
	public int[] shards() {
		return shards == null ? null : shards.clone();
	}

	public boolean isSharded() {
		return shards != null;
	}

	public DataType dataType() {
		return dataType;
	}

	public Compression compression() {
		return compression;
	}

	/** Dimension names, or {@code null}. */
	public String[] dimensionNames() {
		return dimensionNames == null ? null : dimensionNames.clone();
	}

	/** Number of chunks along dimension d (edge chunks count). */
	public long chunkCount(final int d) {
		return (shape[d] + chunks[d] - 1) / chunks[d];
	}

	/** Elements in one (full, padded) chunk. */
	public int chunkElements() {
		long n = 1;
		for (final int c : chunks)
			n *= c;
		if (n * dataType.bytes() > Integer.MAX_VALUE) throw new IllegalArgumentException("chunk " + Arrays
			.toString(chunks) + " exceeds 2 GB");
		return (int) n;
	}

	/** Bytes in one uncompressed chunk. */
	public int chunkBytes() {
		return chunkElements() * dataType.bytes();
	}

	/** Number of inner chunks per shard (1 when unsharded). */
	public int chunksPerShard() {
		if (!isSharded()) return 1;
		int n = 1;
		for (int d = 0; d < rank(); d++)
			n *= shards[d] / chunks[d];
		return n;
	}

	@Override
	public String toString() {
		return "Zarr " + format + " " + dataType.v3Name() + Arrays.toString(shape) + " chunks " + Arrays.toString(
			chunks) + (shards == null ? "" : " shards " + Arrays.toString(shards)) + " " + compression;
	}
}
