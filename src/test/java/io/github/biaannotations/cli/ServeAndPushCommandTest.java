package io.github.biaannotations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.archive.TestPackages;
import picocli.CommandLine;

/** {@code serve} and {@code push} driven as a user would drive them, through the command line. */
class ServeAndPushCommandTest {

	@TempDir
	Path tmp;

	private ServeCommand serve;
	private Thread serving;
	private final AtomicInteger serveExit = new AtomicInteger(-1);
	private final StringWriter serveOut = new StringWriter();

	@BeforeEach
	void startServe() throws Exception {
		ArchiveSignIn.terminal = () -> null; // as in CI: no terminal to ask at (a developer's must not be used)
		serve = new ServeCommand();
		final CommandLine cl = new CommandLine(serve);
		cl.setOut(new PrintWriter(serveOut, true));
		serving = new Thread(() -> serveExit.set(cl.execute("--port", "0", "--store", tmp.resolve("store")
			.toString(), "--user", "alice:s3cret:with-colon", "--user", "bob:pw", "--stage-delay-ms", "0", "--log")));
		serving.start();
		for (int i = 0; i < 500 && serve.running == null && serving.isAlive(); i++) {
			Thread.sleep(10);
		}
		assertTrue(serve.running != null, "serve did not start: " + serveOut);
	}

	@AfterEach
	void stopServe() throws Exception {
		ArchiveSignIn.environment = System::getenv;
		ArchiveSignIn.terminal = TerminalPrompt::open;
		serve.stop.countDown();
		serving.join(10_000);
		assertEquals(0, serveExit.get());
	}

	/** Runs the CLI; returns {exit code, stdout, stderr}. */
	private static String[] run(final String... args) {
		final StringWriter out = new StringWriter();
		final StringWriter err = new StringWriter();
		final CommandLine cl = Main.newCommandLine();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		final int code = cl.execute(args);
		return new String[] { Integer.toString(code), out.toString(), err.toString() };
	}

	@Test
	void serveTakesAccountsFromAFileAndNamesAPortItCannotUse() throws Exception {
		final java.nio.file.Path accounts = Files.writeString(tmp.resolve("accounts.txt"), "# workshop\ncarol:pw3\n");
		final int busy = serve.running.baseUri().getPort();
		final String[] taken = run("serve", "--port", Integer.toString(busy), "--store", tmp.resolve("store2").toString(),
			"--users", accounts.toString());
		assertEquals("1", taken[0]);
		assertTrue(taken[2].contains("Cannot listen on 127.0.0.1 port " + busy + ": it is in use"), taken[2]);
		final String[] range = run("serve", "--port", "99999", "--store", tmp.resolve("store2").toString(), "--users",
			accounts.toString());
		assertEquals("2", range[0]);
		assertTrue(range[2].contains("--port must be 0 to 65535"), range[2]);
		final String[] none = run("serve", "--store", tmp.resolve("store2").toString());
		assertTrue(none[2].contains("give at least one account"), none[2]);
	}

	@Test
	void servePrintsWhereItListens() {
		assertTrue(serveOut.toString().startsWith("Local archive listening on " + serve.running.baseUri()), serveOut
			.toString());
	}

	@Test
	void pushPrintsTheAccessionAsTheLastLine() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("my package"), "CLI push", 2, 5000, 1);
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "s3cret:with-colon" : null;
		final String[] r = run("push", pkg.toString(), "--archive", serve.running.baseUri().toString(), "--user",
			"alice");
		assertEquals("0", r[0], r[2]);
		final String[] lines = r[1].trim().split("\n");
		assertEquals("S-BIAD1", lines[lines.length - 1].trim());
		assertTrue(r[2].contains("Submission S-BIAD1: POST_PROCESSED"), r[2]);
		assertFalse(r[1].contains("s3cret") || r[2].contains("s3cret"));
		// the server's request log names each request, never a token
		assertTrue(serveOut.toString().contains(" POST /submissions/async 200 "), serveOut.toString());
		assertFalse(serveOut.toString().contains("s3cret"));
		assertTrue(Files.isRegularFile(serve.running.userFolder("alice").resolve(
			io.github.biaannotations.archive.PackagePusher.remoteFolder(pkg)).resolve("annotations.tsv")));
		// again: nothing is submitted twice, the same accession comes back
		final String[] again = run("push", pkg.toString(), "--archive", serve.running.baseUri().toString(), "--user",
			"alice");
		assertEquals("0", again[0], again[2]);
		assertTrue(again[1].trim().endsWith("S-BIAD1"));
		assertTrue(again[2].contains("Already submitted as S-BIAD1"), again[2]);
	}

	@Test
	void pushUpdateSubmitsANewVersionOfTheSameAccession() throws Exception {
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "s3cret:with-colon" : null;
		final String url = serve.running.baseUri().toString();
		final String[] first = run("push", TestPackages.writeValid(tmp.resolve("v1"), "Version one", 1, 100, 5).toString(),
			"--archive", url, "--user", "alice");
		assertEquals("0", first[0], first[2]);
		final String acc = first[1].trim();
		final String[] second = run("push", TestPackages.writeValid(tmp.resolve("v2"), "Version two", 2, 100, 6).toString(),
			"--archive", url, "--user", "alice", "--update", acc.toLowerCase(java.util.Locale.ROOT));
		assertEquals("0", second[0], second[2]);
		assertEquals(acc, second[1].trim());
		assertTrue(second[2].contains("Submitted: " + acc + " version 2"), second[2]);
		// a malformed accession is refused before anything is asked or sent
		ArchiveSignIn.environment = name -> null;
		final String[] bad = run("push", tmp.resolve("v2").toString(), "--archive", url, "--user", "alice",
			"--update", "S-BIAD1/../x");
		assertEquals("1", bad[0]);
		assertEquals("error: 'S-BIAD1/../x' is not an accession (such as S-BIAD1752)", bad[2].trim());
	}

	@Test
	void aPackageThatValidateRefusesIsNotPushed() throws Exception {
		// a file list changed after export names a file the package lacks: refused before anything is sent
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Invalid", 1, 100, 2);
		Files.write(pkg.resolve("annotations.tsv"), "Files\nnot-there.geojson\n".getBytes(StandardCharsets.UTF_8));
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "pw" : null;
		final String[] r = run("push", pkg.toString(), "--archive", serve.running.baseUri().toString(), "--user",
			"bob");
		assertEquals("1", r[0]);
		assertTrue(r[2].startsWith("error: " + pkg + ": not pushed, the package has "), r[2]);
		assertTrue(r[2].contains("annotations.tsv line 2: 'not-there.geojson' is not in the package"), r[2]);
		assertEquals("", r[1].trim(), "no accession");
	}

	@Test
	void aFileChangedAfterExportIsCaughtWhileItIsSentAndNothingIsSubmitted() throws Exception {
		// same size, other bytes: validation checks sizes, the upload the sha256 of what it sends
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Changed", 2, 500, 9);
		final Path file = pkg.resolve("annotations/image_001.geojson");
		final byte[] b = Files.readAllBytes(file);
		b[b.length / 2] = (byte) (b[b.length / 2] == 'a' ? 'b' : 'a');
		Files.write(file, b);
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "pw" : null;
		final String[] r = run("push", pkg.toString(), "--archive", serve.running.baseUri().toString(), "--user",
			"bob");
		assertEquals("1", r[0], r[2]);
		assertTrue(r[2].contains("error: annotations/image_001.geojson changed after it was exported: its sha256 " +
			"differs from the one in the package's manifest. It was not uploaded and nothing was submitted"), r[2]);
		assertEquals("", r[1].trim(), "no accession");
		assertFalse(serveOut.toString().contains("POST /submissions"), serveOut.toString());
	}

	@Test
	void aWrongPasswordIsOneLineOnStandardError() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Wrong", 1, 10, 3);
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "guess" : null;
		final String[] r = run("push", pkg.toString(), "--archive", serve.running.baseUri().toString(), "--user",
			"alice");
		assertEquals("1", r[0]);
		assertTrue(r[2].startsWith("error: The archive at " + serve.running.baseUri() +
			" refused the sign-in of 'alice': Invalid email address or password."), r[2]);
		assertFalse(r[2].contains("guess"));
	}

	@Test
	void withoutAPasswordPushSaysHowToGiveOne() throws Exception {
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "No password", 1, 10, 4);
		ArchiveSignIn.environment = name -> null;
		final String[] r = run("push", pkg.toString(), "--archive", serve.running.baseUri().toString(), "--user",
			"alice");
		// tests run without a console: no prompt is possible
		assertEquals("1", r[0]);
		assertTrue(r[2].contains("BIA_PASSWORD"), r[2]);
		// and there is no option to pass it as an argument
		assertNotEquals("0", run("push", pkg.toString(), "--archive", "http://127.0.0.1:1/", "--user", "alice",
			"--password", "x")[0]);
	}

	@Test
	void thePasswordIsAskedAtTheTerminalWithThreeTries() throws Exception {
		// as with 'push ... | tee log': standard output is no terminal, the terminal is still there to ask at
		final Path pkg = TestPackages.writeValid(tmp.resolve("pkg"), "Asked", 1, 100, 7);
		final String url = serve.running.baseUri().toString();
		ArchiveSignIn.environment = name -> null;
		final ScriptedTerminal typo = new ScriptedTerminal("s3cret", "s3cret:with-colon");
		ArchiveSignIn.terminal = () -> typo;
		final String[] ok = run("push", pkg.toString(), "--archive", url, "--user", "alice");
		assertEquals("0", ok[0], ok[2]);
		assertEquals(2, typo.passwordsRead);
		assertEquals("Invalid email address or password. Try again (2 tries left).", typo.shown.get(1));
		assertEquals("Password for alice at " + url + ": ", typo.shown.get(0));
		final ScriptedTerminal wrong = new ScriptedTerminal("a", "b", "c", "never asked");
		ArchiveSignIn.terminal = () -> wrong;
		final String[] refused = run("push", pkg.toString(), "--archive", url, "--user", "alice");
		assertEquals("1", refused[0]);
		assertEquals(3, wrong.passwordsRead);
		assertTrue(refused[2].contains("refused the sign-in of 'alice'"), refused[2]);
		// a password from the environment is tried once: a script gains nothing from trying it again
		final ScriptedTerminal unused = new ScriptedTerminal();
		ArchiveSignIn.terminal = () -> unused;
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "wrong" : null;
		assertEquals("1", run("push", pkg.toString(), "--archive", url, "--user", "alice")[0]);
		assertEquals(0, unused.passwordsRead);
	}

	@Test
	void aReleaseDateOfTodayIsSubmittedOnlyWithTheUsersYes() throws Exception {
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "s3cret:with-colon" : null;
		final String url = serve.running.baseUri().toString();
		final Path pkg = TestPackages.writeValid(tmp.resolve("today"), "Today", 1, 100, 8, TestPackages.today(), false);
		// no terminal: not submitted, saying how to give the release date
		final String[] none = run("push", pkg.toString(), "--archive", url, "--user", "alice");
		assertEquals("1", none[0]);
		assertTrue(none[2].contains("error: Not submitted: The release date is " + TestPackages.today() + ", today in " +
			"UTC") && none[2].contains("push --release-date " + TestPackages.today()), none[2]);
		// at the terminal: no is no, yes is yes
		final ScriptedTerminal no = new ScriptedTerminal("n");
		ArchiveSignIn.terminal = () -> no;
		assertEquals("1", run("push", pkg.toString(), "--archive", url, "--user", "alice")[0]);
		assertTrue(no.shown.get(0).startsWith("The release date is " + TestPackages.today()), no.shown.toString());
		assertEquals("Submit it now, to be public at once? [y/N] ", no.shown.get(1));
		final ScriptedTerminal yes = new ScriptedTerminal("y");
		ArchiveSignIn.terminal = () -> yes;
		final String[] ok = run("push", pkg.toString(), "--archive", url, "--user", "alice");
		assertEquals("0", ok[0], ok[2]);
		// --release-date is the user's choice: not asked
		final Path given = TestPackages.writeValid(tmp.resolve("given"), "Given", 1, 100, 9);
		final ScriptedTerminal silent = new ScriptedTerminal();
		ArchiveSignIn.terminal = () -> silent;
		final String[] chosen = run("push", given.toString(), "--archive", url, "--user", "alice", "--release-date",
			"today");
		assertEquals("0", chosen[0], chosen[2]);
		assertEquals(List.of(), silent.shown);
		assertTrue(chosen[2].contains("(as chosen)"), chosen[2]);
		assertEquals("1", run("push", given.toString(), "--archive", url, "--user", "alice", "--release-date",
			"yesterday")[0]);
	}

	@Test
	void submissionsListsWhatWasPushedAndOneInDetail() throws Exception {
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "s3cret:with-colon" : null;
		final String url = serve.running.baseUri().toString();
		final Path pkg = TestPackages.writeValid(tmp.resolve("listed"), "Listed study", 1, 100, 10);
		assertEquals("0", run("push", pkg.toString(), "--archive", url, "--user", "alice")[0]);
		final String[] list = run("submissions", "--archive", url, "--user", "alice");
		assertEquals("0", list[0], list[2]);
		assertTrue(list[1].contains("S-BIAD1") && list[1].contains("PROCESSED") && list[1].contains("Listed study") &&
			list[1].contains(TestPackages.futureDate() + " (private until then)"), list[1]);
		assertTrue(list[1].trim().endsWith("1 submission of alice at " + url), list[1]);
		final String[] one = run("submissions", "--archive", url, "--user", "alice", "--accession", "s-biad1");
		assertEquals("0", one[0], one[2]);
		assertTrue(one[1].startsWith("S-BIAD1: Listed study") && one[1].contains("release date " + TestPackages
			.futureDate() + " (private until then), from folder " + io.github.biaannotations.archive.PackagePusher
				.remoteFolder(pkg)), one[1]);
		final String[] unknown = run("submissions", "--archive", url, "--user", "bob", "--accession", "S-BIAD1");
		ArchiveSignIn.environment = name -> name.equals("BIA_PASSWORD") ? "pw" : null;
		final String[] other = run("submissions", "--archive", url, "--user", "bob", "--accession", "S-BIAD1");
		assertEquals("1", other[0]);
		assertTrue(other[2].contains("S-BIAD1 is not a submission of bob at "), other[2]);
		assertEquals("1", unknown[0], "bob's password is not alice's");
	}

	@Test
	void serveRefusesAMalformedUser() {
		final String[] r = run("serve", "--store", tmp.resolve("other").toString(), "--user", "nopassword");
		assertNotEquals("0", r[0]);
		assertTrue(r[2].contains("an account must be LOGIN:PASSWORD, got 'nopassword'"), r[2]);
	}

	@Test
	void quotaSizesParse() {
		assertEquals(500L << 20, ServeCommand.parseSize("500M"));
		assertEquals(20L << 30, ServeCommand.parseSize("20g"));
		assertEquals(1234, ServeCommand.parseSize("1234"));
	}
}
