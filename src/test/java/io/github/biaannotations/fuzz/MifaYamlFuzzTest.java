package io.github.biaannotations.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.biaannotations.metadata.MifaMetadata;

/**
 * Fuzzes MIFA YAML reading: the archive's template files (Study.yaml, Annotations.yaml, Version.yaml as the
 * user fills them) and the combined form of lab profiles, followed by validation and writing back.
 */
class MifaYamlFuzzTest {

	private static final String[] NAMES = { "Study.yaml", "Annotations.yaml", "Version.yaml", "profile.yaml" };
	private static Path dir;

	@BeforeAll
	static void folder() throws IOException {
		dir = Files.createTempDirectory("fuzz-mifa");
	}

	@AfterAll
	static void clean() throws IOException {
		for (final String n : NAMES) {
			Files.deleteIfExists(dir.resolve(n));
		}
		Files.deleteIfExists(dir);
	}

	@FuzzTest(maxDuration = "20s")
	void mifaYaml(final byte[] data) throws IOException {
		if (data.length == 0) return;
		// The first byte chooses the file the rest is read as.
		final Path file = dir.resolve(NAMES[(data[0] & 0xff) % NAMES.length]);
		Files.write(file, java.util.Arrays.copyOfRange(data, 1, data.length));
		final MifaMetadata m;
		try {
			m = MifaMetadata.load(file);
		}
		catch (final IOException | RuntimeException e) {
			Expected.clearError(e, file.getFileName().toString());
			return;
		}
		m.validate(LocalDate.of(2026, 1, 1));
		final String combined = m.toCombinedYaml();
		try {
			MifaMetadata.fromCombinedYaml(combined, file);
		}
		catch (final RuntimeException e) {
			throw new AssertionError("what we wrote cannot be read back: " + e + "\n" + new String(combined
				.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), e);
		}
	}
}
