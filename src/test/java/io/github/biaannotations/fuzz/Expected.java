package io.github.biaannotations.fuzz;

import java.io.IOException;

/**
 * What the fuzz targets accept as the answer to bad input: an {@link IllegalArgumentException} (the core's
 * {@code RoiFileException}, {@code GeoJsonException}, ...) or an {@link IOException} (such as
 * {@code MetadataException}) whose message names the input. Anything else (a NullPointerException, an
 * index out of bounds, an OutOfMemoryError, a message that does not say where) is a bug and fails the target.
 */
final class Expected {

	private Expected() {}

	/**
	 * Rethrows {@code t} wrapped in an {@link AssertionError} unless it is a clear error naming {@code source}.
	 */
	static void clearError(final Throwable t, final String source) {
		if (!(t instanceof IllegalArgumentException) && !(t instanceof IOException)) throw new AssertionError(
			"crash, not a clear error: " + t, t);
		final String m = t.getMessage();
		if (m == null || m.isEmpty()) throw new AssertionError("error without a message: " + t, t);
		if (source != null && !m.contains(source)) throw new AssertionError("message does not name '" + source +
			"': " + m, t);
	}
}
