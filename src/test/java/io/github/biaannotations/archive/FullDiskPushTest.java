package io.github.biaannotations.archive;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.archive.server.LocalArchiveServer;
import io.github.biaannotations.model.Folders;

/**
 * A push to a local archive whose store is on a really full file system (no quota involved). Needs a small
 * file system with less than 24 MB free, given by the environment variable {@code BIA_TEST_SMALL_FS}
 * (e.g. {@code mount -t tmpfs -o size=20m tmpfs /mnt/small}); skips otherwise.
 */
class FullDiskPushTest {

	@TempDir
	Path tmp;

	@Test
	void aReallyFullDiskGivesTheServersMessageAndNoPartialFile() throws Exception {
		final String small = System.getenv("BIA_TEST_SMALL_FS");
		Required.that(small != null && Files.isDirectory(Paths.get(small)),
			"BIA_TEST_SMALL_FS (a small file system, which scripts/test mounts as root) is not set");
		final Path store = Files.createTempDirectory(Paths.get(small), "store");
		Required.that(Files.getFileStore(store).getUsableSpace() < 24L << 20,
			"BIA_TEST_SMALL_FS has 24 MB or more free");
		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Really full", 3, 8 << 20, 1);
		try (LocalArchiveServer server = LocalArchiveServer.start(new LocalArchiveServer.Options().store(store).user(
			"alice", "pw".toCharArray()).stageDelayMillis(0)))
		{
			final ArchiveException e = assertThrows(ArchiveException.class, () -> new PackagePusher(new ArchiveClient(
				server.baseUri().toString(), "alice", "pw".toCharArray(), new RetryPolicy(2, Duration.ofMillis(5),
					Duration.ofMillis(5), d -> {}), null, null), null).push(pkg));
			assertEquals(ArchiveException.Kind.SERVER, e.kind());
			assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
			try (Stream<Path> s = Files.list(store.resolve("tmp"))) {
				assertEquals(0, s.count(), "partial uploads left in the store");
			}
			// what arrived is whole (requests on their way together may all have failed, leaving nothing)
			final Path folder = server.userFolder("alice").resolve(PackagePusher.remoteFolder(pkg));
			if (Files.isDirectory(folder)) {
				try (Stream<Path> s = Files.walk(folder)) {
					for (final Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
						assertEquals(TestPackages.sha256(pkg.resolve(folder.relativize(p).toString())), TestPackages.sha256(p));
					}
				}
			}
		}
		finally {
			Folders.deleteTree(store);
		}
	}
}
