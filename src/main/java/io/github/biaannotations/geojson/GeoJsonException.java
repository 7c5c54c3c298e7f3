package io.github.biaannotations.geojson;

import io.github.biaannotations.model.InputException;

/** GeoJSON input that cannot be read; the message names the file and feature at fault. */
public class GeoJsonException extends InputException {

	private static final long serialVersionUID = 1L;

	public GeoJsonException(final String message) {
		super(message, null, null, null, null);
	}

	public GeoJsonException(final String message, final Throwable cause) {
		super(message, null, null, null, cause);
	}
}
