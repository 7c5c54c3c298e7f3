package io.github.biaannotations.bench;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;

import io.github.biaannotations.imagej.LabelImages;
import io.github.biaannotations.model.Folders;
import io.github.biaannotations.ngff.ExportedLabels;
import io.github.biaannotations.ngff.OmeZarrExporter;
import io.github.biaannotations.ngff.OmeZarrOptions;
import io.github.biaannotations.zarr.Compression;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark (a program, not a test): a 16-bit label stack of 2048 x 2048 x 64 synthetic nuclei written as
 * OME-Zarr 0.5 with its label pyramid and zstd, against ImageJ's {@code FileSaver.saveAsTiffStack} of the
 * same image in the same run. Rounds alternate the two; prints the median time of each and the median of the per-round
 * ratios (target: at most 1.0). Run with {@code -Xmx768m} (the 512 MB input + 256 MB) to show that the
 * export stays within 256 MB beyond its input: the JVM cannot exceed its heap limit.
 * <p>
 * Run: {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then
 * {@code java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.github.biaannotations.bench.LabelZarrBenchmark [width height depth repetitions shardFactor codec]}
 * (defaults 2048 2048 64 5 0 zstd; shard factor 8 groups 8 x 8 x 8 chunks per file; codec as export's --compression).
 */
public final class LabelZarrBenchmark {

	public static void main(final String... args) throws Exception {
		final int w = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
		final int h = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
		final int d = args.length > 2 ? Integer.parseInt(args[2]) : 64;
		final int reps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
		final int shardFactor = args.length > 4 ? Integer.parseInt(args[4]) : 0;
		final Compression compression = Compression.parse(args.length > 5 ? args[5] : "zstd");
		System.out.printf("synthetic nuclei %d x %d x %d, 16-bit (%d MB); %d cores; sharding %s%n", w, h, d,
			(long) w * h * d * 2 >> 20, Runtime.getRuntime().availableProcessors(), shardFactor == 0 ? "off"
				: "factor " + shardFactor);
		final ImagePlus imp = nuclei(w, h, d, 42);
		final Path tmp = Files.createTempDirectory("label-zarr-bench");
		try {
			final long[] zarr = new long[reps], tiff = new long[reps];
			final double[] ratios = new double[reps];
			ExportedLabels result = null;
			// untimed rounds until the JIT has compiled the hot loops (about four here), then timed rounds
			final int warmUp = 4;
			for (int r = -warmUp; r < reps; r++) {
				final Path z = tmp.resolve("nuclei_labels.ome.zarr");
				final Path t = tmp.resolve("nuclei_labels.tif");
				Folders.deleteTree(z);
				Files.deleteIfExists(t);
				// alternate which goes first, so neither always pays for the other's pending disk writes
				long zarrTime = 0, zarrCpu = 0, tiffTime = 0, tiffCpu = 0;
				for (int which = 0; which < 2; which++) {
					final boolean zarrTurn = (which == 0) == (r % 2 == 0);
					flushDiskWrites();
					final long cpu = cpuTime(), start = System.nanoTime();
					if (zarrTurn) result = new OmeZarrExporter(OmeZarrOptions.defaults().withSharding(shardFactor).withCompression(compression))
						.exportLabels(LabelImages.fromImagePlus(imp, "nuclei", Collections.emptyMap()).get(0), z, null);
					else if (!(d > 1 ? new FileSaver(imp).saveAsTiffStack(t.toString()) : new FileSaver(imp).saveAsTiff(t
						.toString()))) throw new IOException("TIFF save failed");
					final long time = System.nanoTime() - start, used = cpuTime() - cpu;
					if (zarrTurn) {
						zarrTime = time;
						zarrCpu = used;
					}
					else {
						tiffTime = time;
						tiffCpu = used;
					}
				}
				if (r >= 0) {
					zarr[r] = zarrTime;
					tiff[r] = tiffTime;
					ratios[r] = zarrTime / (double) tiffTime;
				}
				System.out.printf("round %d: OME-Zarr %.2f s, %.2f s CPU (%d MB in %d files); TIFF %.2f s, %.2f s CPU (%d MB)%n",
					r + 1, zarrTime / 1e9, zarrCpu / 1e9, size(z) >> 20, files(z), tiffTime / 1e9, tiffCpu / 1e9, Files
						.size(t) >> 20);
			}
			Arrays.sort(zarr);
			Arrays.sort(tiff);
			Arrays.sort(ratios);
			final double zm = zarr[reps / 2] / 1e9, tm = tiff[reps / 2] / 1e9;
			System.out.printf("labels: %d, pyramid levels: %d%n", result.statistics().size(), result.levels());
			System.out.printf("median OME-Zarr 0.5 (pyramid, zstd): %.2f s%n", zm);
			System.out.printf("median ImageJ saveAsTiffStack:       %.2f s%n", tm);
			System.out.printf("ratio of medians OME-Zarr / TIFF: %.2f%n", zm / tm);
			System.out.printf("median of per-round ratios OME-Zarr / TIFF: %.2f (target <= 1.0)%n", ratios[reps /
				2]);
			System.out.printf("load average during the run: %.1f on %d cores (other work on the machine skews both)%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime()
					.availableProcessors());
			final long input = (long) w * h * d * 2;
			final long max = Runtime.getRuntime().maxMemory();
			System.out.printf("heap limit %d MB = input %d MB + %d MB: every export above completed within it " +
				"(run with -Xmx<input + 256>m to check the 256 MB bound)%n", max >> 20, input >> 20, max - input >> 20);
		}
		finally {
			Folders.deleteTree(tmp);
		}
	}

	/** Ellipsoidal nuclei with distinct labels, about 12 % of the volume, as a 16-bit stack. */
	static ImagePlus nuclei(final int w, final int h, final int d, final long seed) {
		final short[][] planes = new short[d][w * h];
		final Random random = new Random(seed);
		final int count = Math.min(65535, (int) ((long) w * h * d / 60000));
		for (int label = 1; label <= count; label++) {
			final int cx = random.nextInt(w), cy = random.nextInt(h), cz = random.nextInt(d);
			final int rx = 6 + random.nextInt(12), ry = 6 + random.nextInt(12), rz = 2 + random.nextInt(5);
			for (int z = Math.max(0, cz - rz); z <= Math.min(d - 1, cz + rz); z++) {
				final double fz = (z - cz) / (double) rz;
				for (int y = Math.max(0, cy - ry); y <= Math.min(h - 1, cy + ry); y++) {
					final double fy = (y - cy) / (double) ry;
					for (int x = Math.max(0, cx - rx); x <= Math.min(w - 1, cx + rx); x++) {
						final double fx = (x - cx) / (double) rx;
						if (fx * fx + fy * fy + fz * fz <= 1) planes[z][y * w + x] = (short) label;
					}
				}
			}
		}
		final ImageStack stack = new ImageStack(w, h);
		for (final short[] p : planes)
			stack.addSlice(null, p);
		final ImagePlus imp = new ImagePlus("nuclei", stack);
		imp.setDimensions(1, d, 1);
		imp.getCalibration().setUnit("micron");
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = 0.2;
		imp.getCalibration().pixelDepth = 1;
		return imp;
	}

	/**
	 * Runs {@code sync} (untimed) so each timed write starts with no dirty pages pending: otherwise the
	 * kernel flushes the previous 512 MB TIFF while the next export runs and charges it to that export.
	 */
	private static void flushDiskWrites() throws IOException, InterruptedException {
		try {
			new ProcessBuilder("sync").inheritIO().start().waitFor();
		}
		catch (final IOException e) {
			// no sync command: timings then include other writes' flushing
		}
	}

	/** CPU time of this process (all threads, user + system), or 0 when the JVM cannot tell. */
	private static long cpuTime() {
		final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os)
			.getProcessCpuTime() : 0;
	}

	private static long size(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static long files(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).count();
		}
	}
}
