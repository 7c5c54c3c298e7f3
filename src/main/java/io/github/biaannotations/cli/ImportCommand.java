package io.github.biaannotations.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.biaannotations.convert.RoiImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bia-annotations import}: GeoJSON (ours or QuPath's) back to an ImageJ RoiSet.zip. */
@Command(name = "import", mixinStandardHelpOptions = true,
	description = "Import GeoJSON annotations as ImageJ ROIs (a RoiSet.zip for the ROI Manager).")
final class ImportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "GeoJSON file (FeatureCollection, Feature or array of features).")
	Path input;

	@Option(names = "--image", paramLabel = "IMG", description = "The image the annotations belong to, to map planes to stack positions.")
	Path image;

	@Option(names = "--out", required = true, paramLabel = "ZIP", description = "The RoiSet.zip to write.")
	Path out;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		final int n = RoiImport.toRoiSet(input, image, out);
		console.out("Imported " + n + " ROIs into " + out);
		return 0;
	}
}
