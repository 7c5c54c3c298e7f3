package io.github.biaannotations.metadata;


import io.github.biaannotations.testutil.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the shared reference files are; tests that need them skip visibly in a fresh clone. */
final class MifaReference {

	static final Path ROOT = Paths.get("../shared/reference");
	static final Path MIFA = ROOT.resolve("mifa");
	static final Path PAGETAB = ROOT.resolve("pagetab");

	private MifaReference() {}

	static Path mifa() {
		Required.that(Files.isDirectory(MIFA), MIFA.toAbsolutePath().normalize() + " is absent (no ../shared/reference beside this checkout)");
		return MIFA;
	}

	static Path pageTab() {
		Required.that(Files.isDirectory(PAGETAB), PAGETAB.toAbsolutePath().normalize() + " is absent (no ../shared/reference beside this checkout)");
		return PAGETAB;
	}
}
