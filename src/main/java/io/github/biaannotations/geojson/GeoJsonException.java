package io.github.biaannotations.geojson;

/** GeoJSON input that cannot be read; the message names the file and feature at fault. */
public class GeoJsonException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public GeoJsonException(final String message) {
		super(message);
	}

	public GeoJsonException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
