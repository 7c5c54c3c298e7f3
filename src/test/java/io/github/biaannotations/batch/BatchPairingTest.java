package io.github.biaannotations.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented name rules that pair images with ROI sets and label images. */
class BatchPairingTest {

	@TempDir
	Path dir;

	private void touch(final String... names) throws IOException {
		for (final String n : names) {
			final Path p = dir.resolve(n);
			Files.createDirectories(p.getParent());
			Files.write(p, new byte[] { 1 });
		}
	}

	private static List<String> names(final List<Path> paths) {
		return paths.stream().map(p -> p.getParent().getFileName() + "/" + p.getFileName()).collect(Collectors.toList());
	}

	@Test
	void everyDocumentedRulePairs() throws IOException {
		touch("a.tif", "a.zip", "b.tiff", "b_RoiSet.zip", "c.tif", "c_labels.tif", "d.ome.tif", "labels/d.tif",
			"e.tif", "e.roi");
		final BatchPairing p = BatchPairing.scan(dir);
		final String d = dir.getFileName().toString();
		assertEquals(5, p.items().size());
		assertEquals(List.of(d + "/a.zip"), names(p.items().get(0).roiFiles()));
		assertEquals(List.of(d + "/b_RoiSet.zip"), names(p.items().get(1).roiFiles()));
		assertEquals(List.of(d + "/c_labels.tif"), names(p.items().get(2).labelFiles()));
		assertEquals("d.ome.tif", p.items().get(3).image().getFileName().toString());
		assertEquals(List.of("labels/d.tif"), names(p.items().get(3).labelFiles()));
		assertEquals(List.of(d + "/e.roi"), names(p.items().get(4).roiFiles()));
		assertEquals(List.of(), p.unmatched());
	}

	@Test
	void labelImagesAreNeverSourcesAndStrayAnnotationsAreListed() throws IOException {
		touch("img.tif", "img_labels.tif", "img_RoiSet.zip", "img.zip", "other_RoiSet.zip", "gone_labels.tif",
			"labels/gone.tif", "notes.txt");
		final BatchPairing p = BatchPairing.scan(dir);
		assertEquals(1, p.items().size(), "img_labels.tif is a label image, not a second image");
		assertEquals(2, p.items().get(0).roiFiles().size(), "img.zip and img_RoiSet.zip both pair");
		assertEquals(List.of("gone_labels.tif", "other_RoiSet.zip", "gone.tif"),
			p.unmatched().stream().map(f -> f.getFileName().toString()).collect(Collectors.toList()));
	}

	@Test
	void aMissingFolderIsNamed() {
		final NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> BatchPairing.scan(dir.resolve("nope")));
		assertEquals(dir.resolve("nope").toString(), e.getFile());
	}
}
