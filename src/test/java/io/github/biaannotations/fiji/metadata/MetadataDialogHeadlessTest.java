package io.github.biaannotations.fiji.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.biaannotations.metadata.MifaMetadata;

/**
 * Without a display the dialog refuses clearly instead of failing deep inside Swing. Under a display (the GUI tests
 * run under Xvfb) the check runs in a child JVM started with {@code -Djava.awt.headless=true}.
 */
class MetadataDialogHeadlessTest {

	/** The child JVM's entry point: prints the refusal's message, or fails. */
	public static void main(final String... args) {
		if (!GraphicsEnvironment.isHeadless()) throw new IllegalStateException("not headless");
		try {
			MetadataDialog.edit(null, new MifaMetadata(), MetadataPreview.empty(), null);
			System.out.println("NO REFUSAL");
		}
		catch (final IllegalStateException e) {
			System.out.println("REFUSED: " + e.getMessage());
		}
	}

	@Test
	void headless_edit_says_to_use_the_yaml_templates() throws Exception {
		if (GraphicsEnvironment.isHeadless()) {
			final IllegalStateException e = assertThrows(IllegalStateException.class, () -> MetadataDialog.edit(null,
				new MifaMetadata(), MetadataPreview.empty(), null));
			assertTrue(e.getMessage().contains("--metadata"), e.getMessage());
			return;
		}
		final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		final Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty(
			"java.class.path"), MetadataDialogHeadlessTest.class.getName()).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the headless JVM did not finish");
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.contains("REFUSED: ") && out.contains("--metadata"), out);
	}
}
