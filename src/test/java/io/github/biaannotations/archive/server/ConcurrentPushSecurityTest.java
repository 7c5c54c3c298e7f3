package io.github.biaannotations.archive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.PushResult;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.archive.TestPackages;

/**
 * A workshop under load (issue 7): 30 people, each with their own account, push package after package to one
 * local archive for a bounded time, uploading and submitting at once. Afterwards every file in every user area
 * and in every processed submission is byte for byte what was sent (sha256), every accession is distinct, no
 * upload is left half-written, and no push failed. Prints the figures for the README's reliability section.
 */
class ConcurrentPushSecurityTest {

	private static final int PEOPLE = 30;
	/** Pushing time; the test ends about this long after the server is up, plus checking. */
	private static final Duration LOAD = Duration.ofSeconds(Long.getLong("bia.load.seconds", 15));

	@TempDir
	Path tmp;

	private LocalArchiveServer server;

	@BeforeEach
	void start() throws IOException {
		final LocalArchiveServer.Options o = new LocalArchiveServer.Options().store(tmp.resolve("store"))
			.stageDelayMillis(5);
		for (int i = 0; i < PEOPLE; i++) {
			o.user("person" + i, ("password-" + i).toCharArray());
		}
		server = LocalArchiveServer.start(o);
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	/** One package pushed by one person, kept for checking. */
	private static final class Pushed {

		final String login;
		final Path pkg;
		final PushResult result;

		Pushed(final String login, final Path pkg, final PushResult result) {
			this.login = login;
			this.pkg = pkg;
			this.result = result;
		}
	}

	@Test
	void thirtyPeoplePushingForABoundedTimeLoseNothing() throws Exception {
		final List<Pushed> pushed = new CopyOnWriteArrayList<>();
		final List<Throwable> failures = new CopyOnWriteArrayList<>();
		final AtomicLong bytes = new AtomicLong();
		final long end = System.nanoTime() + LOAD.toNanos();
		final List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			final int person = i;
			final Thread t = new Thread(() -> {
				try {
					final String login = "person" + person;
					final ArchiveClient client = new ArchiveClient(server.baseUri().toString(), login, ("password-" +
						person).toCharArray(), new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200), d -> Thread
							.sleep(d.toMillis())), PushListener.NONE, null);
					for (int round = 0; System.nanoTime() < end; round++) {
						// sizes vary from a few bytes to 300 KB, so that uploads span several buffers
						final int size = 1 + (person * 7919 + round * 104729) % 300_000;
						final Path pkg = TestPackages.write(tmp.resolve("p" + person + "-r" + round), "Person " + person +
							" round " + round, 1 + round % 4, size, person * 1000L + round);
						final PushResult r = new PackagePusher(client, PushListener.NONE).pollEvery(Duration.ofMillis(10),
							Duration.ofMillis(50)).push(pkg);
						bytes.addAndGet(r.bytesUploaded());
						pushed.add(new Pushed(login, pkg, r));
					}
				}
				catch (final Throwable e) {
					failures.add(e);
				}
			}, "person-" + i);
			threads.add(t);
			t.start();
		}
		final long t0 = System.nanoTime();
		for (final Thread t : threads) {
			t.join(LOAD.toMillis() + 120_000);
			assertTrue(!t.isAlive(), t.getName() + " still pushing long after the load ended");
		}
		final double seconds = (System.nanoTime() - t0) / 1e9;
		assertEquals(Collections.emptyList(), failures);
		final Set<String> accessions = new HashSet<>();
		long files = 0;
		for (final Pushed p : pushed) {
			assertEquals("POST_PROCESSED", p.result.status(), p.pkg + ": " + p.result.errors());
			assertTrue(accessions.add(p.result.accNo()), "accession given twice: " + p.result.accNo());
			files += assertIntact(p);
		}
		try (Stream<Path> s = Files.list(server.store().resolve("tmp"))) {
			assertEquals(0, s.count(), "partial uploads left in the store");
		}
		assertTrue(pushed.size() >= PEOPLE, "every person pushed at least once: " + pushed.size());
		System.out.printf("load: %d people, %.1f s: %d pushes, %d accessions, all distinct; %d files (%.1f MB) " +
			"stored, all intact by sha256%n", PEOPLE, seconds, pushed.size(), accessions.size(), files, bytes.get() /
				1e6);
	}

	/** Checks the user-area copy and the processed submission's copy of every file; returns how many. */
	private long assertIntact(final Pushed p) throws IOException {
		final Path area = server.userFolder(p.login).resolve(PackagePusher.remoteFolder(p.pkg));
		final Path submitted = server.store().resolve("submissions").resolve(p.result.accNo()).resolve(Integer
			.toString(p.result.version())).resolve("Files");
		long n = 0;
		try (Stream<Path> s = Files.walk(p.pkg)) {
			for (final Path f : (Iterable<Path>) s::iterator) {
				if (!Files.isRegularFile(f) || f.getFileName().toString().startsWith(".bia-push")) continue;
				final String rel = p.pkg.relativize(f).toString();
				final String sha = TestPackages.sha256(f);
				assertEquals(sha, TestPackages.sha256(area.resolve(rel)), "user area copy of " + rel + " of " + p.pkg);
				if (rel.startsWith("annotations/")) assertEquals(sha, TestPackages.sha256(submitted.resolve(rel)),
					"submitted copy of " + rel + " in " + p.result.accNo());
				n++;
			}
		}
		return n;
	}
}
