package io.github.biaannotations.fiji.commands;

import static io.github.biaannotations.testutil.FijiCommands.failed;
import static io.github.biaannotations.testutil.FijiCommands.map;
import static io.github.biaannotations.testutil.FijiCommands.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;
import org.scijava.prefs.PrefService;

import io.github.biaannotations.archive.server.LocalArchiveServer;
import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.testutil.FijiCommands;

/**
 * Validate Package..., Archive Account..., Push to Archive... and Local Archive Server... with the project's
 * real validator, archive client and local archive (no stand-ins), as a macro would run them.
 */
class RealArchiveCommandsTest {

	@TempDir
	Path tmp;

	private FijiCommands fiji;
	private PrefService prefs;
	private Path pkg;

	@BeforeEach
	void setUp() throws IOException {
		fiji = new FijiCommands();
		prefs = fiji.context.service(PrefService.class);
		prefs.clear(ArchiveAccounts.class);
		final SampleData.SampleFiles s = SampleData.standard().write(tmp.resolve("sample"));
		pkg = tmp.resolve("nuclei-package");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(pkg).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(s.image, List.of(s.rois), List.of(s.labels))));
	}

	@AfterEach
	void tearDown() {
		prefs.clear(ArchiveAccounts.class);
		new ArchiveAccounts(prefs).forgetPassword();
		fiji.close();
	}

	@Test
	void validateSaysReadyForAnExportedPackageAndNamesABrokenFile() throws IOException {
		final Module ok = succeeded(fiji.run(ValidatePackageCommand.class, map("folder", pkg.toFile())));
		assertTrue(((String) ok.getOutput("report")).endsWith("valid, ready to push"), (String) ok.getOutput("report"));
		Files.writeString(pkg.resolve("annotations/nuclei/nuclei.geojson"), "{}");
		final String why = failed(fiji.run(ValidatePackageCommand.class, map("folder", pkg.toFile())));
		assertTrue(why.contains("annotations/nuclei/nuclei.geojson"), why);
	}

	/** A local archive with the user ada@example.org, set as the archive account of the Fiji commands. */
	private LocalArchiveServer signedInToALocalArchive() throws IOException {
		final LocalArchiveServer server = LocalArchiveServer.start(new LocalArchiveServer.Options().port(0).store(tmp
			.resolve("archive")).user("ada@example.org", "Secr3t-pw".toCharArray()).stageDelayMillis(5));
		succeeded(fiji.run(ArchiveAccountCommand.class, map("url", server.baseUri().toString(), "login", "ada@example.org",
			"password", "Secr3t-pw", "remember", false)));
		return server;
	}

	@Test
	void pushToALocalArchiveGivesAnAccessionAndLogsNoPassword() throws IOException {
		try (LocalArchiveServer server = signedInToALocalArchive()) {
			// exported without a release date, so today's (UTC): public at once, which a headless push does not do
			// unless the release date is given
			final String refused = failed(fiji.run(PushToArchiveCommand.class, map("folder", pkg.toFile())));
			assertTrue(refused.startsWith("Not submitted: The release date is ") && refused.contains("release_date="),
				refused);
			final Module m = succeeded(fiji.run(PushToArchiveCommand.class, map("folder", pkg.toFile(), "release_date",
				"today")));
			final String accession = (String) m.getOutput("accession");
			assertTrue(accession.matches("S-BIAD\\d+"), accession);
			final String folder = io.github.biaannotations.archive.PackagePusher.remoteFolder(pkg);
			try (Stream<Path> files = Files.walk(server.userFolder("ada@example.org"))) {
				assertTrue(files.anyMatch(p -> p.endsWith(folder + "/annotations/nuclei/nuclei_labels.ome.zarr/zarr.json")),
					"the label OME-Zarr landed in the user area");
			}
			final String listed = (String) succeeded(fiji.run(ListSubmissionsCommand.class, map())).getOutput(
				"submissions");
			assertTrue(listed.contains(accession) && listed.contains("PROCESSED") && listed.contains("(public)"), listed);
			final String one = (String) succeeded(fiji.run(ListSubmissionsCommand.class, map("accession", accession)))
				.getOutput("submissions");
			assertTrue(one.startsWith(accession + ": ") && one.contains("from folder " + folder), one);
			try (Stream<Path> files = Files.walk(pkg)) {
				assertFalse(files.filter(Files::isRegularFile).anyMatch(p -> contains(p, "Secr3t-pw")), "no file of the package holds the password");
			}
		}
	}

	@Test
	void pushWithAnAccessionToUpdateMakesItsNextVersion() throws IOException {
		try (LocalArchiveServer server = signedInToALocalArchive()) {
			final String accession = (String) succeeded(fiji.run(PushToArchiveCommand.class, map("folder", pkg.toFile(),
				"release_date", "today"))).getOutput("accession");
			final Path corrected = tmp.resolve("nuclei-package-corrected");
			Files.createDirectories(corrected);
			try (Stream<Path> files = Files.walk(pkg)) {
				for (final Path p : (Iterable<Path>) files::iterator) {
					if (p.getFileName().toString().equals(".bia-push.json")) continue;
					final Path to = corrected.resolve(pkg.relativize(p).toString());
					if (Files.isDirectory(p)) Files.createDirectories(to);
					else Files.copy(p, to);
				}
			}
			final Module m = succeeded(fiji.run(PushToArchiveCommand.class, map("folder", corrected.toFile(), "update",
				accession)));
			assertEquals(accession, m.getOutput("accession"));
			assertTrue(Files.isRegularFile(server.store().resolve("submissions/" + accession + "/2/submission.json")),
				"version 2 stored");
		}
	}

	private static boolean contains(final Path file, final String text) {
		try {
			return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
		} catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void theLocalArchiveServerCommandStartsARealServerThatAcceptsItsWorkshopAccounts() throws Exception {
		System.setProperty(DefaultLocalArchiveLauncher.STORE_PROPERTY, tmp.resolve("workshop").toString());
		try {
			final Module started = succeeded(fiji.run(LocalArchiveServerCommand.class, map("action", "Start", "port", 0)));
			final String text = (String) started.getOutput("server");
			assertTrue(text.contains("workshop1@example.org"), text);
			final String url = text.substring(text.indexOf("http"), text.indexOf('\n')).trim();
			final String password = text.substring(text.lastIndexOf(": ") + 2).trim();
			final java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(url).resolve("auth/login"))
					.header("Content-Type", "application/json")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
						"{\"login\":\"workshop7@example.org\",\"password\":\"" + password + "\"}")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
			assertTrue(login.statusCode() == 200 && login.body().contains("sessid"), login.statusCode() + " " + login.body());
			succeeded(fiji.run(LocalArchiveServerCommand.class, map("action", "Stop")));
		} finally {
			System.clearProperty(DefaultLocalArchiveLauncher.STORE_PROPERTY);
		}
	}
}
