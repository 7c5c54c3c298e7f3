package io.github.biaannotations.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.PushResult;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.archive.TransferProgress;
import io.github.biaannotations.model.Folders;

/**
 * Push throughput against curl, in the same run and to the same server: a package of {@code SIZE_MB}
 * (default 1024) in {@code FILES} files (default 8) is pushed by {@link PackagePusher} in this JVM, and the same
 * files are uploaded by curl, one request per file as the client sends files this large, to a local archive
 * running in its own JVM. {@link PushCurlBenchmark} times the whole push command instead.
 * Prints the throughput ratio (target at least 0.9) and the client's peak heap for a small and the full
 * package (memory must not grow with file size).
 *
 * <pre>
 * java -Xmx64m -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     io.github.biaannotations.bench.PushBenchmark [SIZE_MB] [FILES] [ROUNDS]
 * </pre>
 */
public final class PushBenchmark {

	private static final String USER = "bench";
	private static final String PASSWORD = "bench-password";

	private PushBenchmark() {}

	public static void main(final String... args) throws Exception {
		final int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
		final int files = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		final Path work = Files.createTempDirectory("push-benchmark");
		Process server = null;
		try {
			final Path big = writePackage(work.resolve("big"), files, (long) sizeMb << 20);
			final Path small = writePackage(work.resolve("small"), files, (long) files << 20);
			server = startServer(work.resolve("store"));
			final String url = readUrl(server);
			System.out.printf("package: %d files, %d MB; server %s; client max heap %d MB%n", files, sizeMb, url,
				Runtime.getRuntime().maxMemory() >> 20);
			final long smallPeak = push(url, small, true)[1];
			final List<Double> ratios = new ArrayList<>();
			double curlSeconds = 0;
			double pushSeconds = 0;
			double uploadSeconds = 0;
			double curlCpu = 0;
			double pushCpu = 0;
			long bigPeak = 0;
			for (int round = 1; round <= rounds; round++) {
				final double[] c = curl(url, big, "curl-" + round);
				final long[] p = push(url, big, false);
				final double s = p[0] / 1e9;
				bigPeak = Math.max(bigPeak, p[1]);
				curlSeconds += c[0];
				pushSeconds += s;
				uploadSeconds += p[3] / 1e9;
				curlCpu += c[1];
				pushCpu += p[2] / 1e9;
				ratios.add(c[0] / s);
				System.out.printf("round %d: curl %.2f s (%.0f MB/s, %.2f s CPU), push %.2f s (%.0f MB/s, %.2f s CPU)," +
					" ratio %.2f%n", round, c[0], sizeMb / c[0], c[1], s, sizeMb / s, p[2] / 1e9, c[0] / s);
			}
			ratios.sort(null);
			System.out.printf("total: curl %.0f MB/s, push %.0f MB/s; throughput ratio push/curl = %.2f overall, " +
				"%.2f median of rounds (target >= 0.90)%n", rounds * sizeMb / curlSeconds, rounds * sizeMb / pushSeconds,
				curlSeconds / pushSeconds, ratios.get(ratios.size() / 2));
			System.out.printf("upload phase of push alone: %.0f MB/s, ratio to curl %.2f%n", rounds * sizeMb /
				uploadSeconds, curlSeconds / uploadSeconds);
			System.out.printf("client CPU per GB: curl %.2f s, push %.2f s (push JVM incl. GC)%n", curlCpu / rounds *
				1024 / sizeMb, pushCpu / rounds * 1024 / sizeMb);
			verifyStored(work.resolve("store"), big);
			System.out.printf("client peak heap: %d MB for %d MB package, %d MB for %d MB package%n", smallPeak >> 20,
				files, bigPeak >> 20, sizeMb);
		}
		finally {
			if (server != null) {
				server.destroy();
				server.waitFor();
			}
			Folders.deleteTree(work);
		}
	}

	/**
	 * Pushes a package; returns {nanoseconds, peak heap bytes, CPU nanoseconds of this JVM, nanoseconds of the
	 * upload phase alone}. Resets the package and the remote copy first. */
	private static long[] push(final String url, final Path pkg, final boolean quiet) throws Exception {
		// a new study each time: no record, no remote copy, a title the archive has not seen
		Files.deleteIfExists(pkg.resolve(".bia-push.json"));
		deleteRemote(url, pkg.getFileName().toString());
		final Path submission = pkg.resolve("submission.json");
		Files.write(submission, new String(Files.readAllBytes(submission), StandardCharsets.UTF_8).replaceFirst(
			"\"Benchmark [^\"]*\"", "\"Benchmark " + pkg.getFileName() + " " + System.nanoTime() + "\"").getBytes(
				StandardCharsets.UTF_8));
		final MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
		System.gc();
		final AtomicLong peak = new AtomicLong();
		final Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (final InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		final long cpu0 = os.getProcessCpuTime();
		final long t0 = System.nanoTime();
		final ArchiveClient client = new ArchiveClient(url, USER, PASSWORD.toCharArray(), RetryPolicy.DEFAULT, null,
			null);
		final AtomicLong firstByte = new AtomicLong();
		final AtomicLong uploaded = new AtomicLong();
		final PushListener timing = new PushListener() {

			@Override
			public void progress(final TransferProgress p) {
				firstByte.compareAndSet(0, System.nanoTime());
			}

			@Override
			public void step(final String message) {
				if (message.startsWith("Uploaded ")) uploaded.set(System.nanoTime());
			}
		};
		final PushResult r = new PackagePusher(client, timing).pollEvery(Duration.ofMillis(20), Duration.ofMillis(
			100)).push(pkg);
		final long t = System.nanoTime() - t0;
		final long cpu = os.getProcessCpuTime() - cpu0;
		sampler.interrupt();
		sampler.join();
		if (!r.processed()) throw new IllegalStateException("push ended " + r.status() + ": " + r.errors());
		if (r.submittedBefore() || r.filesUploaded() == 0) throw new IllegalStateException(
			"the push did not upload and submit afresh");
		if (!quiet) System.out.printf("  push -> %s, %d files uploaded%n", r.accNo(), r.filesUploaded());
		return new long[] { t, peak.get(), cpu, uploaded.get() - firstByte.get() };
	}

	/**
	 * Uploads every file of the package with curl, one process and request per file, from one shell loop;
	 * returns {seconds, curl CPU seconds}.
	 */
	private static double[] curl(final String url, final Path pkg, final String folder) throws Exception {
		deleteRemote(url, folder);
		final Path headers = Files.createTempFile("curl-headers", ".txt");
		try {
			Files.write(headers, ("X-Session-Token: " + login(url)).getBytes(StandardCharsets.UTF_8));
			final List<Path> all = new ArrayList<>();
			try (Stream<Path> s = Files.walk(pkg)) {
				s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".bia-push")).sorted()
					.forEach(all::add);
			}
			final StringBuilder script = new StringBuilder("set -e\n");
			for (final Path f : all) {
				final String rel = pkg.relativize(f.getParent()).toString().replace('\\', '/');
				script.append("curl -s -S -f -o /dev/null -H @'").append(headers).append("' -F 'filePath=").append(
					folder).append(rel.isEmpty() ? "" : "/" + rel).append("' -F 'files=@").append(f).append("' '").append(
						url).append("files/user/upload'\n");
			}
			script.append("times\n");
			final long t0 = System.nanoTime();
			final Process p = new ProcessBuilder("bash", "-c", script.toString()).redirectError(
				ProcessBuilder.Redirect.INHERIT).start();
			final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (p.waitFor() != 0) throw new IllegalStateException("curl failed: " + out);
			final double seconds = (System.nanoTime() - t0) / 1e9;
			// the second line of `times`: user and system time of the children (the curl processes)
			final String[] children = out.trim().split("\n")[1].trim().split("\\s+");
			return new double[] { seconds, shellTime(children[0]) + shellTime(children[1]) };
		}
		finally {
			Files.deleteIfExists(headers);
		}
	}

	/** Parses bash's {@code 1m2.345s}. */
	private static double shellTime(final String t) {
		final int m = t.indexOf('m');
		return Integer.parseInt(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
	}

	private static String login(final String url) throws Exception {
		final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url +
			"auth/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
				"{\"login\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers
					.ofString());
		return new ObjectMapper().readTree(r.body()).get("sessid").asText();
	}

	private static void deleteRemote(final String url, final String folder) throws Exception {
		HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "files/user/delete")).header(
			"X-Session-Token", login(url)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
				.ofString("{\"path\":\"\",\"fileName\":\"" + folder + "\"}")).build(), HttpResponse.BodyHandlers
					.discarding());
	}

	/** Checks that the last push stored every file of the package unchanged (sha256). */
	private static void verifyStored(final Path store, final Path pkg) throws Exception {
		final List<Path> stored = new ArrayList<>();
		final String folder = PackagePusher.remoteFolder(pkg);
		try (Stream<Path> s = Files.walk(store.resolve("files"))) {
			s.filter(p -> p.endsWith(Paths.get(folder, "annotations.tsv"))).forEach(stored::add);
		}
		if (stored.size() != 1) throw new IllegalStateException("pushed package not found in " + store);
		final Path remote = stored.get(0).getParent();
		try (Stream<Path> s = Files.walk(pkg)) {
			for (final Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
				if (p.getFileName().toString().startsWith(".bia-push")) continue;
				final Path r = remote.resolve(pkg.relativize(p).toString());
				if (!sha256(p).equals(sha256(r))) throw new IllegalStateException("stored " + r + " differs from " + p);
			}
		}
		System.out.println("stored files verified: sha256 of every file matches");
	}

	private static String sha256(final Path file) throws Exception {
		final java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
			final java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 20);
			while (ch.read(buf) >= 0) {
				buf.flip();
				md.update(buf);
				buf.clear();
			}
		}
		return new java.math.BigInteger(1, md.digest()).toString(16);
	}

	private static Path writePackage(final Path dir, final int files, final long total) throws IOException {
		Files.createDirectories(dir.resolve("annotations"));
		final byte[] block = new byte[1 << 20];
		final Random random = new Random(42);
		final StringBuilder tsv = new StringBuilder("Files\tannotation_type\tsource_image\n");
		final long each = total / files;
		for (int i = 0; i < files; i++) {
			final String name = String.format("annotations/labels_%02d.bin", i);
			try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
				for (long w = 0; w < each; w += block.length) {
					random.nextBytes(block);
					out.write(block, 0, (int) Math.min(block.length, each - w));
				}
			}
			tsv.append(name).append("\tsegmentation_mask\timage_").append(i).append(".tif\n");
		}
		Files.write(dir.resolve("annotations.tsv"), tsv.toString().getBytes(StandardCharsets.UTF_8));
		final String date = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(1).toString();
		Files.write(dir.resolve("submission.json"), ("{\"attributes\":[{\"name\":\"Title\",\"value\":\"Benchmark " +
			dir.getFileName() + "\"},{\"name\":\"ReleaseDate\",\"value\":\"" + date + "\"},{\"name\":\"AttachTo\"," +
			"\"value\":\"BioImages\"}],\"section\":{\"type\":\"Study\",\"subsections\":[{\"type\":\"Annotation\"," +
			"\"attributes\":[{\"name\":\"File List\",\"value\":\"annotations.tsv\"}]}]},\"type\":\"submission\"}")
				.getBytes(StandardCharsets.UTF_8));
		return dir;
	}

	private static Process startServer(final Path store) throws IOException {
		final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
			"io.github.biaannotations.cli.Main", "serve", "--port", "0", "--store", store.toString(), "--user", USER +
				":" + PASSWORD, "--stage-delay-ms", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	private static String readUrl(final Process server) throws IOException {
		final BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
			StandardCharsets.UTF_8));
		final String line = in.readLine();
		if (line == null || !line.startsWith("Local archive listening on ")) throw new IllegalStateException(
			"The server did not start: " + line);
		return line.substring("Local archive listening on ".length()).split(" ")[0];
	}
}
