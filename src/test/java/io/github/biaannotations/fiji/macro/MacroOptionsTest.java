package io.github.biaannotations.fiji.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.Macro;

/** ImageJ's macro option syntax, checked against ImageJ's own reader {@link Macro#getValue}. */
class MacroOptionsTest {

	@Test
	void pairsBracketsAndFlags() {
		final MacroOptions o = MacroOptions.parse("output=/data/pkg metadata=[/data/my study.yaml] coco  Release_Date=2030-01-01");
		final Map<String, String> expected = new LinkedHashMap<>();
		expected.put("output", "/data/pkg");
		expected.put("metadata", "/data/my study.yaml");
		expected.put("coco", "true");
		expected.put("release_date", "2030-01-01");
		assertEquals(expected, o.values());
		assertEquals("/data/pkg", o.get("OUTPUT"));
		assertEquals("", MacroOptions.parse("labels=[]").get("labels"));
		assertTrue(MacroOptions.parse("   ").values().isEmpty());
		assertTrue(o.isBare("coco"));
		assertTrue(!o.isBare("output"));
	}

	/** Why the runner refuses bare keys: ImageJ's reader, which Fiji uses for SciJava commands, ignores them. */
	@Test
	void imageJReadsNoValueForABareKey() {
		assertEquals(null, Macro.getValue("output=/data/pkg coco", "coco", null));
		assertEquals("true", Macro.getValue("output=/data/pkg coco=true", "coco", null));
	}

	@Test
	void agreesWithImageJOnRandomOptionStrings() {
		final Random r = new Random(6);
		final String[] words = { "a", "b c", "/x/y z.tif", "", "1.5", "C:\\data\\img.tif", "x=y" };
		for (int n = 0; n < 500; n++) {
			final StringBuilder sb = new StringBuilder();
			final int keys = 1 + r.nextInt(4);
			for (int k = 0; k < keys; k++) {
				final String v = words[r.nextInt(words.length)];
				sb.append("key").append(k).append('=').append(v.isEmpty() || v.contains(" ") || v.contains("=") ? "[" + v +
					"]" : v).append(' ');
			}
			final String options = sb.toString();
			final MacroOptions ours = MacroOptions.parse(options);
			for (int k = 0; k < keys; k++)
				assertEquals(Macro.getValue(options, "key" + k, null), ours.get("key" + k), options);
		}
	}

	@Test
	void quotesLikeTheRecorder() {
		assertEquals("/a/b", MacroOptions.quote("/a/b"));
		assertEquals("[/a/my b]", MacroOptions.quote("/a/my b"));
		assertEquals("[]", MacroOptions.quote(""));
		assertEquals("/a/my b", MacroOptions.parse("k=" + MacroOptions.quote("/a/my b")).get("k"));
	}

	@Test
	void malformedOptionsAreNamed() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MacroOptions.parse("metadata=[/a b"))
			.getMessage().contains("metadata=[... has no closing ']'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MacroOptions.parse("coco output=a coco"))
			.getMessage().startsWith("coco is given twice"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MacroOptions.parse("=x")).getMessage()
			.contains("without a key"));
	}
}
