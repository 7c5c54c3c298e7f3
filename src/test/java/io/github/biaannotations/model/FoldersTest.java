package io.github.biaannotations.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

	@TempDir
	Path tmp;

	@Test
	void deletesATreeAndLeavesItsNeighbours() throws IOException {
		final Path tree = tmp.resolve("a.ome.zarr");
		Files.createDirectories(tree.resolve("0/c/1/2"));
		Files.writeString(tree.resolve("0/c/1/2/3"), "chunk");
		Files.writeString(tree.resolve("zarr.json"), "{}");
		Files.writeString(tmp.resolve("neighbour.txt"), "kept");
		Folders.deleteTree(tree);
		assertFalse(Files.exists(tree));
		assertTrue(Files.exists(tmp.resolve("neighbour.txt")));
	}

	@Test
	void absentFolderIsNothingToDo() throws IOException {
		Folders.deleteTree(tmp.resolve("never-written"));
		assertTrue(Files.isDirectory(tmp));
	}
}
