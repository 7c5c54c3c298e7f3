package io.github.biaannotations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.PushResult;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.archive.server.LocalArchiveServer;
import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.ExportSummary;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.importing.GeoJsonImport;
import io.github.biaannotations.submission.PackageProblem;
import io.github.biaannotations.submission.PackageValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code bia-annotations demo}: the main job end to end on generated sample data, for a first look and for
 * workshops. Needs nothing but this tool.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
	description = { "The main job end to end on sample data, with a local archive.",
		"Generates sample data (image, labels, ROIs), exports it with MIFA metadata, validates the package, starts a",
		"local archive on a free loopback port, pushes, and prints the accession." })
final class DemoCommand implements Callable<Integer> {

	@Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: a new temporary folder).")
	Path dir;

	/** The demo account of the local archive; its password is made up for each run and never shown. */
	static final String DEMO_USER = "demo@example.org";

	@Mixin
	Console console;

	private CommandSpec spec() {
		return console.spec;
	}

	@Override
	public Integer call() throws Exception {
		final Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("bia-demo-");
		console.out("1. Sample data in " + work.resolve("sample"));
		final SampleData.SampleFiles sample = SampleData.standard().write(work.resolve("sample"));
		console.out("   " + sample.image.getFileName() + ", " + sample.labels.getFileName() + ", " + sample.rois.getFileName());
		final Path out = work.resolve("package");
		console.out("2. Export with MIFA metadata to " + out);
		final ExportRequest request = ExportRequest.to(out).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of()))
			.options(ExportOptions.builder().overwrite(true).format(AnnotationFormats.COCO).format(AnnotationFormats.POINTS_CSV)
				.build());
		final ExportSummary s = new PackageExport(console::warn, console.progress()).export(request);
		console.flushWarnings();
		console.out("   " + s);
		for (final String f : s.files())
			console.out("   " + f + (Files.isRegularFile(out.resolve(f)) ? "  (" + Files.size(out.resolve(f)) + " bytes)" : ""));
		final Path back = work.resolve("imported_RoiSet.zip");
		final int n = GeoJsonImport.toRoiSet(out.resolve(s.files().get(0)), sample.image, back);
		console.out("3. Imported the GeoJSON back into ImageJ ROIs: " + n + " ROIs in " + back);
		console.out("4. Validate " + out);
		final List<PackageProblem> problems = PackageValidator.validate(out);
		for (final PackageProblem p : problems)
			console.out("   " + p);
		if (problems.stream().anyMatch(PackageProblem::isError)) throw new IllegalStateException("the demo package is not valid");
		return push(work, out);
	}

	/** Starts a local archive on a free loopback port, pushes the package to it, stops it. */
	private int push(final Path work, final Path pkg) throws Exception {
		final char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
		final Path store = work.resolve("local-archive");
		try (LocalArchiveServer server = LocalArchiveServer.start(new LocalArchiveServer.Options().port(0).store(store)
			.user(DEMO_USER, password, LocalArchiveServer.Role.ATTACH).stageDelayMillis(20).postProcessDelayMillis(20)))
			// the server keeps its own copy of the password; the demo account may submit to BioImages
		{
			console.out("5. Local archive at " + server.baseUri() + " (store " + store + "), user " + DEMO_USER);
			final PushListener listener = new PushConsole(spec().commandLine().getErr(), false);
			final ArchiveClient client = new ArchiveClient(server.baseUri().toString(), DEMO_USER, password, RetryPolicy.DEFAULT, listener, null);
			final PushResult result;
			try {
				// the demo's release date is today: public at once, which is what a throw-away local archive is for
				result = new PackagePusher(client, listener).confirmingPublicRelease(question -> {
					console.out("   " + question + ": yes, on this local archive, which the demo throws away");
					return true;
				}).push(pkg);
			} finally {
				client.signOut();
			}
			final Path landed = server.userFolder(DEMO_USER).resolve(PackagePusher.remoteFolder(pkg));
			console.out("   " + result.filesUploaded() + " files uploaded to " + landed);
			console.out("   submission " + result.accNo() + ": " + result.status() +
				(result.errors().isEmpty() ? "" : " " + result.errors()));
			console.out("   PageTab as stored: " + server.baseUri().resolve("submissions/" + result.accNo() + ".json"));
			console.out(result.accNo());
			return result.processed() ? 0 : 2;
		} finally {
			Arrays.fill(password, '\0');
		}
	}
}
