package io.github.biaannotations.zarr;

/**
 * Chooses chunk shapes so that a chunk holds about a target number of bytes (default 4 MB, inside the
 * 1-4 MB range that suits both local disks and object stores), for arrays whose last two dimensions are
 * y and x: square-ish power-of-two tiles in y and x and, for stacks, a few planes deep (4 or more when
 * planes are small), which suits 3D viewers and keeps the number of files down.
 */
public final class ChunkShapes {

	/**
	 * 4 MB: the top of the 1-4 MB range, because every chunk is a file (unsharded) and creating files costs
	 * more than compressing them (LabelZarrBenchmark: 197 files instead of 357 cut the export time by a third).
	 */
	public static final int DEFAULT_TARGET_BYTES = 4 << 20;

	/**
	 * Planes a writer holds at once (a chunk or shard depth) stay within this many bytes where possible, so
	 * that big planes get chunks one plane deep.
	 */
	public static final long SLAB_BUDGET_BYTES = 64L << 20;

	private ChunkShapes() {}

	/**
	 * @param shape the array shape; the last two dimensions are y and x
	 * @param zDimension the index of the dimension that may be chunked deeper than 1 (the one before y), or
	 *          -1 when none
	 */
	public static int[] choose(final long[] shape, final int zDimension, final int elementBytes,
		final int targetBytes)
	{
		final int n = shape.length;
		final int[] chunks = new int[n];
		for (int d = 0; d < n; d++)
			chunks[d] = 1;
		final long targetElements = Math.max(1, targetBytes / elementBytes);
		// a stack gets chunks a few planes deep (up to 4), which suits 3D viewers and cuts the file count
		final long planeBytes = shape[n - 2] * shape[n - 1] * elementBytes;
		final long wantDepth = zDimension >= 0 ? Math.max(1, Math.min(Math.min(shape[zDimension], 4),
			SLAB_BUDGET_BYTES / Math.max(1, planeBytes))) : 1;
		int side = 1;
		while ((long) side * 2 * side * 2 * wantDepth <= targetElements)
			side *= 2;
		// stretch x to use the budget when y is small
		final int cy = (int) Math.max(1, Math.min(shape[n - 2], side));
		final int cx = (int) Math.max(1, Math.min(shape[n - 1], Math.max(side, targetElements / wantDepth /
			cy)));
		chunks[n - 2] = cy;
		chunks[n - 1] = cx;
		if (zDimension >= 0) {
			final long planeElements = (long) cy * cx;
			chunks[zDimension] = (int) Math.max(1, Math.min(Math.min(shape[zDimension], targetElements /
				planeElements), Math.max(wantDepth, SLAB_BUDGET_BYTES / Math.max(1, planeBytes))));
		}
		return chunks;
	}

	/**
	 * The shard shape that groups up to {@code factor} chunks along every axis, within the array (a shard
	 * never extends past the last chunk): x and y first, then the leading axes from the one before y
	 * outwards (z, then c, then t). A writer gets planes in C order and holds a shard's planes until they are
	 * complete, so a leading axis is grouped only while every axis after it (before y) lies whole in one
	 * shard, and only while the planes held stay within {@code budgetBytes} (at least one chunk deep). A row
	 * of shards (a chunk's rows times the shard width) stays within the budget too.
	 *
	 * @param shape the array shape; the last two dimensions are y and x
	 * @param chunks the chunk shape, 1 along every leading dimension but the one before y
	 * @param budgetBytes the most a writer should hold for one shard's planes, such as
	 *          {@link #SLAB_BUDGET_BYTES}
	 */
	public static int[] shards(final long[] shape, final int[] chunks, final int factor, final int elementBytes,
		final long budgetBytes)
	{
		final int n = shape.length;
		final int[] s = chunks.clone();
		if (factor <= 1) return s;
		s[n - 1] = (int) Math.min((long) chunks[n - 1] * factor, roundUp(shape[n - 1], chunks[n - 1]));
		final long rowBytes = (long) chunks[n - 2] * shape[n - 1] * elementBytes;
		final long ky = Math.max(1, Math.min(factor, budgetBytes / Math.max(1, rowBytes)));
		s[n - 2] = (int) Math.min(chunks[n - 2] * ky, roundUp(shape[n - 2], chunks[n - 2]));
		final long planeBytes = Math.max(1, shape[n - 2] * shape[n - 1] * elementBytes);
		long held = 1; // planes of the axes after d held per shard
		for (int d = n - 3; d >= 0; d--) {
			final long maxPlanes = budgetBytes / planeBytes / held;
			final long groups = Math.max(1, Math.min(factor, maxPlanes / chunks[d]));
			s[d] = (int) Math.min(chunks[d] * groups, roundUp(shape[d], chunks[d]));
			if (s[d] < shape[d]) break; // axes before d would need the planes of every shard along d at once
			held *= shape[d];
		}
		return s;
	}

	private static long roundUp(final long size, final int chunk) {
		return Math.max(1, (size + chunk - 1) / chunk) * chunk;
	}
}
