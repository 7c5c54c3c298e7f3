package io.github.biaannotations.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.model.Folders;

/**
 * A whole {@code bia-annotations push} process against {@code curl} uploading the same bytes as one file, both to
 * the same local archive running in its own JVM, measured in the same run in alternating rounds. The package is
 * what {@code export --include-image} makes with the defaults of a 16-bit image of about {@code IMAGE_MB} MiB
 * with noise and its labels: OME-Zarr 0.5, hundreds of chunk files. The push is the real command,
 * {@code scripts/bia-annotations push} (JVM start, validation, sign-in, upload, submit, following the request to
 * POST_PROCESSED); curl is given a session token signed in for beforehand. The archive runs without its artificial pauses (stage delay and post-processing delay
 * 0), so that what is timed is the two clients and the work the archive really does; each round pushes as a new
 * account, so that every push is a first one. Prints both times, the ratio (target at most 1.1), the requests
 * each push made and the push JVM's heap (from its GC log) for a small and the large package.
 *
 * <pre>
 * scripts/benchmark PushCurlBenchmark [IMAGE_MB] [ROUNDS]     (defaults 355 and 5)
 * </pre>
 *
 * The packages are kept in {@code ${java.io.tmpdir}/bia-push-curl-benchmark} for the next run. JVM options for
 * the push processes may be given in the environment variable {@code BENCH_PUSH_OPTS} (added to
 * {@code BIA_JAVA_OPTS}).
 */
public final class PushCurlBenchmark {

	private static final String PASSWORD = "bench-password";
	private static final Pattern GC = Pattern.compile("\\] GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\(");
	private static final Pattern EXIT = Pattern.compile("heap +total \\d+K, used (\\d+)K");
	/**
	 * The command users run (from the project folder, as scripts/benchmark runs; {@code BENCH_LAUNCHER} may name
	 * another, say that of an earlier version to compare with).
	 */
	private static final Path LAUNCHER = Paths.get(System.getenv().getOrDefault("BENCH_LAUNCHER", Paths.get(
		"scripts", "bia-annotations").toString())).toAbsolutePath();

	private PushCurlBenchmark() {}

	public static void main(final String... args) throws Exception {
		final int imageMb = args.length > 0 ? Integer.parseInt(args[0]) : 355;
		final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		final Path cache = Paths.get(System.getProperty("java.io.tmpdir"), "bia-push-curl-benchmark");
		final Path big = cached(cache, "cells", imageMb);
		final Path small = cached(cache, "small", 16);
		final long[] n = ImagePackages.count(big);
		final long[] s = ImagePackages.count(small);
		if (n[0] < 200) throw new IllegalStateException("expected hundreds of files in " + big + ", found " + n[0]);
		final Path work = Files.createTempDirectory("push-curl-benchmark");
		final Path whole = work.resolve("package-as-one-file.bin");
		concatenate(big, whole);
		System.out.printf("package: %d files, %.1f MB (image %d MiB before compression); small package: %d files, " +
			"%.1f MB%n", n[0], n[1] / 1e6, imageMb, s[0], s[1] / 1e6);
		version(); // builds the launcher's jar when the sources changed
		final Server server = Server.start(work.resolve("store"), rounds);
		try {
			System.out.println("local archive " + server.url + " in its own JVM, stage and post-processing delays 0");
			// a round that warms the archive's JIT on both paths, not counted
			final Run warmCurl = curl(server, whole, "warm", server.token("warm"));
			final Run warmPush = push(server, big, "warm", work);
			System.out.printf("warm-up (not counted): curl %.2f s, push %.2f s%n", warmCurl.seconds, warmPush.seconds);
			final Run smallPush = push(server, small, "small", work);
			System.out.printf("push of the small package (fixed costs): %.2f s, %d requests, CPU s %.2f + archive %.2f%n",
				smallPush.seconds, smallPush.requests, smallPush.cpu, smallPush.serverCpu);
			System.out.printf("a JVM that only starts and prints its version: %.2f s%n", version());
			final List<Double> ratios = new ArrayList<>();
			Run last = null;
			long bigPeak = 0, bigLive = 0;
			for (int round = 1; round <= rounds; round++) {
				final String user = "bench" + round;
				final String token = server.token(user);
				final Run c;
				final Run p;
				if (round % 2 == 1) {
					c = curl(server, whole, user, token);
					p = push(server, big, user, work);
				}
				else {
					p = push(server, big, user, work);
					c = curl(server, whole, user, token);
				}
				ratios.add(p.seconds / c.seconds);
				bigPeak = Math.max(bigPeak, p.peakHeapMb);
				bigLive = Math.max(bigLive, p.liveHeapMb);
				last = p;
				System.out.printf("round %d: curl %.2f s (%.0f MB/s), push %.2f s (%.0f MB/s), push/curl %.2f; push made " +
					"%d requests, peak heap %d MB; CPU s curl %.2f + archive %.2f, push %.2f + archive %.2f%n", round,
					c.seconds, n[1] / 1e6 / c.seconds, p.seconds, n[1] / 1e6 / p.seconds, p.seconds / c.seconds, p.requests,
					p.peakHeapMb, c.cpu, c.serverCpu, p.cpu, p.serverCpu);
			}
			final List<Double> sorted = new ArrayList<>(ratios);
			Collections.sort(sorted);
			System.out.printf("push/curl: median %.2f, range %.2f-%.2f over %d rounds (target at most 1.10)%n", sorted
				.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), rounds);
			System.out.printf("push heap in use: at most %d MB (%d MB after GC) for the %.0f MB package, %d MB (%d MB) " +
				"for the %.0f MB one%n", bigPeak, bigLive, n[1] / 1e6, smallPush.peakHeapMb, smallPush.liveHeapMb, s[1] /
					1e6);
			verifyStored(server.store, big);
			System.out.println("last push: " + last.accession + "; every stored file matches the package (sha256)");
		}
		finally {
			server.stop();
			Folders.deleteTree(work);
		}
	}

	/** The package {@code name} with an image of {@code imageMb} MiB, exported into the cache unless it is there. */
	private static Path cached(final Path cache, final String name, final int imageMb) throws IOException {
		final Path pkg = cache.resolve(name + "-" + imageMb);
		if (Files.isRegularFile(pkg.resolve("manifest.json"))) return pkg;
		if (Files.exists(pkg)) Folders.deleteTree(pkg);
		System.out.println("exporting a package with a " + imageMb + " MiB image into " + pkg);
		return ImagePackages.export(cache.resolve(name + "-inputs"), name, imageMb, pkg);
	}

	/** What one push process did. */
	private static final class Run {

		double seconds;
		int requests;
		long peakHeapMb;
		long liveHeapMb;
		String accession;
		/** CPU seconds of the client process and of the archive meanwhile. */
		double cpu;
		double serverCpu;
	}

	/** Runs {@code bia-annotations push} as its own process (as the launcher does) and times it whole. */
	private static Run push(final Server server, final Path pkg, final String user, final Path work)
		throws Exception
	{
		Files.deleteIfExists(pkg.resolve(".bia-push.json"));
		final Path gc = work.resolve("gc-" + user + ".log");
		final String opts = System.getenv("BENCH_PUSH_OPTS");
		final Path cpu = work.resolve("cpu-" + user + ".txt");
		final ProcessBuilder pb = new ProcessBuilder(timed(cpu, LAUNCHER.toString(), "push", pkg.toString(),
			"--archive", server.url, "--user", user)).redirectError(ProcessBuilder.Redirect.DISCARD);
		pb.environment().put("BIA_PASSWORD", PASSWORD);
		pb.environment().put("BIA_JAVA_OPTS", "-Xlog:gc,gc+heap+exit:file=" + gc + (opts == null ? "" : " " + opts));
		final int before = server.requests.get();
		final double serverCpu = server.cpuSeconds();
		final long t0 = System.nanoTime();
		final Process p = pb.start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		final int exit = p.waitFor();
		final Run r = new Run();
		r.seconds = (System.nanoTime() - t0) / 1e9;
		if (exit != 0) throw new IllegalStateException("push exited " + exit + ": " + out);
		r.accession = out.substring(out.lastIndexOf('\n') + 1);
		Thread.sleep(300); // the archive logs a request once it has answered it
		r.requests = server.requests.get() - before;
		r.serverCpu = server.cpuSeconds() - serverCpu;
		r.cpu = cpuSeconds(cpu);
		for (final String line : Files.readAllLines(gc)) {
			final Matcher m = GC.matcher(line);
			if (m.find()) {
				r.peakHeapMb = Math.max(r.peakHeapMb, Long.parseLong(m.group(1)));
				r.liveHeapMb = Math.max(r.liveHeapMb, Long.parseLong(m.group(2)));
			}
			final Matcher e = EXIT.matcher(line);
			if (e.find()) r.peakHeapMb = Math.max(r.peakHeapMb, Long.parseLong(e.group(1)) >> 10);
		}
		return r;
	}

	/** Uploads {@code file} with curl as one file into folder {@code folder}, timed as a process. */
	private static Run curl(final Server server, final Path file, final String folder, final String token)
		throws Exception
	{
		final Path headers = Files.write(file.resolveSibling("curl-headers.txt"), ("X-Session-Token: " + token)
			.getBytes(StandardCharsets.UTF_8));
		final Path cpu = file.resolveSibling("cpu-curl.txt");
		final ProcessBuilder pb = new ProcessBuilder(timed(cpu, "curl", "-s", "-S", "-f", "-o", "/dev/null", "-H", "@" +
			headers, "-F", "filePath=" + folder + "-curl", "-F", "files=@" + file, server.url + "files/user/upload"))
				.redirectError(ProcessBuilder.Redirect.INHERIT);
		final double serverCpu = server.cpuSeconds();
		final long t0 = System.nanoTime();
		final int exit = pb.start().waitFor();
		final Run r = new Run();
		r.seconds = (System.nanoTime() - t0) / 1e9;
		r.serverCpu = server.cpuSeconds() - serverCpu;
		Files.delete(headers);
		if (exit != 0) throw new IllegalStateException("curl exited " + exit);
		r.cpu = cpuSeconds(cpu);
		return r;
	}

	/** {@code command} run by /usr/bin/time, which writes its user and system seconds into {@code cpu}. */
	private static List<String> timed(final Path cpu, final String... command) {
		final List<String> out = new ArrayList<>();
		if (Files.isExecutable(Paths.get("/usr/bin/time"))) out.addAll(List.of("/usr/bin/time", "-q", "-f", "%U %S",
			"-o", cpu.toString()));
		out.addAll(List.of(command));
		return out;
	}

	/** User plus system seconds that /usr/bin/time wrote; -1 without it. */
	private static double cpuSeconds(final Path cpu) throws IOException {
		if (!Files.isRegularFile(cpu)) return -1;
		final List<String> lines = Files.readAllLines(cpu);
		final String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
		Files.delete(cpu);
		return Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
	}

	/**
	 * Seconds of {@code bia-annotations --version}: a JVM that starts, reads the command line and exits, the floor
	 * of any push. The first call builds the launcher's jar if the sources are newer.
	 */
	private static double version() throws Exception {
		final long t0 = System.nanoTime();
		final Process p = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.waitFor() != 0) throw new IllegalStateException(LAUNCHER + " --version failed: " + out);
		return (System.nanoTime() - t0) / 1e9;
	}

	/** The package's files in one file, in path order: the bytes curl sends. */
	private static void concatenate(final Path pkg, final Path into) throws IOException {
		final List<Path> files = new ArrayList<>();
		try (Stream<Path> s = Files.walk(pkg)) {
			s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".bia-push")).sorted()
				.forEach(files::add);
		}
		try (OutputStream out = Files.newOutputStream(into)) {
			for (final Path f : files) {
				Files.copy(f, out);
			}
		}
	}

	/** Every file of the package is stored in each user area that received it, with the same sha256. */
	private static void verifyStored(final Path store, final Path pkg) throws Exception {
		final String folder = PackagePusher.remoteFolder(pkg);
		final List<Path> copies = new ArrayList<>();
		try (Stream<Path> s = Files.walk(store.resolve("files"))) {
			s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(folder)).forEach(copies::add);
		}
		if (copies.isEmpty()) throw new IllegalStateException("no pushed package in " + store);
		final List<Path> files = new ArrayList<>();
		try (Stream<Path> s = Files.walk(pkg)) {
			s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".bia-push")).forEach(
				files::add);
		}
		for (final Path copy : copies) {
			for (final Path f : files) {
				final Path stored = copy.resolve(pkg.relativize(f).toString());
				if (!Files.isRegularFile(stored) || !sha256(f).equals(sha256(stored))) throw new IllegalStateException(
					"stored " + stored + " differs from " + f);
			}
		}
	}

	private static String sha256(final Path file) throws Exception {
		final java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
		md.update(Files.readAllBytes(file));
		return new java.math.BigInteger(1, md.digest()).toString(16);
	}

	private static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The local archive in its own JVM, with an account per round, counting the requests it logs. */
	private static final class Server {

		final Process process;
		final String url;
		final Path store;
		final AtomicInteger requests = new AtomicInteger();

		private Server(final Process process, final String url, final Path store) {
			this.process = process;
			this.url = url;
			this.store = store;
		}

		static Server start(final Path store, final int rounds) throws IOException {
			final List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", System.getProperty(
				"java.class.path"), "io.github.biaannotations.cli.Main", "serve", "--port", "0", "--store", store
					.toString(), "--stage-delay-ms", "0", "--post-process-delay-ms", "0", "--log", "--user", "warm:" +
						PASSWORD, "--user", "small:" + PASSWORD));
			for (int i = 1; i <= rounds; i++) {
				cmd.add("--user");
				cmd.add("bench" + i + ":" + PASSWORD);
			}
			final Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			final BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
				StandardCharsets.UTF_8));
			final String line = in.readLine();
			if (line == null || !line.startsWith("Local archive listening on ")) throw new IllegalStateException(
				"The local archive did not start: " + line);
			final Server s = new Server(p, line.substring("Local archive listening on ".length()).split(" ")[0], store);
			final Thread counter = new Thread(() -> {
				try {
					String l;
					while ((l = in.readLine()) != null) {
						if (l.contains(" 127.0.0.1 ")) s.requests.incrementAndGet();
					}
				}
				catch (final IOException e) {
					// the archive stopped
				}
			});
			counter.setDaemon(true);
			counter.start();
			return s;
		}

		/** Signs {@code user} in; the session token. */
		String token(final String user) throws Exception {
			final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url +
				"auth/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
					"{\"login\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers
						.ofString());
			return new ObjectMapper().readTree(r.body()).get("sessid").asText();
		}

		/** CPU seconds the archive's JVM has used (Linux: /proc), or 0 where that cannot be read. */
		double cpuSeconds() {
			try {
				final String stat = new String(Files.readAllBytes(Paths.get("/proc/" + process.pid() + "/stat")),
					StandardCharsets.US_ASCII);
				final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
			}
			catch (final IOException | RuntimeException e) {
				return 0;
			}
		}

		void stop() throws InterruptedException {
			process.destroy();
			process.waitFor();
		}
	}
}
