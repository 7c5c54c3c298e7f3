package io.github.biaannotations.formats;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.PixelMask;
import io.github.biaannotations.submission.AnnotationFile;

/** The writer of one file of an {@link AnnotationFormat}; annotations stream through it one at a time. */
public interface FormatWriter extends AnnotationWriter {

	/**
	 * Writes an annotation of which ImageJ's pixel mask is known, for formats that hold pixels (COCO, off the
	 * pixel grid); the mask is made only when asked for. Others write the annotation alone.
	 */
	default void write(final Annotation a, final Supplier<PixelMask> mask) throws IOException {
		write(a);
	}

	/** The annotations the file holds so far. */
	long written();

	/**
	 * After {@link #close()}: the file as the file list describes it, or null when it is not to be kept (an empty
	 * COCO or CSV file), having said why to {@code warn}; other things worth knowing go to {@code warn} too.
	 */
	AnnotationFile finish(WrittenAnnotations what, Consumer<String> warn);
}
