package io.github.biaannotations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {

	@Test
	void imageJSpellingsBecomeUdunitsNames() {
		for (final String s : new String[] { "micron", "Microns", " um ", "\u00b5m", "\u03bcm", "micrometre" })
			assertEquals("micrometer", Units.space(s), s);
		assertEquals("nanometer", Units.space("nm"));
		assertEquals("angstrom", Units.space("\u00c5"));
		assertEquals("second", Units.time("sec"));
		assertEquals("millisecond", Units.time("ms"));
		assertEquals("minute", Units.time("min"));
	}

	@Test
	void pixelsAndFramesMeanNoUnit() {
		for (final String s : new String[] { null, "", " ", "pixel", "Pixels", "px", "frame" }) {
			assertNull(Units.space(s), s);
			assertNull(Units.time(s), s);
			assertNull(Units.udunits(s), s);
		}
	}

	@Test
	void theSameTableServesOmeZarrAndThePixelSizeDescription() {
		// the description keeps an unknown unit as typed where OME-Zarr refuses it, naming it
		assertEquals("micrometer", Units.udunits("um"));
		assertEquals("angstrom", Units.udunits("\u00e5ngstr\u00f6m"));
		assertEquals("parsec", Units.udunits(" parsec "));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.space("parsec"));
		assertTrue(e.getMessage().contains("\"parsec\""), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Units.time("micron"));
	}

	@Test
	void sizesHaveNoFloatNoise() {
		assertEquals("0.65", Units.size(0.6500002275));
		assertEquals("2", Units.size(2.0));
	}
}
