package io.github.biaannotations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.biaannotations.convert.ExportFormat;
import io.github.biaannotations.convert.ExportSummary;
import io.github.biaannotations.convert.RoiExport;
import io.github.biaannotations.convert.RoiImport;
import io.github.biaannotations.demo.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bia-annotations demo}: the main job end to end on generated sample data, for a first look and for
 * workshops. Needs nothing but this tool.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
	description = "Generate sample data (image, labels, ROIs) and run the export on it.")
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
		console.out("2. Export to " + out);
		final ExportSummary s = new RoiExport(console::warn, console.progress())
			.export(sample.image, List.of(sample.rois), out, EnumSet.of(ExportFormat.COCO, ExportFormat.POINTS_CSV), true);
		console.flushWarnings();
		console.out("   " + s);
		for (final String f : s.files())
			console.out("   " + f + "  (" + Files.size(out.resolve(f)) + " bytes)");
		final Path back = work.resolve("imported_RoiSet.zip");
		final int n = RoiImport.toRoiSet(out.resolve(s.files().get(0)), sample.image, back);
		console.out("3. Imported the GeoJSON back into ImageJ ROIs: " + n + " ROIs in " + back);
		return 0;
	}
}
