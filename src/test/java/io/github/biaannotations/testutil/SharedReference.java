package io.github.biaannotations.testutil;


import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The reference files beside the project ({@code ../shared/reference}). A fresh clone has none: tests that
 * need them are skipped with a message saying so.
 */
public final class SharedReference {

	private SharedReference() {}

	public static Path dir() {
		return Paths.get(System.getProperty("bia.reference", "../shared/reference")).toAbsolutePath().normalize();
	}

	/** The reference file at {@code relative}, or the test is skipped when it is absent. */
	public static Path require(final String relative) {
		final Path p = dir().resolve(relative);
		Required.that(Files.exists(p), p + " is absent (no ../shared/reference beside this checkout)");
		return p;
	}
}
