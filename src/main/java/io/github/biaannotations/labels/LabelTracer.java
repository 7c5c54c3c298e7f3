package io.github.biaannotations.labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Traces the outlines of every non-zero label of one 2D label plane, in one pass over the pixels, into
 * polygons that run along pixel edges: the area of each label's geometry equals its pixel count, holes become
 * interior rings, and disconnected parts become a MultiPolygon.
 * <p>
 * Foreground is 4-connected: two pixels of a label that touch only at a corner are separate parts. Where a
 * part's outline meets itself at a corner, the outline is cut there into a shell and the holes that touch it at
 * that point, so every geometry is valid as JTS defines it without any repair afterwards.
 */
public final class LabelTracer {

	/** Supplies the label values of a plane one row at a time; 0 is background, values are unsigned. */
	@FunctionalInterface
	public interface Rows {

		/** Fills {@code row} (the plane's width long) with the values of row {@code y}. */
		void read(int y, int[] row);
	}

	/** Planes of at least this many pixels are traced on all processors. */
	private static final long PARALLEL_PIXELS = 1 << 20;

	private final GeometryFactory factory;

	public LabelTracer(final GeometryFactory factory) {
		this.factory = factory;
	}

	public LabelTracer() {
		this(new GeometryFactory());
	}

	/**
	 * Traces all labels of a plane given row by row.
	 *
	 * @param labels {@code width * height} label values, row-major; 0 is background; values are unsigned
	 * @param offsetX added to every x coordinate (to place a cropped plane in its image)
	 * @param offsetY added to every y coordinate
	 * @return one geometry (Polygon or MultiPolygon) per label, in order of first appearance in the scan
	 */
	public Map<Integer, Geometry> trace(final int[] labels, final int width, final int height, final double offsetX,
		final double offsetY)
	{
		if (labels.length < (long) width * height)
			throw new IllegalArgumentException("Label plane has " + labels.length + " values, expected " + width + "x" + height);
		return trace((y, row) -> System.arraycopy(labels, y * width, row, 0, width), width, height, offsetX, offsetY);
	}

	/**
	 * Traces all labels of a plane read row by row, so that no copy of the whole plane is needed. Large planes
	 * are scanned in horizontal bands and their outlines joined on all processors; {@code rows} is then read
	 * from several threads at once. When reading fails, the failure of the topmost band is thrown.
	 *
	 * @see #trace(int[], int, int, double, double)
	 */
	public Map<Integer, Geometry> trace(final Rows rows, final int width, final int height, final double offsetX,
		final double offsetY)
	{
		if (width < 0 || height < 0)
			throw new IllegalArgumentException("Label plane of " + width + "x" + height + " pixels: sizes cannot be negative");
		final int parts = (long) width * height < PARALLEL_PIXELS ? 1 : Math.max(1, Math.min(Runtime.getRuntime()
			.availableProcessors(), height / 64));
		final List<Supplier<EdgeBand>> scans = new ArrayList<>(parts);
		for (int i = 0; i < parts; i++) {
			final int from = (int) ((long) height * i / parts), to = (int) ((long) height * (i + 1) / parts);
			scans.add(() -> EdgeBand.scan(rows, width, height, from, to));
		}
		final List<EdgeList> labels = EdgeBand.merge(runAll(scans));
		final Geometry[] geometries = new Geometry[labels.size()];
		final List<Supplier<Void>> joins = new ArrayList<>(parts);
		for (final int[] range : ranges(labels, parts)) {
			joins.add(() -> {
				final OutlineWalker walker = new OutlineWalker();
				for (int i = range[0]; i < range[1]; i++)
					geometries[i] = walker.geometry(labels.get(i), factory, offsetX, offsetY);
				return null;
			});
		}
		runAll(joins);
		final Map<Integer, Geometry> result = new LinkedHashMap<>(labels.size() * 2);
		for (int i = 0; i < geometries.length; i++)
			result.put(labels.get(i).label, geometries[i]);
		return result;
	}

	/** Splits the labels into {@code parts} runs of about the same number of edges. */
	private static List<int[]> ranges(final List<EdgeList> labels, final int parts) {
		long total = 0;
		for (final EdgeList e : labels)
			total += e.size;
		final List<int[]> ranges = new ArrayList<>(parts);
		int start = 0;
		long sum = 0;
		for (int i = 0; i < labels.size(); i++) {
			sum += labels.get(i).size;
			if (ranges.size() < parts - 1 && sum * parts >= total * (ranges.size() + 1)) {
				ranges.add(new int[] { start, i + 1 });
				start = i + 1;
			}
		}
		ranges.add(new int[] { start, labels.size() });
		return ranges;
	}

	/**
	 * Runs {@code tasks}, the first in this thread and the others in the common pool, and returns their results
	 * in order. If any fails, the failure of the first failing task in order is thrown as it was thrown (the
	 * pool's own reporting would wrap it and prefix its message with the class name).
	 */
	private static <T> List<T> runAll(final List<Supplier<T>> tasks) {
		final int n = tasks.size();
		final List<T> results = new ArrayList<>(java.util.Collections.nCopies(n, null));
		final Throwable[] failures = new Throwable[n];
		final List<Future<?>> others = new ArrayList<>(n);
		for (int i = 1; i < n; i++) {
			final int task = i;
			others.add(ForkJoinPool.commonPool().submit(() -> run(tasks, task, results, failures)));
		}
		run(tasks, 0, results, failures);
		for (final Future<?> f : others) {
			try {
				f.get();
			}
			catch (final ExecutionException e) {
				throw new IllegalStateException(e.getCause()); // run() catches everything: not reached
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while tracing labels", e);
			}
		}
		for (final Throwable failure : failures) {
			if (failure instanceof RuntimeException) throw (RuntimeException) failure;
			if (failure instanceof Error) throw (Error) failure;
		}
		return results;
	}

	private static <T> void run(final List<Supplier<T>> tasks, final int i, final List<T> results,
		final Throwable[] failures)
	{
		try {
			results.set(i, tasks.get(i).get());
		}
		catch (final RuntimeException | Error e) {
			failures[i] = e;
		}
	}

}
