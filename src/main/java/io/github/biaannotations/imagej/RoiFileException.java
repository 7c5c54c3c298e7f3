package io.github.biaannotations.imagej;

/** A ROI file that cannot be read; the message names the file and entry at fault. */
public class RoiFileException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public RoiFileException(final String message) {
		super(message);
	}

	public RoiFileException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
