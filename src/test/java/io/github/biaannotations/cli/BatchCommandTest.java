package io.github.biaannotations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.testutil.CliRun;

/** {@code bia-annotations batch}: the summary table and the exit codes users script against. */
class BatchCommandTest {

	@TempDir
	Path tmp;

	private Path input;
	private Path study;

	@BeforeEach
	void folder() throws IOException {
		input = tmp.resolve("in");
		final SampleData.SampleFiles s = SampleData.standard().write(input);
		Files.copy(s.image, input.resolve("b.tif"));
		Files.copy(s.rois, input.resolve("b.zip"));
		study = tmp.resolve("study.yaml");
		Files.write(study, DemoMetadata.create().toCombinedYaml().getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void allGoodExitsZeroAndARerunReusesEverything() {
		final Path out = tmp.resolve("pkg");
		final CliRun r = CliRun.run("batch", "--input", input, "--out", out, "--metadata", study, "--format", "csv");
		assertEquals(0, r.exit, r.toString());
		assertTrue(r.out.contains("nuclei.tif") && r.out.contains("exported"), r.out);
		assertTrue(r.out.contains("Package written: " + out.toAbsolutePath()), r.out);
		assertTrue(Files.isRegularFile(out.resolve("annotations/b/b_points.csv")));
		final CliRun again = CliRun.run("batch", "--input", input, "--out", out, "--metadata", study, "--format", "csv");
		assertEquals(0, again.exit, again.toString());
		assertTrue(again.out.contains("done before") && again.out.contains("Package up to date"), again.out);
		assertTrue(again.out.contains("2 reused from the last run"), again.out);
	}

	@Test
	void batchTakesTheExportOptionsOfExport() {
		final Path out = tmp.resolve("pkg");
		final CliRun r = CliRun.run("batch", "--input", input, "--out", out, "--metadata", study, "--include-image",
			"--compression", "zstd:5", "--shard", "2");
		assertEquals(0, r.exit, r.toString());
		assertTrue(Files.isDirectory(out.resolve("images/b.ome.zarr")), r.toString());
		assertTrue(Files.isRegularFile(out.resolve("images.tsv")));
		final CliRun bad = CliRun.run("batch", "--input", input, "--out", out, "--zarr-version", "0.4", "--shard", "2");
		assertEquals(1, bad.exit, bad.toString());
		assertTrue(bad.err.contains("error: --shard 2: sharding needs OME-NGFF 0.5 (Zarr v3), not --zarr-version 0.4"),
			bad.err);
	}

	@Test
	void aBadFileGivesExitCodeThreeAndItsReason() throws IOException {
		Files.write(input.resolve("b.zip"), new byte[] { 1, 2, 3 });
		final CliRun r = CliRun.run("batch", "--input", input, "--out", tmp.resolve("pkg"), "--metadata", study);
		assertEquals(BatchCommand.SOME_FAILED, r.exit, r.toString());
		assertTrue(r.out.contains("b.tif: ") && r.out.contains("b.zip"), r.out);
		assertTrue(r.out.contains("1 failed"), r.out);
		assertTrue(Files.isRegularFile(tmp.resolve("pkg/annotations/nuclei/nuclei.geojson")));
		assertFalse(Files.exists(tmp.resolve("pkg/annotations/b")));
	}

	@Test
	void nothingToExportExitsOne() throws IOException {
		final Path empty = Files.createDirectories(tmp.resolve("empty"));
		final CliRun r = CliRun.run("batch", "--input", empty, "--out", tmp.resolve("pkg"));
		assertEquals(1, r.exit, r.toString());
		assertTrue(r.err.contains("no images"), r.err);
	}
}
