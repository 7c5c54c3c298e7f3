package io.github.biaannotations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	private List<String> names() throws IOException {
		try (Stream<Path> s = Files.list(dir.resolve("sub"))) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
		final Path target = dir.resolve("sub/profile.yaml");
		AtomicFiles.write(target, "old: 1\n");
		assertEquals("old: 1\n", Files.readString(target), "the folder is created and the file written");
		final IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, tmp -> {
			Files.writeString(tmp, "new: ");
			throw new IOException("disk full");
		}));
		assertEquals("disk full", e.getMessage());
		assertEquals("old: 1\n", Files.readString(target));
		assertEquals(List.of("profile.yaml"), names());
		AtomicFiles.write(target, "new: 2\n");
		assertEquals("new: 2\n", Files.readString(target));
		assertEquals(List.of("profile.yaml"), names());
		// permissions as for any file the user creates, not a temporary file's owner-only ones
		final Path plain = Files.createFile(dir.resolve("plain.txt"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
	}
}
