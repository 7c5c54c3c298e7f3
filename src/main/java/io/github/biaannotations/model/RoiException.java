package io.github.biaannotations.model;

import java.nio.file.Path;

/** A ROI that cannot be exported or imported, or a ROI file that cannot be read: {@link #roi()} names it. */
public class RoiException extends InputException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param file the file the ROI came from or goes to, or null for ROIs in memory
	 * @param roi where it is ("RoiSet.zip: 0003-0042.roi", "nuclei.tif: ROI 7"), or null for a whole file
	 */
	public RoiException(final String message, final Path file, final String roi) {
		super(message, file, roi, null, null);
	}

	public RoiException(final String message, final Path file, final String roi, final Throwable cause) {
		super(message, file, roi, null, cause);
	}
}
