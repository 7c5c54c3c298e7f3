package io.github.biaannotations.model;

import java.io.Closeable;
import java.io.IOException;

/**
 * A streaming writer of one annotation format: annotations go out one at a time, so that a million of them
 * never need to be held in memory. {@link #close()} completes the document.
 */
public interface AnnotationWriter extends Closeable {

	void write(Annotation annotation) throws IOException;
}
