package io.github.biaannotations.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.github.biaannotations.formats.AnnotationFormat;
import io.github.biaannotations.formats.FormatWriter;
import io.github.biaannotations.formats.WrittenAnnotations;
import io.github.biaannotations.labels.LabelOutlines;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.submission.AnnotationFile;

/**
 * A label image in an annotation format: each label of each plane is one annotation, its outline traced on
 * pixel edges ({@link LabelOutlines}), so that its area equals the label's pixel count (and COCO's polygon,
 * or RLE for a label with holes, covers exactly its pixels). One file per channel of the label image.
 */
final class LabelOutlineExport {

	private final ImageContext image;

	LabelOutlineExport(final ImageContext image) {
		this.image = image;
	}

	/**
	 * @param labels the label image, the size of its image (checked before), with its name in the package
	 * @return the files written: {@link AnnotationFormat#labelFileName} of each channel that the format keeps
	 */
	List<AnnotationFile> write(final ImageContext.LabelInput labels, final AnnotationFormat format)
		throws IOException
	{
		final List<AnnotationFile> files = new ArrayList<>();
		final int channels = labels.channels.size();
		for (int c = 0; c < channels; c++) {
			final LabelImage l = labels.channels.get(c);
			final String calibration = l.calibration() == null ? null : l.calibration().describe(l.sizeZ() > 1);
			final String channel = channels > 1 ? "_c" + (c + 1) : "";
			final String path = image.annotationFile(format.labelFileName(labels.name, channel, image.base));
			final FormatWriter w = format.open(new BufferedOutputStream(Files.newOutputStream(image.file(path)),
				1 << 16), image.name(), l.sizeX(), l.sizeY());
			try (FormatWriter closing = w) {
				LabelOutlines.write(l, channels > 1 ? c : -1, w, image.progress, format.title() + " of " + l.name());
			}
			// the summary counts the features of the files every export writes (GeoJSON)
			if (format.always()) for (long i = 0; i < w.written(); i++)
				image.summary.added(Annotation.Kind.AREA);
			final AnnotationFile file = w.finish(WrittenAnnotations.ofLabels(path, image.sourceImage, image.name(),
				calibration, labels.name + channel), image::warn);
			if (file == null) Files.delete(image.packageDir.resolve(path));
			else files.add(file);
		}
		return files;
	}
}
