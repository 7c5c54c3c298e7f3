package io.github.biaannotations.fiji.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.prefs.PrefService;

import io.github.biaannotations.metadata.Author;
import io.github.biaannotations.metadata.MifaMetadata;

/** Remembered values through SciJava's PrefService, and lab profiles as YAML files. */
class MetadataMemoryTest {

	private Context context;
	private MetadataMemory memory;

	@TempDir
	Path tmp;

	@BeforeEach
	void setUp() {
		context = new Context(PrefService.class);
		memory = new MetadataMemory(context.service(PrefService.class));
		memory.forget();
	}

	@AfterEach
	void tearDown() {
		memory.forget();
		context.dispose();
	}

	@Test
	void the_next_export_starts_with_the_remembered_lab_profile() {
		final MifaMetadata first = MetadataDialogTest.initial();
		first.study().fundingStatement("Example Foundation grant 42.");
		memory.remember(first);

		final MifaMetadata next = new MifaMetadata();
		next.study().title("Another image");
		new MetadataMemory(context.service(PrefService.class)).prefill(next);
		assertEquals(2, next.study().authors().size());
		final Author ada = next.study().authors().get(0);
		assertEquals("Lovelace", ada.lastName());
		assertEquals("Analytical Engine Lab", ada.organisations().get(0).name());
		assertEquals("02catss52", ada.organisations().get(0).rorId());
		assertEquals("CC_BY", next.study().license());
		assertEquals("Example Foundation grant 42.", next.study().fundingStatement());
		assertEquals("Another image", next.study().title(), "what the export has wins");
		assertEquals(null, next.study().description(), "the study itself is not remembered");
	}

	@Test
	void remembered_values_fill_gaps_only() {
		memory.remember(MetadataDialogTest.initial());
		final MifaMetadata next = new MifaMetadata();
		next.study().authors().add(new Author("Grace", "Hopper"));
		memory.prefill(next);
		assertEquals(1, next.study().authors().size());
		assertEquals("Hopper", next.study().authors().get(0).lastName());
	}

	@Test
	void nothing_remembered_changes_nothing() {
		final MifaMetadata next = MetadataDialogTest.initial();
		final String before = next.toCombinedYaml();
		memory.prefill(next);
		assertEquals(before, next.toCombinedYaml());
		assertTrue(memory.recall().isEmpty());
	}

	@Test
	void lab_profile_file_is_a_study_template_and_loads_back() throws IOException {
		final MifaMetadata m = MetadataDialogTest.initial();
		m.study().fundingStatement("Funded.");
		final Path file = tmp.resolve("lab.yaml");
		MetadataProfile.of(m).save(file);
		// an independent reading of the file: the archive's own template form
		final MifaMetadata asTemplate = MifaMetadata.load(file);
		assertEquals("Ada", asTemplate.study().authors().get(0).firstName());
		assertEquals(null, asTemplate.study().title(), "the profile holds no study title");

		final MifaMetadata other = new MifaMetadata();
		other.study().license("CC0");
		MetadataProfile.load(file).applyTo(other, true);
		assertEquals("CC_BY", other.study().license(), "loading a profile on request replaces");
		assertEquals("Funded.", other.study().fundingStatement());
		assertEquals(2, other.study().authors().size());
	}
}
