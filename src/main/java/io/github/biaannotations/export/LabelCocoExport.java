package io.github.biaannotations.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import io.github.biaannotations.coco.CocoWriter;
import io.github.biaannotations.imagej.LabelsToAnnotations;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * COCO of a label image: each label of each plane is one annotation, its outline traced on pixel edges
 * ({@link LabelsToAnnotations}), so that the polygon (or, for a label with holes, the RLE) covers exactly the
 * label's pixels. One file per channel of the label image; a channel without labels gives no file and a warning.
 */
final class LabelCocoExport {

	private final ImageContext image;

	LabelCocoExport(final ImageContext image) {
		this.image = image;
	}

	/**
	 * @param labels the label image, the size of its image (checked before)
	 * @param name the label image's name in the package; {@code annotations/<base>/<name>.coco.json} is written
	 *          ({@code <name>_c1.coco.json} ... for several channels)
	 * @return the files written
	 */
	List<AnnotationFile> write(final ImagePlus labels, final String name) throws IOException {
		final List<AnnotationFile> files = new ArrayList<>();
		final String calibration = RoiExport.calibration(labels);
		final String imageName = image.name(); // COCO's file_name
		for (int c = 1; c <= labels.getNChannels(); c++) {
			final String fileName = labels.getNChannels() > 1 ? name + "_c" + c : name;
			final String path = image.annotationFile(ExportFormat.COCO.fileName(fileName));
			final Path file = image.file(path);
			final int written;
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
				CocoWriter coco = new CocoWriter(out, imageName, labels.getWidth(), labels.getHeight()))
			{
				LabelsToAnnotations.write(labels, c, coco);
				written = coco.written();
			}
			if (written == 0) {
				Files.delete(file);
				image.warn(imageName + ": COCO of label image \"" + fileName + "\" not written: it has no labels");
				continue;
			}
			files.add(new AnnotationFile(path, image.sourceImage, AnnotationFile.Content.SHAPES, 0, 0, written, false,
				calibration));
		}
		return files;
	}
}
