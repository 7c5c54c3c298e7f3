package io.github.biaannotations.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.biaannotations.archive.server.PageTabProbe;
import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.model.Folders;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.submission.PackageValidator;

/**
 * Fuzzes PageTab and file lists on both sides. The local archive reads a submit body (PageTab JSON or TSV)
 * and the file lists it names (JSON or TSV) from a user's folder; our validator reads a package's
 * {@code submission.json}, {@code annotations.tsv} and {@code manifest.json}. The first byte chooses which of
 * these the rest replaces. The archive must answer 200, 400, 403 or its 500 for a body it cannot map, never fail; the validator must list
 * problems or fail with an IOException naming the file.
 */
class PageTabFuzzTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
	private static final String[] PACKAGE_FILES = { "submission.json", "annotations.tsv", "manifest.json" };
	private static final String SUBMISSION_WITH_LIST = "{\"attributes\":[{\"name\":\"ReleaseDate\",\"value\":" +
		"\"2099-01-01\"}],\"section\":{\"type\":\"Study\",\"attributes\":[{\"name\":\"File List\",\"value\":\"%s\"}]}}";

	private static Path base;
	private static Path area;
	private static Path pkg;
	private static final byte[][] originals = new byte[PACKAGE_FILES.length][];

	@BeforeAll
	static void setUp() throws IOException {
		base = Files.createTempDirectory("fuzz-pagetab");
		area = Files.createDirectories(base.resolve("area"));
		Files.createDirectories(area.resolve("data"));
		Files.writeString(area.resolve("data/a.geojson"), "{}");
		Files.writeString(area.resolve("data/b c.tif"), "II*");
		final SampleData.SampleFiles s = SampleData.standard().write(base.resolve("sample"));
		pkg = base.resolve("pkg");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(pkg).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(s.image, List.of(s.rois), List.of())), TODAY, Instant.parse("2026-11-29T10:00:00Z"));
		for (int i = 0; i < PACKAGE_FILES.length; i++)
			originals[i] = Files.readAllBytes(pkg.resolve(PACKAGE_FILES[i]));
	}

	@AfterAll
	static void clean() throws IOException {
		Folders.deleteTree(base);
	}

	@FuzzTest(maxDuration = "20s")
	void pageTab(final byte[] data) throws IOException {
		if (data.length == 0) return;
		final int choice = (data[0] & 0xff) % 7;
		final byte[] rest = Arrays.copyOfRange(data, 1, data.length);
		switch (choice) {
			case 0:
				archiveAnswers(false, rest);
				break;
			case 1:
				archiveAnswers(true, rest);
				break;
			case 2:
			case 3: {
				final String list = choice == 2 ? "files.json" : "files.tsv";
				Files.write(area.resolve(list), rest);
				archiveAnswers(false, String.format(SUBMISSION_WITH_LIST, list).getBytes(StandardCharsets.UTF_8));
				break;
			}
			default:
				validatorAnswers(choice - 4, rest);
		}
	}

	private static void archiveAnswers(final boolean tsv, final byte[] body) throws IOException {
		final int status = PageTabProbe.submitStatus(tsv, body, "alice", area);
		// 500 only for a body that cannot be mapped: the probe fails on any other
		if (status != 200 && status != 400 && status != 403 && status != 500) throw new AssertionError("archive " +
			"answered " + status);
	}

	private static void validatorAnswers(final int file, final byte[] content) throws IOException {
		final Path target = pkg.resolve(PACKAGE_FILES[file]);
		Files.write(target, content);
		try {
			new PackageValidator(pkg, TODAY).run();
		}
		catch (final IOException | RuntimeException e) {
			Expected.clearError(e, PACKAGE_FILES[file]);
		}
		finally {
			Files.write(target, originals[file]);
		}
	}
}
