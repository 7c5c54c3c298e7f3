package io.github.biaannotations.ngff;

import io.github.biaannotations.labels.Downsampling;
import io.github.biaannotations.zarr.ArraySpec;
import io.github.biaannotations.zarr.ChunkShapes;
import io.github.biaannotations.zarr.PlaneStreamWriter;
import io.github.biaannotations.zarr.ZarrArrayWriter;
import io.github.biaannotations.zarr.ZarrFormat;
import io.github.biaannotations.zarr.ZarrStore;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the pyramid arrays {@code 0, 1, ...} of one multiscale image, plane by plane: each full-resolution
 * plane is read once, handed to an optional visitor (label statistics), written to level 0 and halved into
 * every lower level. Peak memory is a chunk depth of planes per level, never the whole image.
 */
final class MultiscaleWriter {

	/** Sees each full-resolution plane once, before it is written. */
	interface PlaneVisitor {

		void visit(Object plane, int t, int c, int z);
	}

	private MultiscaleWriter() {}

	static void write(final ZarrStore store, final String groupPath, final RasterPlanes h,
		final AxisLayout layout, final OmeZarrOptions o, final Downsampling.Method method,
		final PlaneVisitor visitor, final String stage) throws IOException
	{
		final int levels = layout.levels();
		final int[] chunks = chunkShape(layout, h, o);
		final PlaneStreamWriter[] writers = new PlaneStreamWriter[levels];
		boolean complete = false;
		ExecutorService visitorThread = null;
		Future<?> visitorDone = null;
		try {
			for (int level = 0; level < levels; level++) {
				final long[] shape = layout.shape(level);
				final int[] c = chunks.clone();
				final int n = c.length;
				c[n - 2] = (int) Math.max(1, Math.min(c[n - 2], shape[n - 2]));
				c[n - 1] = (int) Math.max(1, Math.min(c[n - 1], shape[n - 1]));
				// with 0.5 only (the exporter refuses sharding with 0.4): chunks grouped along every axis they can;
				// each lower level gets half the budget of the one above, so all levels together hold at most twice it
				final int[] shards = o.shardFactor() > 0 ? ChunkShapes.shards(shape, c, o.shardFactor(), h.dataType()
					.bytes(), ChunkShapes.SLAB_BUDGET_BYTES >> Math.min(level, 8)) : null;
				final ArraySpec spec = new ArraySpec(o.version().zarrFormat(), shape, c, shards, h.dataType(), o
					.compression(), layout.names());
				writers[level] = new PlaneStreamWriter(ZarrArrayWriter.create(store, ZarrFormat.join(groupPath,
					Integer.toString(level)), spec), o.threads());
			}
			// arrays one plane deep get their lower levels band by band: no whole level plane is held
			final BandPyramid bands = BandPyramid.applies(writers) ? new BandPyramid(writers, layout, method)
				: null;
			final long total = (long) h.sizeT() * h.sizeC() * h.sizeZ();
			long done = 0;
			// the visitor (label statistics) runs on its own thread, one plane behind, beside the pyramid work
			if (visitor != null && o.threads() > 1) visitorThread = Executors
				.newSingleThreadExecutor(r -> {
					final Thread th = new Thread(r, "label-statistics");
					th.setDaemon(true);
					return th;
				});
			for (int t = 0; t < h.sizeT(); t++)
				for (int c = 0; c < h.sizeC(); c++)
					for (int z = 0; z < h.sizeZ(); z++) {
						if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException(
							"export of " + stage + " cancelled");
						Object plane = h.plane(t, c, z);
						if (visitor != null) {
							if (visitorThread == null) visitor.visit(plane, t, c, z);
							else {
								await(visitorDone);
								final Object p = plane;
								final int ft = t, fc = c, fz = z;
								visitorDone = visitorThread.submit(() -> visitor.visit(p, ft, fc, fz));
							}
						}
						final long[] leading = layout.leading(t, c, z);
						writers[0].writePlane(leading, plane);
						if (bands != null) bands.write(leading, plane);
						else for (int level = 1; level < levels; level++) {
							final long[] above = layout.planeSize(level - 1);
							plane = Downsampling.halve(plane, (int) above[1], (int) above[0], method);
							writers[level].writePlane(leading, plane);
						}
						o.progress().update(stage, ++done, total);
					}
			await(visitorDone);
			complete = true;
		}
		finally {
			if (visitorThread != null) visitorThread.shutdownNow();
			IOException first = null;
			for (final PlaneStreamWriter w : writers)
				if (w != null) try {
					w.close();
				}
				catch (final IOException e) {
					if (first == null) first = e;
				}
			// a failed loop's exception is already in flight; close() then only reports missing planes
			if (first != null && complete) throw first;
		}
	}

	private static void await(final Future<?> f) throws IOException {
		if (f == null) return;
		try {
			f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted");
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new IOException(e.getCause());
		}
	}

	private static int[] chunkShape(final AxisLayout layout, final RasterPlanes h, final OmeZarrOptions o) {
		final long[] shape = layout.shape(0);
		final int n = shape.length;
		final int z = layout.zDimension();
		if (o.chunkShape() == null) return ChunkShapes.choose(shape, z, h.dataType().bytes(), o
			.chunkTargetBytes());
		final int[] c = new int[n];
		Arrays.fill(c, 1);
		if (z >= 0) c[z] = (int) Math.min(o.chunkShape()[0], shape[z]);
		c[n - 2] = o.chunkShape()[1];
		c[n - 1] = o.chunkShape()[2];
		return c;
	}
}
