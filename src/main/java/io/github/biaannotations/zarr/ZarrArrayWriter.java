package io.github.biaannotations.zarr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Writes one Zarr array: its metadata on creation, then chunks (or, when sharded, whole shards) as they
 * come. Chunks that hold only the fill value 0 are not written, as Zarr allows. Thread-safe for writes of
 * different chunks, so callers may compress in parallel.
 */
public final class ZarrArrayWriter {

	private static final long EMPTY = -1L; // 2^64-1 as unsigned: "inner chunk absent"

	private final ZarrStore store;
	private final String path;
	private final ArraySpec spec;

	private ZarrArrayWriter(final ZarrStore store, final String path, final ArraySpec spec) {
		this.store = store;
		this.path = path;
		this.spec = spec;
	}

	/** Creates the array at {@code path} (writing its metadata) and returns a writer for its chunks. */
	public static ZarrArrayWriter create(final ZarrStore store, final String path, final ArraySpec spec)
		throws IOException
	{
		store.put(spec.format().arrayMetadataKey(path), ArrayMetadataJson.MAPPER.writeValueAsBytes(
			ArrayMetadataJson.toJson(spec)));
		return new ZarrArrayWriter(store, path, spec);
	}

	public ArraySpec spec() {
		return spec;
	}

	/**
	 * Writes one chunk of an unsharded array. {@code raw} is the full (padded) chunk, little-endian, C order.
	 */
	public void writeChunk(final long[] chunkIndex, final byte[] raw) throws IOException {
		if (spec.isSharded()) throw new IllegalStateException("array is sharded: write shards");
		checkRaw(raw);
		if (isZero(raw)) return;
		store.put(chunkKey(chunkIndex), spec.compression().encode(raw, spec.dataType().bytes()));
	}

	/**
	 * Compresses one raw inner chunk of a shard, or returns {@code null} when it is absent or all zero; lets
	 * callers compress a shard's chunks in parallel before {@link #writeEncodedShard}.
	 */
	public byte[] encodeInner(final byte[] raw) {
		if (raw == null || isZero(checkRaw(raw))) return null;
		return spec.compression().encode(raw, spec.dataType().bytes());
	}

	/** Writes a shard from its inner chunks compressed by {@link #encodeInner} ({@code null} = absent). */
	public void writeEncodedShard(final long[] shardIndex, final byte[][] encodedChunks) throws IOException {
		if (!spec.isSharded()) throw new IllegalStateException("array is not sharded: write chunks");
		final ByteArrayOutputStream data = new ByteArrayOutputStream();
		final ByteBuffer index = ByteBuffer.allocate(encodedChunks.length * 16 + 4).order(
			ByteOrder.LITTLE_ENDIAN);
		for (final byte[] encoded : encodedChunks) {
			if (encoded == null) {
				index.putLong(EMPTY).putLong(EMPTY);
				continue;
			}
			index.putLong(data.size()).putLong(encoded.length);
			data.write(encoded);
		}
		if (data.size() == 0) return; // an all-empty shard is simply absent
		final CRC32C crc = new CRC32C();
		crc.update(index.array(), 0, encodedChunks.length * 16);
		index.putInt((int) crc.getValue());
		data.write(index.array());
		store.put(chunkKey(shardIndex), data.toByteArray());
	}

	/** The store key of a chunk (or shard) by its grid index. */
	String chunkKey(final long[] gridIndex) {
		return chunkKey(spec.format(), path, gridIndex);
	}

	static String chunkKey(final ZarrFormat format, final String path, final long[] gridIndex) {
		final StringBuilder key = new StringBuilder();
		if (format == ZarrFormat.V3) key.append('c');
		for (int d = 0; d < gridIndex.length; d++) {
			if (key.length() > 0) key.append('/');
			key.append(gridIndex[d]);
		}
		return ZarrFormat.join(path, key.toString());
	}

	private byte[] checkRaw(final byte[] raw) {
		if (raw.length != spec.chunkBytes()) throw new IllegalArgumentException("chunk of " + raw.length +
			" bytes, expected " + spec.chunkBytes() + " for " + spec);
		return raw;
	}

	private static final byte[] ZEROS = new byte[1 << 16];

	/** Whether a chunk holds only zeros; compares 64 KB blocks with the JDK's vectorised mismatch. */
	private static boolean isZero(final byte[] raw) {
		for (int from = 0; from < raw.length; from += ZEROS.length) {
			final int len = Math.min(ZEROS.length, raw.length - from);
			if (Arrays.mismatch(raw, from, from + len, ZEROS, 0, len) >= 0) return false;
		}
		return true;
	}
}
