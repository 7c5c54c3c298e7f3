package io.github.biaannotations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.ArchiveException;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.archive.TestPackages;
import picocli.CommandLine;

/**
 * Secrets (issue 7): a full push through the command line to {@code serve --log}, with a session that expires
 * half-way, a wrong password, a refused submission and an archive that goes away, all with every log level
 * switched on. Then every line printed, every log record (with stack traces), every exception message and every
 * file written (package, journal, archive store) is searched for the password and for every session token the
 * archive handed out, as text and in Base64. None may appear.
 */
class PushSecretsSecurityTest {

	private static final String PASSWORD = "Pw-7qZ!secret-horse-battery";

	@TempDir
	Path tmp;

	/** Every session token seen on the wire (login answers and request headers). */
	private final Set<String> tokens = ConcurrentHashMap.newKeySet();
	private final StringBuilder printed = new StringBuilder();
	private final List<String> records = new ArrayList<>();

	@Test
	void noPasswordOrTokenInAnyOutputFileOrMessage() throws Exception {
		final Handler capture = new Handler() {

			private final SimpleFormatter f = new SimpleFormatter();

			@Override
			public synchronized void publish(final LogRecord r) {
				records.add(f.format(r));
			}

			@Override
			public void flush() {}

			@Override
			public void close() {}
		};
		capture.setLevel(Level.ALL);
		final Logger root = Logger.getLogger("");
		final Level rootLevel = root.getLevel();
		root.addHandler(capture);
		root.setLevel(Level.ALL);
		final PrintStream stdout = System.out, stderr = System.err;
		final ByteArrayOutputStream console = new ByteArrayOutputStream();
		final PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
		System.setOut(both);
		System.setErr(both);
		final ServeCommand serve = new ServeCommand();
		final StringWriter serveOut = new StringWriter();
		final CommandLine serveCl = new CommandLine(serve);
		serveCl.setOut(new PrintWriter(serveOut, true));
		serveCl.setErr(new PrintWriter(serveOut, true));
		final AtomicInteger serveExit = new AtomicInteger(-1);
		final Thread serving = new Thread(() -> serveExit.set(serveCl.execute("--port", "0", "--store", tmp.resolve(
			"store").toString(), "--user", "alice:" + PASSWORD, "--stage-delay-ms", "0", "--log")));
		try {
			serving.start();
			for (int i = 0; i < 500 && serve.running == null && serving.isAlive(); i++) {
				Thread.sleep(10);
			}
			assertTrue(serve.running != null, "serve did not start: " + serveOut);
			serve.running.addFilter(new com.sun.net.httpserver.Filter() {

				@Override
				public void doFilter(final com.sun.net.httpserver.HttpExchange ex, final Chain chain)
					throws IOException
				{
					final String t = ex.getRequestHeaders().getFirst("X-Session-Token");
					if (t != null) tokens.add(t);
					chain.doFilter(ex);
				}

				@Override
				public String description() {
					return "records tokens";
				}
			});
			final String url = serve.running.baseUri().toString();
			// 1. a full push, then a second push of a changed package after the archive ended the session
			final Path pkg = TestPackages.writeValid(tmp.resolve("study"), "Secrets", 3, 4000, 9);
			ArchiveSignIn.terminal = () -> null; // no terminal to ask at, as in CI
			ArchiveSignIn.environment = n -> n.equals("BIA_PASSWORD") ? PASSWORD : null;
			push(pkg, url, 0);
			serve.running.expireSessions();
			final Path pkg2 = TestPackages.writeValid(tmp.resolve("study2"), "Secrets again", 2, 3000, 10);
			push(pkg2, url, 0);
			// 2. a wrong password (which is also a secret: it may be a real one mistyped)
			ArchiveSignIn.environment = n -> n.equals("BIA_PASSWORD") ? PASSWORD + "-typo" : null;
			push(tmp.resolve("study"), url, 1);
			// 3. a package push refuses before sending anything (a listed file missing)
			ArchiveSignIn.environment = n -> n.equals("BIA_PASSWORD") ? PASSWORD : null;
			final Path bad = TestPackages.writeValid(tmp.resolve("bad"), "Refused", 1, 100, 11);
			Files.writeString(bad.resolve("annotations.tsv"), "Files\tannotation_type\tsource_image\n" +
				"annotations/missing.geojson\tgeometrical_annotations\timage.tif\n");
			push(bad, url, 1);
			// 4. exception messages of the core, collected directly, including an archive that has gone away
			final List<String> messages = new ArrayList<>();
			final ArchiveClient client = new ArchiveClient(url, "alice", PASSWORD.toCharArray(), new RetryPolicy(2,
				java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(20), d -> Thread.sleep(d.toMillis())),
				PushListener.NONE, null);
			client.signIn();
			serve.running.close();
			try {
				new PackagePusher(client, PushListener.NONE).push(TestPackages.writeValid(tmp.resolve("gone"), "Gone", 1, 10,
					12));
			}
			catch (final ArchiveException e) {
				messages.add(stackTrace(e));
			}
			for (final String m : messages) {
				printed.append(m).append('\n');
			}
			assertFalse(messages.isEmpty(), "the push to a stopped archive failed with an exception");
		}
		finally {
			serve.stop.countDown();
			serving.join(10_000);
			System.setOut(stdout);
			System.setErr(stderr);
			root.removeHandler(capture);
			root.setLevel(rootLevel);
			ArchiveSignIn.environment = System::getenv;
			ArchiveSignIn.terminal = TerminalPrompt::open;
		}
		printed.append(serveOut).append('\n').append(console.toString(StandardCharsets.UTF_8));
		assertTrue(tokens.size() >= 2, "tokens seen (one per signed-in push): " + tokens.size());
		assertTrue(serveOut.toString().contains("POST /files/user/upload"), "the request log was on: " + serveOut);
		assertTrue(records.size() > 0, "log records captured");
		final List<String> secrets = new ArrayList<>(tokens);
		secrets.add(PASSWORD);
		secrets.add(PASSWORD + "-typo");
		final List<String> forms = new ArrayList<>();
		for (final String s : secrets) {
			forms.add(s);
			forms.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
			forms.add(Base64.getEncoder().encodeToString(("alice:" + s).getBytes(StandardCharsets.UTF_8)));
		}
		final String text = printed + "\n" + String.join("\n", records);
		int filesSearched = 0;
		for (final String f : forms) {
			assertFalse(text.contains(f), "a secret appears in the output or logs");
		}
		try (Stream<Path> s = Files.walk(tmp)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				if (!Files.isRegularFile(p)) continue;
				filesSearched++;
				final String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
				for (final String f : forms) {
					assertFalse(content.contains(f), "a secret appears in " + tmp.relativize(p));
				}
			}
		}
		assertTrue(filesSearched > 20, "files searched: " + filesSearched);
		System.out.printf("secrets: %d tokens and 2 passwords searched in %d files, %d log records and %d " +
			"characters of output: none found%n", tokens.size(), filesSearched, records.size(), text.length());
	}

	private void push(final Path pkg, final String url, final int expectedExit) {
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final CommandLine cl = Main.newCommandLine();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		final int code = cl.execute("push", pkg.toString(), "--archive", url, "--user", "alice");
		printed.append(out).append('\n').append(err).append('\n');
		assertEquals(expectedExit, code, out + "\n" + err);
	}

	private static String stackTrace(final Throwable t) {
		final StringWriter w = new StringWriter();
		t.printStackTrace(new PrintWriter(w));
		return w.toString();
	}
}
