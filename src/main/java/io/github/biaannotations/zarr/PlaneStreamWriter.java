package io.github.biaannotations.zarr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams 2D planes into a Zarr array whose last two dimensions are y and x. Planes come in C order of the
 * leading dimensions (t, c, z...); only the dimension just before y may have a chunk depth above 1. A shard
 * may also group planes along earlier leading dimensions, where it spans every later one (before y) whole,
 * so that its planes come one after the other: at most one chunk's (or shard's) planes are held at a time.
 * Arrays one plane deep can also take a plane as bands of rows ({@link #writeRows}). Chunks are compressed
 * on a small thread pool.
 * <p>
 * Planes are primitive arrays in row-major order: {@code byte[]} (8-bit), {@code short[]} (16-bit),
 * {@code int[]} (32-bit integer), {@code float[]}, {@code long[]} or {@code double[]}, matching the
 * array's element size; a {@code float[]} plane written to a 32-bit integer array holds whole numbers
 * (labels from ImageJ's 32-bit images) and is converted while chunks are built. The writer keeps
 * references to the planes of the current chunk (or shard), not copies.
 */
public final class PlaneStreamWriter implements AutoCloseable {

	private final ZarrArrayWriter writer;
	private final ArraySpec spec;
	private final int n;
	/** Planes per chunk along the dimension before y. */
	private final int chunkDepth;
	/** Planes per block along each leading dimension: a chunk's, or a shard's when sharded. */
	private final int[] block;
	/** A block's planes within the array along each leading dimension: the slab's extent. */
	private final int[] extent;
	/** Planes gathered before writing: a chunk's, or a shard's when sharded. */
	private final int depth;
	private final Object[] slab;
	private long[] slabLeading;
	private long nextPlane;
	private final ExecutorService pool;
	/**
	 * One raw chunk buffer per thread, reused: chunks are compressed before the next is built, and fresh
	 * multi-megabyte arrays per chunk would churn the garbage collector.
	 */
	private final ThreadLocal<byte[]> buffers;
	/** Shards whose inner chunks are being compressed, written once those tasks are done. */
	private final List<PendingShard> shards = new ArrayList<>();

	private static final class PendingShard {

		final long[] index;
		final byte[][] encoded;

		PendingShard(final long[] index, final byte[][] encoded) {
			this.index = index;
			this.encoded = encoded;
		}
	}

	/** The previous slab's chunk writes, still running while the caller prepares the next planes. */
	private final List<Future<?>> pending = new ArrayList<>();

	/** @param threads compression threads (1 = compress on the calling thread) */
	public PlaneStreamWriter(final ZarrArrayWriter writer, final int threads) {
		this.writer = writer;
		this.spec = writer.spec();
		this.n = spec.rank();
		if (n < 2) throw new IllegalArgumentException("need at least 2 dimensions: " + spec);
		for (int d = 0; d < n - 3; d++)
			if (spec.chunk(d) != 1) throw new IllegalArgumentException(
				"only the dimension before y may have chunk depth above 1: " + spec);
		final int lead = n - 2;
		this.block = new int[lead];
		this.extent = new int[lead];
		int planes = 1;
		for (int d = 0; d < lead; d++) {
			block[d] = spec.isSharded() ? spec.shards()[d] : spec.chunk(d);
			extent[d] = (int) Math.max(1, Math.min(block[d], spec.shape(d)));
			planes = Math.multiplyExact(planes, extent[d]);
		}
		// a shard's planes must come one after the other: grouped along d, it spans every later dimension whole
		for (int d = 0; d < lead - 1; d++)
			for (int e = d + 1; e < lead && block[d] > 1; e++)
				if (block[e] < spec.shape(e)) throw new IllegalArgumentException("a shard may group planes along " +
					"dimension " + d + " only when it spans every later dimension before y whole: " + spec);
		this.chunkDepth = n >= 3 ? spec.chunk(n - 3) : 1;
		this.depth = planes;
		this.slab = new Object[depth];
		this.buffers = ThreadLocal.withInitial(() -> new byte[spec.chunkBytes()]);
		this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, "zarr-compress");
			t.setDaemon(true);
			return t;
		}) : null;
	}

	/** Total number of planes the array holds. */
	public long planeCount() {
		long count = 1;
		for (int d = 0; d < n - 2; d++)
			count *= spec.shape(d);
		return count;
	}

	/**
	 * Writes the next plane. {@code leading} is its index along every dimension but y and x and must follow
	 * the previous plane in C order.
	 */
	public void writePlane(final long[] leading, final Object plane) throws IOException {
		if (leading.length != n - 2) throw new IllegalArgumentException("need " + (n - 2) +
			" leading indices, got " + Arrays.toString(leading));
		if (linear(leading) != nextPlane || nextRow != 0) throw new IllegalStateException("plane " + Arrays
			.toString(leading) + " out of order: expected plane number " + nextPlane);
		final int elements = Math.multiplyExact((int) spec.shape(n - 2), (int) spec.shape(n - 1));
		if (Planes.length(plane) != elements) throw new IllegalArgumentException("plane of " + Planes.length(
			plane) + " elements, expected " + elements + " for " + spec);
		// the plane's place in its block; the block is complete at its last plane along every dimension
		int slot = 0;
		boolean first = true, last = true;
		for (int d = 0; d < n - 2; d++) {
			final int offset = (int) (leading[d] % block[d]);
			slot = slot * extent[d] + offset;
			first &= offset == 0;
			last &= offset == block[d] - 1 || leading[d] == spec.shape(d) - 1;
		}
		if (first) slabLeading = leading.clone();
		slab[slot] = plane;
		nextPlane++;
		if (last) flush();
	}

	private long linear(final long[] leading) {
		long index = 0;
		for (int d = 0; d < n - 2; d++)
			index = index * spec.shape(d) + leading[d];
		return index;
	}

	private void flush() throws IOException {
		final Object[] slab = this.slab.clone();
		final long[] gridLeading = new long[n - 2];
		final int[] count = new int[n - 2];
		for (int d = 0; d < n - 2; d++) {
			gridLeading[d] = slabLeading[d] / block[d];
			count[d] = (int) Math.min(extent[d], spec.shape(d) - slabLeading[d]);
		}
		submit(slab, count, gridLeading, 0, (int) spec.shape(n - 2), 0);
		Arrays.fill(this.slab, null);
	}

	/**
	 * Rows per block for {@link #writeRows}: the chunk height, or the shard height when sharded; 0 when this
	 * array gathers several planes per chunk or shard, and so cannot take rows.
	 */
	public int rowBlock() {
		if (depth != 1) return 0;
		return spec.isSharded() ? spec.shards()[n - 2] : spec.chunk(n - 2);
	}

	/**
	 * Writes the next band of rows of the current plane, for arrays one plane deep ({@link #rowBlock()} &gt;
	 * 0): rows {@code y0 ..} of plane {@code leading}, as a row-major primitive array of whole rows.
	 * {@code y0} must continue the previous band and be a multiple of {@link #rowBlock()}; a band holds
	 * {@link #rowBlock()} rows, fewer only at the end of the plane. Lets pyramid levels of huge planes be
	 * written without ever holding a whole level plane.
	 */
	public void writeRows(final long[] leading, final int y0, final Object band) throws IOException {
		final int rowBlock = rowBlock();
		if (rowBlock == 0) throw new IllegalStateException("rows need an array one plane deep: " + spec);
		if (leading.length != n - 2) throw new IllegalArgumentException("need " + (n - 2) +
			" leading indices, got " + Arrays.toString(leading));
		if (linear(leading) != nextPlane || y0 != nextRow) throw new IllegalStateException("rows from " + y0 +
			" of plane " + Arrays.toString(leading) + " out of order: expected row " + nextRow +
			" of plane number " + nextPlane);
		final int h = (int) spec.shape(n - 2), w = (int) spec.shape(n - 1);
		final int rows = Math.min(rowBlock, h - y0);
		if (Planes.length(band) != rows * w) throw new IllegalArgumentException("band of " + Planes.length(
			band) + " elements, expected " + rows + " rows of " + w + " for " + spec);
		final long[] gridLeading = new long[n - 2];
		final int[] count = new int[n - 2];
		for (int d = 0; d < n - 2; d++) {
			gridLeading[d] = leading[d] / block[d];
			count[d] = 1;
		}
		submit(new Object[] { band }, count, gridLeading, y0, y0 + rows, y0);
		nextRow = y0 + rows;
		if (nextRow == h) {
			nextRow = 0;
			nextPlane++;
		}
	}

	/** Row expected next from {@link #writeRows}. */
	private int nextRow;

	/**
	 * Compresses and writes the chunks (or shards) covering rows {@code rowFrom..rowTo} of the slab's planes,
	 * whose first element is row {@code rowBase} of the array; {@code count} is the slab's planes along each
	 * leading dimension (fewer than its extent at the end of the array).
	 */
	private void submit(final Object[] slab, final int[] count, final long[] gridLeading, final int rowFrom,
		final int rowTo, final int rowBase) throws IOException
	{
		final List<Task> tasks = new ArrayList<>();
		final int ch = spec.chunk(n - 2);
		final int lead = n - 2;
		int planes = 1;
		for (final int c : count)
			planes *= c;
		if (!spec.isSharded()) {
			// unsharded, a slab is one chunk deep along the dimension before y and one plane along the others
			final int zCount = lead == 0 ? 1 : count[lead - 1];
			for (long cy = rowFrom / ch; cy * ch < rowTo; cy++)
				for (long cx = 0; cx < spec.chunkCount(n - 1); cx++) {
					final long[] index = gridIndex(gridLeading, cy, cx);
					final long fy = cy, fx = cx;
					tasks.add(() -> writer.writeChunk(index, chunk(slab, 0, zCount, fy, fx, buffers.get(), rowBase)));
				}
		}
		else {
			// inner chunks per shard along each leading dimension, then y and x; all in C order in the index
			final int[] inner = new int[lead];
			int innerLeading = 1;
			for (int d = 0; d < lead; d++) {
				inner[d] = block[d] / spec.chunk(d);
				innerLeading *= inner[d];
			}
			final int ky = spec.shards()[n - 2] / ch;
			final int kx = spec.shards()[n - 1] / spec.chunk(n - 1);
			final long shardsX = (spec.chunkCount(n - 1) + kx - 1) / kx;
			for (long sy = rowFrom / (ky * ch); sy * ky * ch < rowTo; sy++)
				for (long sx = 0; sx < shardsX; sx++) {
					// every inner chunk is compressed as its own task; the shard is assembled when all are done
					final byte[][] encoded = new byte[innerLeading * ky * kx][];
					for (int li = 0; li < innerLeading; li++) {
						// the inner chunk's first plane in the slab, and its planes along the dimension before y
						int base = 0, rest = li, stride = 1;
						boolean present = true;
						for (int d = lead - 1; d >= 0; d--) {
							final int offset = rest % inner[d] * spec.chunk(d);
							rest /= inner[d];
							present &= offset < count[d]; // past the end of the array: absent
							base += offset * stride;
							stride *= extent[d];
						}
						if (!present) continue;
						final int z0 = base, zCount = lead == 0 ? 1 : Math.min(chunkDepth, count[lead - 1] - li %
							inner[lead - 1] * chunkDepth);
						for (int iy = 0; iy < ky; iy++)
							for (int ix = 0; ix < kx; ix++) {
								final long cy = sy * ky + iy, cx = sx * kx + ix;
								if (cy >= spec.chunkCount(n - 2) || cx >= spec.chunkCount(n - 1)) continue;
								final int slot = (li * ky + iy) * kx + ix;
								tasks.add(() -> encoded[slot] = writer.encodeInner(chunk(slab, z0, zCount, cy, cx, buffers
									.get(), rowBase)));
							}
					}
					shards.add(new PendingShard(gridIndex(gridLeading, sy, sx), encoded));
				}
		}
		run(tasks, (long) planes * (rowTo - rowFrom) * spec.shape(n - 1) * spec.dataType().bytes());
	}

	private long[] gridIndex(final long[] gridLeading, final long y, final long x) {
		final long[] index = Arrays.copyOf(gridLeading, n);
		index[n - 2] = y;
		index[n - 1] = x;
		return index;
	}

	/**
	 * Builds the raw bytes of chunk (cy, cx) from {@code planes} consecutive slab planes starting at
	 * {@code z0}, whose first row is row {@code rowBase} of the array.
	 */
	private byte[] chunk(final Object[] slab, final int z0, final int planes, final long cy, final long cx,
		final byte[] raw, final int rowBase)
	{
		final int ch = spec.chunk(n - 2), cw = spec.chunk(n - 1);
		final int h = (int) spec.shape(n - 2), w = (int) spec.shape(n - 1);
		final int y0 = (int) (cy * ch), x0 = (int) (cx * cw);
		final int rows = Math.min(ch, h - y0), cols = Math.min(cw, w - x0);
		if (rows < ch || cols < cw || planes < chunkDepth) Arrays.fill(raw, (byte) 0); // padding
		final ByteBuffer view = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
		for (int z = 0; z < planes; z++)
			for (int y = 0; y < rows; y++)
				Planes.putRow(slab[z0 + z], (y0 + y - rowBase) * w + x0, cols, view, (z * ch + y) * cw, spec
					.dataType());
		return raw;
	}

	private interface Task {

		void run() throws IOException;
	}

	/**
	 * Runs a slab's chunk writes: on the calling thread without a pool; otherwise on the pool after the
	 * previous slab's writes have finished, without waiting for these (at most two slabs are in flight).
	 */
	private void run(final List<Task> tasks, final long heldBytes) throws IOException {
		final List<PendingShard> slabShards = new ArrayList<>(shards);
		shards.clear();
		if (pool == null) {
			for (final Task t : tasks)
				t.run();
			writeShards(slabShards);
			return;
		}
		awaitPending();
		for (final Task t : tasks)
			pending.add(pool.submit(() -> {
				t.run();
				return null;
			}));
		pendingShards.addAll(slabShards);
		// overlapping two slabs doubles the planes held: only worth it while they are small
		if (heldBytes > ChunkShapes.SLAB_BUDGET_BYTES) awaitPending();
	}

	/** Shards of the slab in flight, written by {@link #awaitPending()} once their chunks are compressed. */
	private final List<PendingShard> pendingShards = new ArrayList<>();

	private void writeShards(final List<PendingShard> list) throws IOException {
		for (final PendingShard p : list)
			writer.writeEncodedShard(p.index, p.encoded);
	}

	private void awaitPending() throws IOException {
		try {
			for (final Future<?> f : pending)
				f.get();
		}
		catch (final InterruptedException e) {
			cancelPending();
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while writing " + spec);
		}
		catch (final ExecutionException e) {
			cancelPending();
			final Throwable cause = e.getCause();
			if (cause instanceof IOException) throw (IOException) cause;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			throw new IOException(cause);
		}
		pending.clear();
		final List<PendingShard> done = new ArrayList<>(pendingShards);
		pendingShards.clear();
		writeShards(done);
	}

	private void cancelPending() {
		for (final Future<?> f : pending)
			f.cancel(true);
		pending.clear();
		pendingShards.clear();
	}

	/** Waits for the last chunk writes, checks that every plane was written, and stops the threads. */
	@Override
	public void close() throws IOException {
		try {
			awaitPending();
		}
		finally {
			if (pool != null) pool.shutdownNow();
		}
		if (nextPlane != planeCount()) throw new IOException("only " + nextPlane + " of " + planeCount() +
			" planes written to " + spec);
	}
}
