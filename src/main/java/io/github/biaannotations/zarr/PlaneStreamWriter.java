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
 * leading dimensions (t, c, z...); only the dimension just before y may have a chunk depth above 1 (and a
 * shard depth equal to it), so at most one chunk depth of planes is held at a time. Chunks are compressed
 * on a small thread pool.
 * <p>
 * Planes are primitive arrays in row-major order: {@code byte[]} (8-bit), {@code short[]} (16-bit),
 * {@code int[]} (32-bit integer), {@code float[]}, {@code long[]} or {@code double[]}, matching the
 * array's element size. The writer keeps references to the planes of the current chunk depth, not copies.
 */
public final class PlaneStreamWriter implements AutoCloseable {

	private final ZarrArrayWriter writer;
	private final ArraySpec spec;
	private final int n;
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
		if (spec.isSharded()) for (int d = 0; d < n - 2; d++)
			if (spec.shards()[d] != spec.chunk(d)) throw new IllegalArgumentException(
				"shards may only group chunks along y and x: " + spec);
		this.depth = n >= 3 ? spec.chunk(n - 3) : 1;
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
		if (linear(leading) != nextPlane) throw new IllegalStateException("plane " + Arrays.toString(leading) +
			" out of order: expected plane number " + nextPlane);
		final int elements = Math.multiplyExact((int) spec.shape(n - 2), (int) spec.shape(n - 1));
		if (Planes.length(plane) != elements) throw new IllegalArgumentException("plane of " + Planes.length(
			plane) + " elements, expected " + elements + " for " + spec);
		final int z = n >= 3 ? (int) (leading[n - 3] % depth) : 0;
		if (z == 0) slabLeading = leading.clone();
		slab[z] = plane;
		nextPlane++;
		final boolean lastInDepth = n < 3 || z == depth - 1 || leading[n - 3] == spec.shape(n - 3) - 1;
		if (lastInDepth) flush(z + 1);
	}

	private long linear(final long[] leading) {
		long index = 0;
		for (int d = 0; d < n - 2; d++)
			index = index * spec.shape(d) + leading[d];
		return index;
	}

	private void flush(final int planes) throws IOException {
		final Object[] slab = this.slab.clone();
		final long[] gridLeading = new long[n - 2];
		for (int d = 0; d < n - 2; d++)
			gridLeading[d] = slabLeading[d] / spec.chunk(d);
		final List<Task> tasks = new ArrayList<>();
		if (!spec.isSharded()) {
			for (long cy = 0; cy < spec.chunkCount(n - 2); cy++)
				for (long cx = 0; cx < spec.chunkCount(n - 1); cx++) {
					final long[] index = gridIndex(gridLeading, cy, cx);
					final long fy = cy, fx = cx;
					tasks.add(() -> writer.writeChunk(index, chunk(slab, planes, fy, fx, buffers.get())));
				}
		}
		else {
			final int ky = spec.shards()[n - 2] / spec.chunk(n - 2);
			final int kx = spec.shards()[n - 1] / spec.chunk(n - 1);
			final long shardsY = (spec.chunkCount(n - 2) + ky - 1) / ky;
			final long shardsX = (spec.chunkCount(n - 1) + kx - 1) / kx;
			for (long sy = 0; sy < shardsY; sy++)
				for (long sx = 0; sx < shardsX; sx++) {
					final long[] index = gridIndex(gridLeading, sy, sx);
					final long fy = sy, fx = sx;
					tasks.add(() -> {
						final byte[][] inner = new byte[ky * kx][];
						for (int iy = 0; iy < ky; iy++)
							for (int ix = 0; ix < kx; ix++) {
								final long cy = fy * ky + iy, cx = fx * kx + ix;
								if (cy < spec.chunkCount(n - 2) && cx < spec.chunkCount(n - 1)) inner[iy * kx + ix] = chunk(
									slab, planes, cy, cx, new byte[spec.chunkBytes()]);
							}
						writer.writeShard(index, inner);
					});
				}
		}
		run(tasks);
		Arrays.fill(this.slab, null);
	}

	private long[] gridIndex(final long[] gridLeading, final long y, final long x) {
		final long[] index = Arrays.copyOf(gridLeading, n);
		index[n - 2] = y;
		index[n - 1] = x;
		return index;
	}

	/** Builds the raw bytes of chunk (cy, cx) of the current slab. */
	private byte[] chunk(final Object[] slab, final int planes, final long cy, final long cx,
		final byte[] raw)
	{
		final int ch = spec.chunk(n - 2), cw = spec.chunk(n - 1);
		final int h = (int) spec.shape(n - 2), w = (int) spec.shape(n - 1);
		final int y0 = (int) (cy * ch), x0 = (int) (cx * cw);
		final int rows = Math.min(ch, h - y0), cols = Math.min(cw, w - x0);
		final int bytes = spec.dataType().bytes();
		if (rows < ch || cols < cw || planes < depth) java.util.Arrays.fill(raw, (byte) 0); // padding
		final ByteBuffer view = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
		for (int z = 0; z < planes; z++)
			for (int y = 0; y < rows; y++)
				Planes.putRow(slab[z], (y0 + y) * w + x0, cols, view, (z * ch + y) * cw);
		return raw;
	}

	private interface Task {

		void run() throws IOException;
	}

	/**
	 * Runs a slab's chunk writes: on the calling thread without a pool; otherwise on the pool after the
	 * previous slab's writes have finished, without waiting for these (at most two slabs are in flight).
	 */
	private void run(final List<Task> tasks) throws IOException {
		if (pool == null) {
			for (final Task t : tasks)
				t.run();
			return;
		}
		awaitPending();
		for (final Task t : tasks)
			pending.add(pool.submit(() -> {
				t.run();
				return null;
			}));
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
	}

	private void cancelPending() {
		for (final Future<?> f : pending)
			f.cancel(true);
		pending.clear();
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
