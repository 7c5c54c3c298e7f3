package io.github.biaannotations.imagej;

import java.nio.file.Path;

import io.github.biaannotations.model.RoiException;

/**
 * A ROI file that cannot be read: its message names the file and entry at fault ({@link #roi()} is where in
 * the file, {@link #file()} the file when known).
 */
public class RoiFileException extends RoiException {

	private static final long serialVersionUID = 1L;

	/** @param where the file, or the file and entry ("RoiSet.zip: entry '0001.roi'"), the message starts with */
	public RoiFileException(final String where, final String problem) {
		super(where + ": " + problem, null, where);
	}

	public RoiFileException(final String where, final String problem, final Throwable cause) {
		super(where + ": " + problem, null, where, cause);
	}

	/** The whole {@code file} at fault. */
	public RoiFileException(final Path file, final String problem) {
		super(file + ": " + problem, file, null);
	}

	public RoiFileException(final Path file, final String problem, final Throwable cause) {
		super(file + ": " + problem, file, null, cause);
	}
}
