package io.github.biaannotations.fiji.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.metadata.MifaMetadata;

/** Where Export Annotations... takes its metadata from, and the dialog's result saved for the macro line. */
class ExportMetadataTest {

	@TempDir
	Path tmp;

	private final File output = new File("unused");

	@Test
	void aGivenFileWinsAndTheDialogIsNotShown() throws IOException {
		final File saved = ExportMetadata.saveBeside(DemoMetadata.create(), tmp.resolve("first").toFile());
		final ExportMetadata m = ExportMetadata.resolve(saved, true, () -> {
			throw new AssertionError("no dialog when a file is given");
		}, output);
		assertEquals(DemoMetadata.create().study().title(), m.metadata.get().study().title());
		assertEquals(saved, m.file);
	}

	@Test
	void theDialogsResultIsSavedBesideThePackageAndReadsBack() throws IOException {
		final MifaMetadata typed = DemoMetadata.create();
		typed.study().title("Typed in the dialog");
		final File out = tmp.resolve("pkg").toFile();
		final ExportMetadata m = ExportMetadata.resolve(null, true, () -> Optional.of(typed), out);
		assertEquals(tmp.resolve("pkg-metadata.yaml").toFile(), m.file);
		assertEquals("Typed in the dialog", MifaMetadata.load(m.file.toPath()).study().title());
		assertEquals(typed.study().authors().size(), MifaMetadata.load(m.file.toPath()).study().authors().size());
		assertFalse(Files.exists(out.toPath()), "the package itself is the export's job");
		try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
			assertEquals(1, s.count(), "no temporary file left behind");
		}
	}

	@Test
	void cancelIsNullAndHeadlessIsNoMetadata() throws IOException {
		assertNull(ExportMetadata.resolve(null, true, Optional::empty, tmp.resolve("pkg").toFile()));
		final ExportMetadata headless = ExportMetadata.resolve(null, false, () -> {
			throw new AssertionError("no dialog without a display");
		}, output);
		assertFalse(headless.metadata.isPresent());
		assertNull(headless.file);
		assertTrue(Files.notExists(tmp.resolve("pkg-metadata.yaml")));
	}
}
