package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/** Images as users hand them over: whole, cut short by an interrupted copy, empty. */
class ImageFilesTest {

	@TempDir
	Path tmp;

	private Path stack(final String name, final int slices) {
		final ImageStack s = new ImageStack(64, 48);
		for (int z = 0; z < slices; z++) {
			final ShortProcessor ip = new ShortProcessor(64, 48);
			ip.setValue(z + 1);
			ip.fill();
			s.addSlice(ip);
		}
		final Path file = tmp.resolve(name);
		final ImagePlus imp = new ImagePlus(name, s);
		if (slices > 1) new FileSaver(imp).saveAsTiffStack(file.toString());
		else new FileSaver(imp).saveAsTiff(file.toString());
		return file;
	}

	@Test
	void aWholeTiffOpensAndATruncatedOneIsRefusedByName() throws IOException {
		for (final int slices : new int[] { 1, 3 }) {
			final Path file = stack("labels" + slices + ".tif", slices);
			assertEquals(slices, ImageFiles.open(file).getStackSize());
			final Path cut = tmp.resolve("cut" + slices + ".tif");
			final byte[] whole = Files.readAllBytes(file);
			Files.write(cut, Arrays.copyOf(whole, whole.length - 1000)); // the last pixels are missing
			final IOException e = assertThrows(IOException.class, () -> ImageFiles.open(cut));
			assertTrue(e.getMessage().startsWith(cut + ": truncated"), e.getMessage());
		}
	}

	@Test
	void anEmptyFileIsSaidToBeEmpty() throws IOException {
		final Path empty = Files.createFile(tmp.resolve("empty.tif"));
		final IOException e = assertThrows(IOException.class, () -> ImageFiles.open(empty));
		assertEquals(empty + ": the file is empty", e.getMessage());
	}
}
