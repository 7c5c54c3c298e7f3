package io.github.biaannotations.zarr;


import io.github.biaannotations.testutil.Required;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent Zarr readers the tests compare against: zarrita (npm, Zarr v3) from
 * {@code .test-tools/node} and zarr-python (Debian's {@code python3-zarr}, Zarr v2). When a reader is
 * missing, the calling test is skipped with a message saying what to install.
 */
public final class IndependentReaders {

	/** What a reader returned: its JSON report and, for arrays, the whole array as little-endian bytes. */
	public static final class Result {

		public final JsonNode report;
		public final byte[] data;

		Result(final JsonNode report, final byte[] data) {
			this.report = report;
			this.data = data;
		}
	}

	private static final ObjectMapper MAPPER = new ObjectMapper();
	private static final Path NODE_TOOLS = Paths.get(".test-tools", "node");

	private IndependentReaders() {}

	/** Reads the array at {@code path} of a Zarr store with the reader for its format. */
	public static Result readArray(final ZarrFormat format, final Path store, final String path)
		throws IOException, InterruptedException
	{
		final Path out = Files.createTempFile("zarr-read", ".bin");
		try {
			final JsonNode report = run(format, store, path, "array", out.toString());
			return new Result(report, Files.readAllBytes(out));
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	/** Reads the attributes of the node at {@code path} with the reader for the format. */
	public static JsonNode readAttributes(final ZarrFormat format, final Path store, final String path)
		throws IOException, InterruptedException
	{
		return run(format, store, path, "attrs", null).get("attrs");
	}

	private static JsonNode run(final ZarrFormat format, final Path store, final String path,
		final String mode, final String out) throws IOException, InterruptedException
	{
		final List<String> command = new ArrayList<>();
		if (format == ZarrFormat.V3) {
			Required.that(Files.isDirectory(NODE_TOOLS.resolve("node_modules/zarrita")) && onPath("node"),
				"zarrita is absent (run scripts/install-test-tools: node + npm install zarrita@0.7 into .test-tools/node)");
			final Path script = NODE_TOOLS.resolve("read_zarrita.mjs");
			copyResource("read_zarrita.mjs", script);
			command.addAll(Arrays.asList("node", script.toAbsolutePath().toString()));
		}
		else {
			final String python = python();
			Required.that(python != null, "python3 with zarr is absent (apt-get install python3-zarr)");
			final Path script = Files.createTempFile("read_zarr_v2", ".py");
			copyResource("read_zarr_v2.py", script);
			script.toFile().deleteOnExit();
			command.addAll(Arrays.asList(python, script.toString()));
		}
		command.add(store.toAbsolutePath().toString());
		command.add(path);
		command.add(mode);
		if (out != null) command.add(out);
		final Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
		final byte[] stdout = readAll(p.getInputStream());
		final byte[] stderr = readAll(p.getErrorStream());
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("reader timed out: " + command);
		}
		if (p.exitValue() != 0) throw new IOException("reader failed (" + p.exitValue() + "): " + command +
			"\n" + new String(stderr, StandardCharsets.UTF_8));
		final String text = new String(stdout, StandardCharsets.UTF_8).trim();
		return MAPPER.readTree(text.substring(text.lastIndexOf('\n') + 1));
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private static void copyResource(final String name, final Path target) throws IOException {
		try (InputStream in = IndependentReaders.class.getResourceAsStream(name)) {
			Files.createDirectories(target.toAbsolutePath().getParent());
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String python;

	private static synchronized String python() {
		if (python == null) {
			python = "";
			for (final String candidate : new String[] { "/usr/bin/python3", "python3" }) {
				try {
					final Process p = new ProcessBuilder(candidate, "-c", "import zarr").redirectErrorStream(true)
						.start();
					p.getInputStream().readAllBytes();
					if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
						python = candidate;
						break;
					}
				}
				catch (final IOException e) {
					// try the next one
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		return python.isEmpty() ? null : python;
	}

	private static boolean onPath(final String program) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			if (Files.isExecutable(Paths.get(dir, program))) return true;
		return false;
	}
}
