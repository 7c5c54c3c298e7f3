package io.github.biaannotations.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

import io.github.biaannotations.cli.Main;
import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.imagej.ImageJQuirks;

import picocli.CommandLine;

/**
 * Packages as a user with a large image makes them: a 16-bit stack with noise (so that it does not compress to
 * nothing) and its label stack, exported with {@code export --include-image} and the defaults (OME-Zarr 0.5,
 * zstd, about 4 MB chunks, a pyramid), so that the package holds hundreds of chunk files.
 */
final class ImagePackages {

	private static final int SIDE = 2048;

	private ImagePackages() {}

	/**
	 * Exports a package with an image of about {@code imageMb} MiB (uncompressed) into {@code out}, which must not
	 * exist; the inputs are written into {@code work}.
	 */
	static Path export(final Path work, final String name, final int imageMb, final Path out) throws IOException {
		Files.createDirectories(work);
		ImageJQuirks.apply();
		final int slices = Math.max(1, (int) (((long) imageMb << 20) / (2L * SIDE * SIDE)));
		final Path image = work.resolve(name + ".tif");
		final Path labels = work.resolve(name + "_labels.tif");
		save(noise(name, slices), image);
		save(labels(name + "_labels", slices), labels);
		final Path metadata = work.resolve("metadata");
		if (!Files.isDirectory(metadata)) DemoMetadata.create().writeTemplates(metadata);
		final StringWriter err = new StringWriter();
		final CommandLine cl = Main.newCommandLine();
		cl.setOut(new PrintWriter(new StringWriter(), true));
		cl.setErr(new PrintWriter(err, true));
		final int exit = cl.execute("export", "--image", image.toString(), "--labels", labels.toString(),
			"--include-image", "--metadata", metadata.toString(), "--release-date", LocalDate.now(ZoneOffset.UTC)
				.plusDays(7).toString(), "--out", out.toString());
		if (exit != 0) throw new IllegalStateException("export failed (" + exit + "): " + err);
		Files.delete(image);
		Files.delete(labels);
		return out;
	}

	/** {files, bytes} of a package, without push's record. */
	static long[] count(final Path pkg) throws IOException {
		final long[] n = new long[2];
		try (Stream<Path> s = Files.walk(pkg)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".bia-push")) continue;
				n[0]++;
				n[1] += Files.size(p);
			}
		}
		return n;
	}

	/** Noise of 12 bits over a slow gradient: compresses to about three quarters. */
	private static ImagePlus noise(final String name, final int slices) {
		final ImageStack stack = new ImageStack(SIDE, SIDE);
		final SplittableRandom random = new SplittableRandom(42);
		for (int z = 0; z < slices; z++) {
			final short[] px = new short[SIDE * SIDE];
			for (int i = 0; i < px.length; i++)
				px[i] = (short) (200 + (i % SIDE + z * 16) + random.nextInt(4096));
			stack.addSlice(new ShortProcessor(SIDE, SIDE, px, null));
		}
		final ImagePlus imp = new ImagePlus(name, stack);
		imp.setDimensions(1, slices, 1);
		imp.setCalibration(calibration());
		return imp;
	}

	/** A grid of rectangular cells on every slice, numbered per slice. */
	private static ImagePlus labels(final String name, final int slices) {
		final ImageStack stack = new ImageStack(SIDE, SIDE);
		for (int z = 0; z < slices; z++) {
			final short[] px = new short[SIDE * SIDE];
			for (int y = 0; y < SIDE; y++)
				for (int x = 0; x < SIDE; x++)
					if (x % 64 > 8 + z % 8 && y % 64 > 8) px[y * SIDE + x] = (short) (1 + (y / 64) * 32 + x / 64);
			stack.addSlice(new ShortProcessor(SIDE, SIDE, px, null));
		}
		final ImagePlus imp = new ImagePlus(name, stack);
		imp.setDimensions(1, slices, 1);
		imp.setCalibration(calibration());
		return imp;
	}

	private static Calibration calibration() {
		final Calibration cal = new Calibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.pixelDepth = 2;
		cal.setUnit("micron");
		return cal;
	}

	private static void save(final ImagePlus imp, final Path file) throws IOException {
		final FileSaver saver = new FileSaver(imp);
		if (!(imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString())))
			throw new IOException("could not save " + file);
	}
}
