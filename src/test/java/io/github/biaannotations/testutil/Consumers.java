package io.github.biaannotations.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real programs that read what we write ({@code ../shared/consumers}): QuPath's GeoJSON import, Fiji's N5
 * Zarr reader, ome-zarr-models, zarr-python, ome-zarr-py, the archive's bia-ingest and ro-crate-ingest, its point
 * converter, the MIFA JSON Schema, pycocotools and GDAL. Each is run as its own process on real files and says
 * ACCEPTED or REJECTED; a test passes only on the consumer's word. The Python ones run in the venv that
 * {@code scripts/install-test-tools} makes with the consumers' own {@code setup-venv}, at
 * {@code .test-tools/consumers-venv}.
 */
public final class Consumers {

	/** What a consumer said about its input. */
	public static final class Verdict {

		public final String consumer;
		public final int exitCode;
		public final String output;

		Verdict(final String consumer, final int exitCode, final String output) {
			this.consumer = consumer;
			this.exitCode = exitCode;
			this.output = output;
		}

		/** True when the consumer accepted its input (exit 0). */
		public boolean accepted() {
			return exitCode == 0;
		}

		/** Fails the test, with the consumer's own words, unless it accepted. */
		public Verdict assertAccepted() {
			if (!accepted()) fail(consumer + " rejected it (exit " + exitCode + "):\n" + output);
			return this;
		}

		/** The output's lines that start with {@code prefix}. */
		public List<String> lines(final String prefix) {
			final List<String> found = new ArrayList<>();
			for (final String line : output.split("\n"))
				if (line.startsWith(prefix)) found.add(line);
			return found;
		}

		@Override
		public String toString() {
			return consumer + " exit " + exitCode + "\n" + output;
		}
	}

	private Consumers() {}

	/** {@code ../shared/consumers}, or the folder named by the system property {@code bia.consumers}. */
	public static Path dir() {
		return Paths.get(System.getProperty("bia.consumers", "../shared/consumers")).toAbsolutePath().normalize();
	}

	/** The venv made by {@code setup-venv} (scripts/install-test-tools makes it). */
	public static Path venv() {
		return Paths.get(System.getProperty("bia.consumers.venv", ".test-tools/consumers-venv")).toAbsolutePath()
			.normalize();
	}

	/**
	 * Runs the Python consumer {@code script} (one of {@code DIR/bin/}: ome-zarr-models-validate, zarr-read,
	 * ome-zarr-read, bia-ingest-package, ro-crate-ingest-package, bia-points-csv, mifa-schema-validate, coco-load,
	 * geojson-ogr) with {@code args}. Skips (fails under CI) when the venv is missing; fails when the consumer
	 * could not run at all (exit 2 or more), which is no verdict.
	 */
	public static Verdict python(final String script, final Object... args) {
		final Path launcher = venv().resolve("bin").resolve(script);
		Required.that(Files.isExecutable(launcher), launcher + " is absent (scripts/install-test-tools makes the " +
			"consumers' venv with " + dir().resolve("python/setup-venv") + ")");
		final List<String> command = new ArrayList<>();
		command.add(launcher.toString());
		for (final Object a : args) command.add(a.toString());
		return run(script, command);
	}

	/** QuPath 0.7.0's own GeoJSON import ({@code PathIO.readObjects}) on each file: one JSON line per object. */
	public static Verdict qupath(final Path... files) {
		final Path launcher = dir().resolve("qupath/qupath-geojson");
		Required.that(Files.isExecutable(launcher), launcher + " is absent (no ../shared/consumers beside this checkout)");
		final List<String> command = new ArrayList<>();
		command.add(launcher.toString());
		for (final Path f : files) command.add(f.toAbsolutePath().toString());
		return run("qupath-geojson", command);
	}

	/** QuPath's own GeoJSON export of its test objects into {@code out} ({@code index.json} lists them). */
	public static Path qupathWrites(final Path out) {
		final Path launcher = dir().resolve("qupath/qupath-geojson");
		Required.that(Files.isExecutable(launcher), launcher + " is absent (no ../shared/consumers beside this checkout)");
		run("qupath-geojson --write", Arrays.asList(launcher.toString(), "--write", out.toAbsolutePath().toString()))
			.assertAccepted();
		return out;
	}

	/**
	 * Fiji's N5 Zarr reader ({@code n5-zarr/n5-zarr-read}, n5-zarr with n5-universe's OME-NGFF parser) on one
	 * Zarr container (a group or an array): lists and reads every dataset, one {@code summary:} line each.
	 */
	public static Verdict n5Zarr(final Path container, final String... options) {
		final Path launcher = dir().resolve("n5-zarr/n5-zarr-read");
		Required.that(Files.isExecutable(launcher), launcher + " is absent (no ../shared/consumers beside this checkout)");
		final List<String> command = new ArrayList<>();
		command.add(launcher.toString());
		command.add(container.toAbsolutePath().toString());
		command.addAll(Arrays.asList(options));
		return run("n5-zarr-read", command);
	}

	private static Verdict run(final String name, final List<String> command) {
		try {
			final Path log = Files.createTempFile("consumer", ".log");
			try {
				final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
					.start();
				if (!p.waitFor(300, TimeUnit.SECONDS)) {
					p.destroyForcibly();
					fail(name + " did not finish in 300 s: " + command);
				}
				final String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
				if (p.exitValue() >= 2) fail(name + " could not run (exit " + p.exitValue() + "), which is no verdict: " +
					command + "\n" + out);
				return new Verdict(name, p.exitValue(), out);
			}
			finally {
				Files.deleteIfExists(log);
			}
		}
		catch (final IOException e) {
			fail(name + " could not be started: " + e);
			throw new AssertionError(e);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
