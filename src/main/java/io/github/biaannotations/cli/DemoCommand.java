package io.github.biaannotations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.convert.ExportSummary;
import io.github.biaannotations.convert.ImageSource;
import io.github.biaannotations.convert.RoiImport;
import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.submission.ExportRequest;
import io.github.biaannotations.submission.PackageExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bia-annotations demo}: the main job end to end on generated sample data, for a first look and for
 * workshops. Needs nothing but this tool.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
	description = "Generate sample data (image, labels, ROIs) and build a submission package from it.")
final class DemoCommand implements Callable<Integer> {

	@Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: a new temporary folder).")
	Path dir;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("bia-demo-");
		console.out("1. Sample data in " + work.resolve("sample"));
		final SampleData.SampleFiles sample = SampleData.standard().write(work.resolve("sample"));
		console.out("   " + sample.image.getFileName() + ", " + sample.labels.getFileName() + ", " + sample.rois.getFileName());
		final Path out = work.resolve("package");
		console.out("2. Export with MIFA metadata to " + out);
		final ExportRequest request = ExportRequest.to(out).overwrite(true).metadata(DemoMetadata.create())
			.image(ImageSource.ofFiles(sample.image, List.of(sample.rois), List.of()))
			.format(ExportFormat.COCO).format(ExportFormat.POINTS_CSV);
		final ExportSummary s = new PackageExport(console::warn, console.progress()).export(request);
		console.flushWarnings();
		console.out("   " + s);
		for (final String f : s.files())
			console.out("   " + f + (Files.isRegularFile(out.resolve(f)) ? "  (" + Files.size(out.resolve(f)) + " bytes)" : ""));
		final Path back = work.resolve("imported_RoiSet.zip");
		final int n = RoiImport.toRoiSet(out.resolve(s.files().get(0)), sample.image, back);
		console.out("3. Imported the GeoJSON back into ImageJ ROIs: " + n + " ROIs in " + back);
		return 0;
	}
}
