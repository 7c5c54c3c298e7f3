package io.github.biaannotations.cli;

import io.github.biaannotations.testutil.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: sample data to an accession on a local archive, with nothing set up. */
class DemoCommandTest {

	@TempDir
	Path tmp;

	@Test
	void demoEndsWithAnAccessionAndThePackageOnTheLocalArchive() throws Exception {
		final CliRun r = CliRun.run("demo", "--dir", tmp);
		assertEquals(0, r.exit, r.toString());
		final String[] lines = r.out.trim().split("\n");
		final String accession = lines[lines.length - 1].trim();
		assertTrue(accession.matches("S-BIAD\\d+"), "last line is the accession: " + accession);
		assertTrue(r.out.contains("PROCESSED"), r.out);
		assertTrue(Files.exists(tmp.resolve("package/submission.json")));
		try (var files = Files.walk(tmp.resolve("local-archive"))) {
			final String folder = io.github.biaannotations.archive.PackagePusher.remoteFolder(tmp.resolve("package"));
			assertTrue(files.anyMatch(p -> p.endsWith(folder + "/annotations/nuclei/nuclei.geojson")), "the GeoJSON landed in the user area");
		}
		assertTrue(!r.out.contains("password") && !r.err.contains("password"), "no password in the output");
		final CliRun valid = CliRun.run("validate", tmp.resolve("package"));
		assertEquals(0, valid.exit, "the push record left in the package does not upset validate: " + valid);
		assertTrue(!valid.out.contains(".bia-push.json"), valid.out);
	}
}
