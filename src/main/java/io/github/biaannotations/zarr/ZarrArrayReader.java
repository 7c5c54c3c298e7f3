package io.github.biaannotations.zarr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads a Zarr v2 or v3 array written by this project (or any writer using the same subset: regular grid,
 * little-endian, zstd/blosc/no compression, optional {@code sharding_indexed} with the index at the end).
 */
public final class ZarrArrayReader {

	private final ZarrStore store;
	private final String path;
	private final ArraySpec spec;
	private final Map<String, byte[]> shardCache = new LinkedHashMap<String, byte[]>(4, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(final Map.Entry<String, byte[]> eldest) {
			return size() > 2;
		}
	};

	private ZarrArrayReader(final ZarrStore store, final String path, final ArraySpec spec) {
		this.store = store;
		this.path = path;
		this.spec = spec;
	}

	/** Opens the array at {@code path}; throws naming the metadata file when it is missing or invalid. */
	public static ZarrArrayReader open(final ZarrStore store, final String path) throws IOException {
		final ZarrFormat format = ZarrGroups.detect(store, path);
		final String key = format.arrayMetadataKey(path);
		final byte[] bytes = store.get(key);
		if (bytes == null) throw new IOException(store.describe(key) + ": array metadata missing");
		return new ZarrArrayReader(store, path, ArrayMetadataJson.fromJson(format,
			ZarrGroups.readJson(bytes, store.describe(key)), store.describe(key)));
	}

	public ArraySpec spec() {
		return spec;
	}

	/** The raw (decoded, padded, little-endian) chunk at a chunk-grid index, or {@code null} if absent (all 0). */
	public byte[] readChunk(final long[] chunkIndex) throws IOException {
		final int rawSize = spec.chunkBytes();
		if (!spec.isSharded()) {
			final String key = ZarrArrayWriter.chunkKey(spec.format(), path, chunkIndex);
			final byte[] encoded = store.get(key);
			return encoded == null ? null : decode(encoded, rawSize, key);
		}
		final int[] shards = spec.shards();
		final long[] shardIndex = new long[spec.rank()];
		int inner = 0;
		for (int d = 0; d < spec.rank(); d++) {
			final int perShard = shards[d] / spec.chunk(d);
			shardIndex[d] = chunkIndex[d] / perShard;
			inner = inner * perShard + (int) (chunkIndex[d] % perShard);
		}
		final String key = ZarrArrayWriter.chunkKey(spec.format(), path, shardIndex);
		final int indexBytes = spec.chunksPerShard() * 16;
		byte[] shard = shardCache.get(key);
		if (shard == null) {
			shard = store.get(key);
			if (shard == null) return null;
			// checked once, when the shard is read; its inner chunks are then served from the cache
			if (shard.length < indexBytes + 4) throw new IOException(store.describe(key) +
				": shard shorter than its index");
			final CRC32C crc = new CRC32C();
			crc.update(shard, shard.length - indexBytes - 4, indexBytes);
			if ((int) crc.getValue() != ByteBuffer.wrap(shard).order(ByteOrder.LITTLE_ENDIAN).getInt(shard.length - 4))
				throw new IOException(store.describe(key) + ": shard index checksum mismatch");
			shardCache.put(key, shard);
		}
		final ByteBuffer index = ByteBuffer.wrap(shard).order(ByteOrder.LITTLE_ENDIAN);
		final long offset = index.getLong(shard.length - indexBytes - 4 + inner * 16);
		final long length = index.getLong(shard.length - indexBytes - 4 + inner * 16 + 8);
		if (offset == -1L && length == -1L) return null;
		if (offset < 0 || length < 0 || offset + length > shard.length - indexBytes - 4)
			throw new IOException(store.describe(key) + ": inner chunk " + inner + " out of bounds");
		return decode(Arrays.copyOfRange(shard, (int) offset, (int) (offset + length)), rawSize, key);
	}

	private byte[] decode(final byte[] encoded, final int rawSize, final String key) throws IOException {
		final byte[] raw;
		try {
			raw = spec.compression().decode(encoded, rawSize);
		}
		catch (final RuntimeException e) {
			throw new IOException(store.describe(key) + ": cannot decode chunk with " + spec.compression() + ": " +
				e.getMessage(), e);
		}
		if (raw.length != rawSize) throw new IOException(store.describe(key) + ": chunk decodes to " +
			raw.length + " bytes, expected " + rawSize);
		return raw;
	}

	/**
	 * Reads the 2D plane spanned by the last two dimensions at the given leading index (one entry per other
	 * dimension), as little-endian bytes in row-major order.
	 */
	public byte[] readPlane(final long[] leading) throws IOException {
		final int n = spec.rank();
		if (n < 2 || leading.length != n - 2) throw new IllegalArgumentException("need " + (n - 2) +
			" leading indices for " + spec);
		final int h = (int) spec.shape(n - 2), w = (int) spec.shape(n - 1);
		final int ch = spec.chunk(n - 2), cw = spec.chunk(n - 1);
		final int bytes = spec.dataType().bytes();
		final byte[] plane = new byte[Math.multiplyExact(Math.multiplyExact(h, w), bytes)];
		final long[] chunkIndex = new long[n];
		long offsetInChunk = 0; // element offset of the leading position inside its chunk
		for (int d = 0; d < n - 2; d++) {
			chunkIndex[d] = leading[d] / spec.chunk(d);
			offsetInChunk = offsetInChunk * spec.chunk(d) + leading[d] % spec.chunk(d);
		}
		offsetInChunk *= (long) ch * cw;
		for (long cy = 0; cy < spec.chunkCount(n - 2); cy++)
			for (long cx = 0; cx < spec.chunkCount(n - 1); cx++) {
				chunkIndex[n - 2] = cy;
				chunkIndex[n - 1] = cx;
				final byte[] chunk = readChunk(chunkIndex);
				if (chunk != null) copyRows(chunk, offsetInChunk, plane, cy, cx);
			}
		return plane;
	}

	/**
	 * Every 2D plane of the array (as {@link #readPlane}), indexed by the leading index in row-major order, each
	 * chunk decoded once: read plane by plane, a chunk spanning several planes is decoded once per plane.
	 */
	public byte[][] readAllPlanes() throws IOException {
		final int n = spec.rank();
		if (n < 2) throw new IllegalArgumentException("no planes in " + spec);
		final int planeBytes = Math.multiplyExact(Math.multiplyExact((int) spec.shape(n - 2), (int) spec.shape(
			n - 1)), spec.dataType().bytes());
		long count = 1, perChunk = 1, chunks = 1;
		for (int d = 0; d < n - 2; d++) {
			count *= spec.shape(d);
			perChunk *= spec.chunk(d);
		}
		for (int d = 0; d < n; d++)
			chunks *= spec.chunkCount(d);
		final byte[][] planes = new byte[Math.toIntExact(count)][];
		for (int i = 0; i < planes.length; i++)
			planes[i] = new byte[planeBytes];
		final long[] chunkIndex = new long[n];
		for (long c = 0; c < chunks; c++) {
			long rest = c;
			for (int d = n - 1; d >= 0; d--) {
				chunkIndex[d] = rest % spec.chunkCount(d);
				rest /= spec.chunkCount(d);
			}
			final byte[] chunk = readChunk(chunkIndex);
			if (chunk == null) continue;
			// each leading position the chunk holds, if inside the array (edge chunks are padded)
			for (long k = 0; k < perChunk; k++) {
				long local = k, plane = 0, stride = 1;
				boolean inside = true;
				for (int d = n - 3; d >= 0; d--) {
					final long at = chunkIndex[d] * spec.chunk(d) + local % spec.chunk(d);
					local /= spec.chunk(d);
					inside &= at < spec.shape(d);
					plane += at * stride;
					stride *= spec.shape(d);
				}
				if (inside) copyRows(chunk, k * spec.chunk(n - 2) * spec.chunk(n - 1), planes[(int) plane],
					chunkIndex[n - 2], chunkIndex[n - 1]);
			}
		}
		return planes;
	}

	/** Copies the rows of chunk (cy, cx) of one plane, starting at element {@code offsetInChunk}, into {@code plane}. */
	private void copyRows(final byte[] chunk, final long offsetInChunk, final byte[] plane, final long cy,
		final long cx)
	{
		final int n = spec.rank();
		final int h = (int) spec.shape(n - 2), w = (int) spec.shape(n - 1);
		final int ch = spec.chunk(n - 2), cw = spec.chunk(n - 1);
		final int bytes = spec.dataType().bytes();
		final int y0 = (int) (cy * ch), x0 = (int) (cx * cw);
		final int rows = Math.min(ch, h - y0), cols = Math.min(cw, w - x0);
		for (int y = 0; y < rows; y++)
			System.arraycopy(chunk, (int) ((offsetInChunk + (long) y * cw) * bytes), plane, ((y0 + y) * w + x0) *
				bytes, cols * bytes);
	}
}
