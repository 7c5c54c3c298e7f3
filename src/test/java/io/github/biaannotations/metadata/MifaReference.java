package io.github.biaannotations.metadata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
		assumeTrue(Files.isDirectory(MIFA), "../shared/reference absent: skipped");
		return MIFA;
	}

	static Path pageTab() {
		assumeTrue(Files.isDirectory(PAGETAB), "../shared/reference absent: skipped");
		return PAGETAB;
	}
}
