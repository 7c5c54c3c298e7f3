package io.github.biaannotations.convert;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ij.ImagePlus;

import io.github.biaannotations.coco.CocoWriter;
import io.github.biaannotations.imagej.LabelsToAnnotations;

/**
 * COCO of a label image: each label of each plane is one annotation, its outline traced on pixel edges
 * ({@link LabelsToAnnotations}), so that the polygon (or, for a label with holes, the RLE) covers exactly the
 * label's pixels. One file per channel of the label image; a channel without labels gives no file and a warning.
 */
public final class LabelCocoExport {

	private final Consumer<String> warnings;

	public LabelCocoExport(final Consumer<String> warnings) {
		this.warnings = warnings;
	}

	/**
	 * @param labels the label image, the size of its image (checked before)
	 * @param name the label image's name in the package; {@code annotations/<base>/<name>.coco.json} is written
	 *          ({@code <name>_c1.coco.json} ... for several channels)
	 * @param imageName the image as COCO's {@code file_name} names it
	 * @param sourceImage the image as the package's file lists name it
	 * @return the files written, package-relative
	 */
	public List<ExportedFile> write(final ImagePlus labels, final String name, final String imageName,
		final String base, final String sourceImage, final Path packageDir, final ExportSummary summary)
		throws IOException
	{
		final List<ExportedFile> files = new ArrayList<>();
		final String calibration = RoiExport.calibration(labels);
		for (int c = 1; c <= labels.getNChannels(); c++) {
			final String fileName = labels.getNChannels() > 1 ? name + "_c" + c : name;
			final String path = "annotations/" + base + "/" + ExportFormat.COCO.fileName(fileName);
			final Path file = packageDir.resolve(path);
			Files.createDirectories(file.getParent());
			final int written;
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
				CocoWriter coco = new CocoWriter(out, imageName, labels.getWidth(), labels.getHeight()))
			{
				LabelsToAnnotations.write(labels, c, coco);
				written = coco.written();
			}
			if (written == 0) {
				Files.delete(file);
				summary.warned();
				warnings.accept(imageName + ": COCO of label image \"" + fileName + "\" not written: it has no labels");
				continue;
			}
			files.add(new ExportedFile(path, sourceImage, ExportedFile.Content.SHAPES, 0, 0, written, false, calibration));
		}
		return files;
	}
}
