package io.github.biaannotations.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import java.util.concurrent.Callable;

import io.github.biaannotations.importing.GeoJsonImport;
import io.github.biaannotations.importing.LabelImageImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bia-annotations import}: GeoJSON (ours or QuPath's) back to an ImageJ RoiSet.zip. */
@Command(name = "import", mixinStandardHelpOptions = true,
	description = { "Import GeoJSON as ImageJ ROIs, or an OME-Zarr label image as a TIFF.",
		"GeoJSON annotations become a RoiSet.zip for the ROI Manager; an OME-Zarr label image becomes a TIFF label",
		"image (--out labels.tif). From QuPath's GeoJSON, each classification becomes an ImageJ group and the ROIs",
		"its colour; object type, id and measurements are kept in ROI properties, so that an export gives them back;",
		"what ROIs cannot hold (cell nuclei, child objects) is named in a warning." })
final class ImportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "GeoJSON file (FeatureCollection, Feature or array of features), or an .ome.zarr folder.")
	Path input;

	@Option(names = "--label", paramLabel = "NAME", description = "Which label image of an image's OME-Zarr (labels/NAME); needed when it has several.")
	String label;

	@Option(names = "--image", paramLabel = "IMG", description = "The image the annotations belong to, to map planes to stack positions (without it, a file " +
		"that puts any feature on another plane than QuPath's default is taken for a stack).")
	Path image;

	@Option(names = "--out", required = true, paramLabel = "FILE", description = "The RoiSet.zip (from GeoJSON) or TIFF (from OME-Zarr) to write.")
	Path out;

	@Option(names = "--overwrite", description = "Replace an existing --out file.")
	boolean overwrite;

	@Mixin
	Console console;

	@Override
	public Integer call() throws Exception {
		if (Files.isDirectory(out)) throw new FileAlreadyExistsException(out.toString(), null, "is a folder; give " +
			"the file to write");
		if (!overwrite && Files.exists(out)) throw new FileAlreadyExistsException(out.toString(), null, "exists; " +
			"choose another file, or give --overwrite to replace it");
		// the file written is what --out's name says it is
		final String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		final boolean labels = Files.isDirectory(input);
		if (labels && !name.endsWith(".tif") && !name.endsWith(".tiff")) throw new IllegalArgumentException("--out " +
			out + ": a label image is written as a TIFF: name it .tif");
		if (!labels && !name.endsWith(".zip")) throw new IllegalArgumentException("--out " + out + ": ROIs are written " +
			"as a RoiSet.zip: name it .zip");
		if (labels) {
			final ImagePlus imp = LabelImageImport.toTiff(input, label, out);
			console.out("Imported label image " + imp.getTitle() + " (" + imp.getWidth() + "x" + imp.getHeight() + ", " +
				imp.getStackSize() + " planes, " + imp.getBitDepth() + "-bit) into " + out);
			return 0;
		}
		final int n = GeoJsonImport.toRoiSet(input, image, out, console::warn);
		console.flushWarnings();
		console.out("Imported " + n + " ROIs into " + out);
		return 0;
	}
}
