package io.github.biaannotations.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import io.github.biaannotations.imagej.LabelImages;
import io.github.biaannotations.model.Folders;
import io.github.biaannotations.ngff.OmeZarrExporter;
import io.github.biaannotations.ngff.OmeZarrOptions;
import io.github.biaannotations.zarr.FileSystemStore;
import io.github.biaannotations.zarr.ZarrArrayReader;

/**
 * A label stack larger than the heap (default 4096 x 4096 x 128 16-bit = 4 GiB) exported to OME-Zarr 0.5 with
 * its pyramid, from a virtual stack whose planes are made when asked for: shows that the export streams. Run
 * with a small heap, e.g. {@code BENCH_JAVA_OPTS=-Xmx512m scripts/benchmark LargeLabelStackBenchmark}; prints the
 * time, throughput, peak heap in use (sampled every 20 ms) and checks three planes read back from the store.
 * Needs free disk for the output (labels compress well: a few hundred MB).
 */
public final class LargeLabelStackBenchmark {

	public static void main(final String[] args) throws Exception {
		final int w = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
		final int h = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
		final int d = args.length > 2 ? Integer.parseInt(args[2]) : 128;
		final long bytes = 2L * w * h * d;
		final ImagePlus imp = new ImagePlus("large_labels", new Generated(w, h, d));
		imp.setDimensions(1, d, 1);
		final Path dir = Files.createTempDirectory("bia-large-labels-");
		final Path out = dir.resolve("large_labels.ome.zarr");
		final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		final AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
		final Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				} catch (final InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		final long t0 = System.nanoTime();
		new OmeZarrExporter(OmeZarrOptions.defaults()).exportLabels(LabelImages.fromImagePlus(imp, "large_labels", Map.of()).get(0), out, null);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		sampler.interrupt();
		final long stored = size(out);
		System.out.printf("%d x %d x %d 16-bit labels (%.2f GiB) -> OME-Zarr 0.5 with pyramid, zstd: %.1f s, %.0f MB/s; " +
			"stored %.0f MB; peak heap in use %d MB of max %d MB%n", w, h, d, bytes / (double) (1L << 30), seconds,
			bytes / 1e6 / seconds, stored / 1e6, peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
		final ZarrArrayReader reader = ZarrArrayReader.open(new FileSystemStore(out), "0");
		for (final int z : new int[] { 0, d / 2, d - 1 }) {
			final ShortBufferCheck check = new ShortBufferCheck(reader.readPlane(new long[] { z }));
			final short[] expected = (short[]) Generated.plane(w, h, z).getPixels();
			for (int i = 0; i < expected.length; i++)
				if (check.get(i) != expected[i]) throw new IllegalStateException("plane " + z + " differs at pixel " + i);
		}
		System.out.println("planes 0, " + d / 2 + " and " + (d - 1) + " read back identical");
		Folders.deleteTree(dir);
	}

	private static long size(final Path dir) throws java.io.IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	/** Little-endian uint16 samples of a plane read from the store. */
	private static final class ShortBufferCheck {

		private final ByteBuffer buffer;

		ShortBufferCheck(final byte[] plane) {
			buffer = ByteBuffer.wrap(plane).order(ByteOrder.LITTLE_ENDIAN);
		}

		short get(final int i) {
			return buffer.getShort(2 * i);
		}
	}

	/** Planes made on demand: cells on a 48-pixel grid whose radius changes with z, numbered uniquely per cell. */
	private static final class Generated extends VirtualStack {

		private final int d;

		Generated(final int w, final int h, final int d) {
			super(w, h, null, null);
			this.d = d;
		}

		@Override
		public ImageProcessor getProcessor(final int n) {
			return plane(getWidth(), getHeight(), n - 1);
		}

		static ShortProcessor plane(final int w, final int h, final int z) {
			final short[] p = new short[w * h];
			final int cells = w / 48;
			for (int y = 0; y < h; y++) {
				final int cy = y / 48, dy = y % 48 - 24;
				for (int x = 0; x < w; x++) {
					final int cx = x / 48, dx = x % 48 - 24;
					final int r = 8 + ((cx * 7 + cy * 13 + z) % 12);
					if (dx * dx + dy * dy <= r * r) p[y * w + x] = (short) (1 + (cy * cells + cx) % 65535);
				}
			}
			return new ShortProcessor(w, h, p, null);
		}

		@Override
		public int getSize() {
			return d;
		}

		@Override
		public int getBitDepth() {
			return 16;
		}

		@Override
		public String getSliceLabel(final int n) {
			return null;
		}
	}
}
