package io.github.biaannotations.fiji;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;

import org.junit.jupiter.api.Test;

import io.github.biaannotations.metadata.MifaMetadata;

/** Without a display the dialog refuses clearly instead of failing deep inside Swing. */
class MetadataDialogHeadlessTest {

	@Test
	void headless_edit_says_to_use_the_yaml_templates() {
		assumeTrue(GraphicsEnvironment.isHeadless(), "a display is present: the headless case is not testable here");
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> MetadataDialog.edit(null,
			new MifaMetadata(), MetadataPreview.empty(), null));
		assertTrue(e.getMessage().contains("--metadata"), e.getMessage());
	}
}
