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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.testutil.CliRun;
import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;

/** {@code bia-annotations run "<label>" "<macro options>"}: recorded macro lines run without Fiji. */
class RunCommandTest {

	@TempDir
	Path tmp;

	private SampleData.SampleFiles sample;
	private Path study;

	@BeforeEach
	void sample() throws IOException {
		sample = SampleData.standard().write(tmp.resolve("my images"));
		study = tmp.resolve("my study.yaml");
		Files.write(study, DemoMetadata.create().toCombinedYaml().getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aRecordedExportLineBuildsThePackage() throws IOException {
		final Path out = tmp.resolve("pkg");
		final CliRun r = CliRun.run("run", "Export Annotations...", "image=[" + sample.image + "] rois=[" +
			sample.rois + "] output=" + out + " metadata=[" + study + "] coco=true release_date=2031-02-03");
		assertEquals(0, r.exit, r.toString());
		assertTrue(r.out.startsWith("Exported 42 ROIs"), r.toString());
		assertTrue(Files.isRegularFile(out.resolve("annotations/nuclei/nuclei.coco.json")));
		assertTrue(new ObjectMapper().readTree(out.resolve("submission.json").toFile()).toString()
			.contains("2031-02-03"));
	}

	@Test
	void theLabelMayOmitTheDotsAndTheCase() {
		final CliRun r = CliRun.run("run", "export annotations", "image=[" + sample.image + "] rois=[" + sample.rois +
			"] output=" + tmp.resolve("pkg") + " overwrite=false");
		assertEquals(0, r.exit, r.toString());
		assertTrue(r.out.contains("annotation files only"), r.toString());
	}

	@Test
	void mistakesAreNamedAndNothingRuns() {
		final CliRun unknown = CliRun.run("run", "Export Annotations...", "image=x.tif outptu=/tmp/p");
		assertEquals(1, unknown.exit);
		assertTrue(unknown.err.contains("no option 'outptu'") && unknown.err.contains("output"), unknown.toString());
		final CliRun missing = CliRun.run("run", "Export Annotations...", "image=x.tif");
		assertTrue(missing.err.contains("needs the option output=..."), missing.toString());
		final CliRun label = CliRun.run("run", "Export Everything", "");
		assertTrue(label.err.contains("no command 'Export Everything'") && label.err.contains("Push to Archive..."),
			label.toString());
		final CliRun bool = CliRun.run("run", "Export Annotations...", "output=/tmp/p coco=yes");
		assertTrue(bool.err.contains("coco=yes: expected true or false"), bool.toString());
		final CliRun flag = CliRun.run("run", "Export Annotations...", "output=/tmp/p coco");
		assertTrue(flag.err.contains("write coco=true"), flag.toString());
		final CliRun number = CliRun.run("run", "Local Archive Server...", "port=eighty");
		assertTrue(number.err.contains("port=eighty: not a number"), number.toString());
		assertFalse(Files.exists(Path.of("/tmp/p")));
	}

	@Test
	void aFailingCommandExitsNonZeroAndSaysWhyOnce() {
		final CliRun r = CliRun.run("run", "Export Annotations...", "image=[" + tmp.resolve("none.tif") + "] output=" +
			tmp.resolve("pkg"));
		assertEquals(1, r.exit, r.toString());
		final String all = r.out + r.err;
		assertTrue(all.contains("none.tif"), r.toString());
		assertEquals(all.indexOf("none.tif"), all.lastIndexOf("none.tif"), "said once: " + r);
		assertFalse(Files.exists(tmp.resolve("pkg")));
	}

	@Test
	void validatePackageRunsTheRealValidator() throws IOException {
		final Path pkg = Files.createDirectories(tmp.resolve("pkg"));
		final CliRun r = CliRun.run("run", "Validate Package...", "folder=" + pkg);
		assertEquals(1, r.exit, r.toString());
		assertTrue(r.err.contains("manifest.json: missing"), "the project's validator names what is missing: " + r);
	}

	@Test
	void listShowsEveryCommandWithItsOptions() {
		final CliRun r = CliRun.run("run", "--list");
		assertEquals(0, r.exit, r.toString());
		for (final String label : new String[] { "Export Annotations...", "Import Annotations...", "Validate Package...",
			"Push to Archive...", "Submissions...", "Archive Account...", "Local Archive Server..." })
			assertTrue(r.out.contains(label), label + " in " + r.out);
		assertTrue(r.out.contains("output=<path>*") && r.out.contains("release_date=<text>"), r.out);
	}
}
