package io.github.biaannotations.fiji.commands;

import static io.github.biaannotations.testutil.FijiCommands.failed;
import static io.github.biaannotations.testutil.FijiCommands.map;
import static io.github.biaannotations.testutil.FijiCommands.succeeded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;
import org.scijava.plugin.PluginInfo;
import org.scijava.plugin.PluginService;
import org.scijava.prefs.PrefService;

import io.github.biaannotations.fiji.macro.MacroRecording;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.testutil.FijiCommands;

/**
 * Archive Account..., Push to Archive..., Validate Package... and Local Archive Server... run headless with
 * macro parameter maps. The archive client, validator and server come from other modules: here stand-ins
 * registered as plugins record what the commands hand them.
 */
class ArchiveCommandsTest {

	@TempDir
	Path tmp;

	private FijiCommands fiji;
	private PrefService prefs;

	@BeforeEach
	void setUp() {
		fiji = new FijiCommands();
		prefs = fiji.context.service(PrefService.class);
		prefs.clear(ArchiveAccounts.class);
		new ArchiveAccounts(prefs).forgetPassword();
	}

	@AfterEach
	void tearDown() {
		prefs.clear(ArchiveAccounts.class);
		new ArchiveAccounts(prefs).forgetPassword();
		fiji.close();
	}

	/** Records what a push receives. */
	public static final class RecordingPusher implements ArchivePusher {

		static final List<String> calls = new ArrayList<>();

		@Override
		public PushResult push(final Path packageDir, final ArchiveAccount account, final char[] password,
			final PushOptions options, final Consumer<String> log, final Progress progress)
		{
			calls.add(packageDir.getFileName() + " " + account + " " + new String(password) + (options.update() == null
				? "" : " update " + options.update()) + (options.releaseDate() == null ? "" : " release " + options
					.releaseDate()));
			return new PushResult("S-BIADTEST1", "uploaded to user/" + packageDir.getFileName());
		}
	}

	/** Records what a listing of submissions receives. */
	public static final class RecordingSubmissions implements ArchiveSubmissions {

		static final List<String> calls = new ArrayList<>();

		@Override
		public List<String> report(final ArchiveAccount account, final char[] password, final String accession) {
			calls.add(account + " " + new String(password) + (accession == null ? "" : " " + accession));
			return accession == null ? List.of("S-BIAD1 PROCESSED", "S-BIAD2 INVALID") : List.of(accession + ": detail");
		}
	}

	/** A server that is only pretend, counting starts and stops. */
	public static final class PretendLauncher implements LocalArchiveLauncher {

		static int open;

		@Override
		public Running start(final int port) {
			open++;
			return new Running() {

				@Override
				public String url() { return "http://127.0.0.1:" + (port == 0 ? 40123 : port) + "/api"; }

				@Override
				public List<String> demoAccounts() { return List.of("ada@example.org / workshop"); }

				@Override
				public void close() { open--; }
			};
		}
	}

	private <T extends org.scijava.plugin.SciJavaPlugin> void install(final Class<? extends T> impl,
		final Class<T> type)
	{
		fiji.context.service(PluginService.class).addPlugin(new PluginInfo<>(impl, type));
	}

	private Path pkg() throws IOException {
		return io.github.biaannotations.archive.TestPackages.writeValid(tmp.resolve("pkg"), "Fiji push", 1, 100, 1);
	}

	@Test
	void theAccountKeepsUrlAndLoginAndThePasswordOnlyWhenAsked() {
		final Module m = succeeded(fiji.run(ArchiveAccountCommand.class, map("url", ArchiveAccount.TEST + "/",
			"login", "ada@example.org", "password", "s3cret", "remember", false)));
		final ArchiveAccounts store = new ArchiveAccounts(prefs);
		assertEquals(ArchiveAccount.TEST, store.account().url(), "trailing slash dropped");
		assertEquals("ada@example.org", store.account().login());
		assertNull(prefs.get(ArchiveAccounts.class, ArchiveAccounts.PASSWORD, null), "not stored unless asked");
		assertArrayEquals("s3cret".toCharArray(), store.password(), "kept for this session");
		assertNull(m.getInput("password"), "the module does not keep the password after the run");
		assertFalse(((String) m.getOutput("account")).contains("s3cret"));

		succeeded(fiji.run(ArchiveAccountCommand.class, map("url", ArchiveAccount.TEST, "login", "ada@example.org",
			"password", "s3cret", "remember", true)));
		assertEquals("s3cret", prefs.get(ArchiveAccounts.class, ArchiveAccounts.PASSWORD, null));
		succeeded(fiji.run(ArchiveAccountCommand.class, map("url", ArchiveAccount.TEST, "login", "ada@example.org",
			"remember", false)));
		assertNull(prefs.get(ArchiveAccounts.class, ArchiveAccounts.PASSWORD, null), "unticking forgets it");
	}

	@Test
	void aBadUrlIsRefused() {
		final String why = failed(fiji.run(ArchiveAccountCommand.class, map("url", "ftp://archive", "login", "x")));
		assertTrue(why.contains("ftp://archive"), why);
		assertNull(prefs.get(ArchiveAccounts.class, ArchiveAccounts.URL, null), "nothing saved");
	}

	@Test
	void aUrlThatAPushWouldRefuseIsRefusedBeforeItIsSaved() {
		final String inside = failed(fiji.run(ArchiveAccountCommand.class, map("url",
			"https://ada:s3cret@archive.example.org/api", "login", "ada")));
		assertTrue(inside.contains("url:") && inside.contains("user name or password"), inside);
		final String unparsable = failed(fiji.run(ArchiveAccountCommand.class, map("url",
			"https://ada:s3 cret@archive.example.org/api", "login", "ada")));
		assertTrue(unparsable.contains("***@archive.example.org"), unparsable);
		assertFalse(unparsable.contains("s3 cret"), "the password is not shown: " + unparsable);
		final String plain = failed(fiji.run(ArchiveAccountCommand.class, map("url", "http://archive.example.org/api",
			"login", "ada")));
		assertTrue(plain.contains("plain HTTP"), plain);
		assertNull(prefs.get(ArchiveAccounts.class, ArchiveAccounts.URL, null), "nothing saved");
	}

	@Test
	void pushHandsTheAccountAndPasswordToTheArchiveClient() throws IOException {
		final Path p = pkg();
		assertTrue(failed(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile()))).contains(
			"Archive Account..."), "no account yet");
		succeeded(fiji.run(ArchiveAccountCommand.class, map("url", "http://127.0.0.1:1/api", "login", "ada",
			"password", "pw", "remember", false)));
		install(RecordingPusher.class, ArchivePusher.class);
		RecordingPusher.calls.clear();
		final Module m = succeeded(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile())));
		assertEquals("S-BIADTEST1", m.getOutput("accession"));
		assertEquals(List.of("pkg ada at http://127.0.0.1:1/api pw"), RecordingPusher.calls);
		succeeded(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile(), "password", "other")));
		assertEquals("pkg ada at http://127.0.0.1:1/api other", RecordingPusher.calls.get(1), "a given password wins");
		succeeded(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile(), "update", "S-BIAD7")));
		assertEquals("pkg ada at http://127.0.0.1:1/api pw update S-BIAD7", RecordingPusher.calls.get(2));
		succeeded(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile())));
		assertEquals("pkg ada at http://127.0.0.1:1/api pw", RecordingPusher.calls.get(3), "the accession is not remembered");
		succeeded(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile(), "update", "s-biad7", "release_date",
			"2031-05-06")));
		assertEquals("pkg ada at http://127.0.0.1:1/api pw update s-biad7 release 2031-05-06", RecordingPusher.calls
			.get(4));
		assertEquals("run(\"Push to Archive...\", \"folder=" + p + " update=s-biad7 release_date=2031-05-06\");",
			MacroRecording.line(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile(), "update", "s-biad7",
				"release_date", "2031-05-06"))));
		assertTrue(failed(fiji.run(PushToArchiveCommand.class, map("folder", p.toFile(), "release_date", "soon")))
			.contains("release_date='soon' is not a date"));
	}

	@Test
	void submissionsListsTheAccountsSubmissionsOrOneInDetail() {
		assertTrue(failed(fiji.run(ListSubmissionsCommand.class, map())).contains("Archive Account..."), "no account yet");
		succeeded(fiji.run(ArchiveAccountCommand.class, map("url", "http://127.0.0.1:1/api", "login", "ada",
			"password", "pw", "remember", false)));
		install(RecordingSubmissions.class, ArchiveSubmissions.class);
		RecordingSubmissions.calls.clear();
		final Module all = succeeded(fiji.run(ListSubmissionsCommand.class, map()));
		assertEquals("S-BIAD1 PROCESSED\nS-BIAD2 INVALID", all.getOutput("submissions"));
		final Module one = succeeded(fiji.run(ListSubmissionsCommand.class, map("accession", "s-biad2", "password",
			"given")));
		assertEquals("S-BIAD2: detail", one.getOutput("submissions"));
		assertEquals("run(\"Submissions...\", \"accession=s-biad2\");", MacroRecording.line(one),
			"one macro line, without the password");
		assertEquals(List.of("ada at http://127.0.0.1:1/api pw", "ada at http://127.0.0.1:1/api given S-BIAD2"),
			RecordingSubmissions.calls, "the accession in upper case, as the archive writes it");
		assertTrue(failed(fiji.run(ListSubmissionsCommand.class, map("accession", "S BIAD"))).contains(
			"is not an accession"));
	}

	@Test
	void pushRefusesAFolderThatIsNotAPackage() {
		install(RecordingPusher.class, ArchivePusher.class);
		final String why = failed(fiji.run(PushToArchiveCommand.class, map("folder", tmp.toFile())));
		assertTrue(why.contains("no submission.json"), why);
	}

	@Test
	void validateListsProblemsAndFailsOrSaysReady() throws IOException {
		final Path p = Files.createDirectories(tmp.resolve("broken"));
		Files.write(p.resolve("submission.json"), "{}".getBytes());
		final String why = failed(fiji.run(ValidatePackageCommand.class, map("folder", p.toFile())));
		assertTrue(why.contains(" problem(s)") && why.contains("ERROR manifest.json: "), why);
		final Module ok = succeeded(fiji.run(ValidatePackageCommand.class, map("folder", pkg().toFile())));
		assertTrue(((String) ok.getOutput("report")).endsWith("valid, ready to push"));
	}

	@Test
	void theLocalServerStartsOnceShowsItsAccountsAndStops() {
		install(PretendLauncher.class, LocalArchiveLauncher.class);
		PretendLauncher.open = 0;
		final Module started = succeeded(fiji.run(LocalArchiveServerCommand.class, map("action", "Start", "port", 0)));
		final String shown = (String) started.getOutput("server");
		assertTrue(shown.contains("http://127.0.0.1:40123/api") && shown.contains("ada@example.org"), shown);
		succeeded(fiji.run(LocalArchiveServerCommand.class, map("action", "Start", "port", 0)));
		assertEquals(1, PretendLauncher.open, "a second start reuses the running server");
		final Module stopped = succeeded(fiji.run(LocalArchiveServerCommand.class, map("action", "Stop")));
		assertTrue(((String) stopped.getOutput("server")).startsWith("Stopped"));
		assertEquals(0, PretendLauncher.open);
		assertTrue(failed(fiji.run(LocalArchiveServerCommand.class, map("action", "Restart"))).contains("action=Restart"));
	}
}
