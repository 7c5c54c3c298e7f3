package io.github.biaannotations.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import ij.gui.Roi;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.imagej.RoisToAnnotations;

/**
 * Fuzzes ImageJ ROI reading ({@code .roi} files and {@code RoiSet.zip}) and the conversion of what is read to
 * the annotation model, as {@code bia-annotations export} does. Seeds and crashers found so far live in
 * {@code src/test/resources/io/github/biaannotations/fuzz/RoiFilesFuzzTestInputs/} and run in every build.
 */
class RoiFilesFuzzTest {

	private static Path dir;

	@BeforeAll
	static void folder() throws IOException {
		dir = Files.createTempDirectory("fuzz-roi");
	}

	@AfterAll
	static void clean() throws IOException {
		Files.deleteIfExists(dir.resolve("in.roi"));
		Files.deleteIfExists(dir.resolve("RoiSet.zip"));
		Files.deleteIfExists(dir);
	}

	@FuzzTest(maxDuration = "20s")
	void roiFile(final byte[] data) throws IOException {
		readAndExport(dir.resolve("in.roi"), data);
	}

	@FuzzTest(maxDuration = "20s")
	void roiSetZip(final byte[] data) throws IOException {
		readAndExport(dir.resolve("RoiSet.zip"), data);
	}

	private static void readAndExport(final Path file, final byte[] data) throws IOException {
		Files.write(file, data);
		final List<Roi> rois = new ArrayList<>();
		try {
			RoiFiles.read(file, (roi, origin) -> rois.add(roi), w -> {});
		}
		catch (final IOException | RuntimeException e) {
			Expected.clearError(e, file.getFileName().toString());
			return;
		}
		final RoisToAnnotations exporter = new RoisToAnnotations(null, w -> {});
		for (int i = 0; i < rois.size(); i++) {
			try {
				exporter.toAnnotations(rois.get(i), i);
			}
			catch (final RuntimeException e) {
				Expected.clearError(e, null);
			}
		}
	}
}
