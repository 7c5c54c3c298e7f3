package io.github.biaannotations.fiji.macro;

import static io.github.biaannotations.testutil.FijiCommands.map;
import static io.github.biaannotations.testutil.FijiCommands.succeeded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;
import org.scijava.prefs.PrefService;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.fiji.commands.ArchiveAccount;
import io.github.biaannotations.fiji.commands.ArchiveAccountCommand;
import io.github.biaannotations.fiji.commands.ArchiveAccounts;
import io.github.biaannotations.fiji.commands.ExportAnnotationsCommand;
import io.github.biaannotations.model.Folders;
import io.github.biaannotations.testutil.FijiCommands;

/**
 * The recorder's contract: a command run with the values a dialog gives is recorded as one line (by the rules
 * of imagej-legacy's recorder), and that line, replayed without a dialog, gives the same package.
 */
class MacroRecordingTest {

	@TempDir
	Path tmp;

	private FijiCommands fiji;

	@BeforeEach
	void setUp() {
		fiji = new FijiCommands();
	}

	@AfterEach
	void tearDown() {
		fiji.context.service(PrefService.class).clear(ArchiveAccounts.class);
		new ArchiveAccounts(null).forgetPassword();
		fiji.close();
	}

	@Test
	void aRecordedExportReplaysToTheSamePackage() throws IOException {
		final SampleData.SampleFiles sample = SampleData.standard().write(tmp.resolve("my images"));
		final Path study = tmp.resolve("my study.yaml");
		Files.write(study, DemoMetadata.create().toCombinedYaml().getBytes(StandardCharsets.UTF_8));
		final Path out = tmp.resolve("pkg");
		// every input set, as the dialog hands them over
		final Module first = succeeded(fiji.run(ExportAnnotationsCommand.class, map("image", sample.image.toFile(),
			"rois", sample.rois.toFile(), "labels", ExportAnnotationsCommand.NO_LABELS, "output", out.toFile(),
			"metadata", study.toFile(), "coco", false, "points_csv", true, "release_date", "", "draft", false,
			"overwrite", false)));
		final String options = MacroRecording.options(first);
		assertEquals("image=[" + sample.image + "] rois=[" + sample.rois + "] labels=None output=" + out +
			" metadata=[" + study + "] coco=false points_csv=true label_outlines=false labels_from_rois=none include_image=false" +
			" zarr_version=0.5 compression=zstd shard=0 release_date=[] draft=false overwrite=false", options);
		assertTrue(MacroRecording.line(first).startsWith("run(\"Export Annotations...\", \"image=["), MacroRecording
			.line(first));
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		final byte[] geojson = Files.readAllBytes(out.resolve("annotations/nuclei/nuclei.geojson"));
		Folders.deleteTree(out);

		final MacroCommandRunner.Result replay = new MacroCommandRunner(fiji.context).run("Export Annotations...", options);
		assertTrue(replay.succeeded(), replay.failure);
		assertArrayEquals(geojson, Files.readAllBytes(out.resolve("annotations/nuclei/nuclei.geojson")));
		assertEquals(columns(tsv), columns(Files.readAllLines(out.resolve("annotations.tsv"))));
		assertTrue(Files.isRegularFile(out.resolve("annotations/nuclei/nuclei_points.csv")));
	}

	@Test
	void passwordsAreNotRecorded() {
		final Module m = succeeded(fiji.run(ArchiveAccountCommand.class, map("url", ArchiveAccount.TEST, "login", "ada",
			"password", "s3cret", "remember", false)));
		final String options = MacroRecording.options(m);
		assertEquals("url=" + ArchiveAccount.TEST + " login=ada remember=false", options);
		assertFalse(MacroRecording.line(m).contains("s3cret"));
	}

	/** The file list without its creation-time column, which records when each export ran. */
	private static List<String> columns(final List<String> tsv) {
		return tsv.stream().map(l -> l.substring(0, l.lastIndexOf('\t'))).collect(Collectors.toList());
	}
}
