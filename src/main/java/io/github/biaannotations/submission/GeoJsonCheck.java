package io.github.biaannotations.submission;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.biaannotations.geojson.GeoJsonReader;

/** Checks one GeoJSON file of a package: that it parses, every feature into a valid geometry (as JTS defines it). */
final class GeoJsonCheck {

	private GeoJsonCheck() {}

	/**
	 * @param name the file as the package names it, which the problems leave out
	 * @return the problems found, one line each; empty when the file is sound
	 */
	static List<String> check(final Path file, final String name) {
		final List<String> problems = new ArrayList<>();
		final int[] invalid = { 0 };
		final String[] first = { null };
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			new GeoJsonReader().read(in, name, a -> {
				if (!a.geometry().isValid()) {
					invalid[0]++;
					if (first[0] == null) first[0] = a.name().orElse("(unnamed)");
				}
			});
		}
		catch (final IOException | RuntimeException e) {
			// the reader's messages start with the source it was given: the file is named once
			final String m = String.valueOf(e.getMessage());
			problems.add(m.startsWith(name + ": ") ? m.substring(name.length() + 2) : m);
			return problems;
		}
		if (invalid[0] > 0) problems.add(invalid[0] + " invalid geometries, the first '" + first[0] + "'");
		return problems;
	}
}
