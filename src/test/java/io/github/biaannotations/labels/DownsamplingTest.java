package io.github.biaannotations.labels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The label-safe downsampling rules (ome-zarr-py #482 and mobie #183 averaged labels into new values). */
class DownsamplingTest {

	@Test
	void modeTakesTheMostFrequentValue() {
		assertEquals(7, Downsampling.mode(7, 7, 3, 0));
		assertEquals(0, Downsampling.mode(5, 0, 0, 7));
		assertEquals(9, Downsampling.mode(1, 9, 9, 9));
	}

	@Test
	void modeTiesPreferLabelsOverBackgroundThenRasterOrder() {
		assertEquals(4, Downsampling.mode(0, 0, 4, 4));
		assertEquals(4, Downsampling.mode(0, 4, 0, 4));
		assertEquals(3, Downsampling.mode(3, 8, 3, 8));
		assertEquals(8, Downsampling.mode(0, 8, 3, 5));
	}

	@Test
	void fastModeFollowsTheCountingRuleForEveryBlock() {
		for (int i = 0; i < 256; i++) {
			final int a = i & 3, b = i >> 2 & 3, c = i >> 4 & 3, d = i >> 6 & 3;
			assertEquals(Downsampling.modeByCounting(a, b, c, d), Downsampling.mode(a, b, c, d), "block " + a + b +
				c + d);
		}
	}

	@Test
	void labelPyramidNeverInventsValues() {
		// a checkerboard of 1 and 3 averages to 2, a label that does not exist
		final short[] plane = { 1, 3, 1, 3, 3, 1, 3, 1 };
		final short[] mode = (short[]) Downsampling.halve(plane, 4, 2, Downsampling.Method.MODE);
		final short[] nearest = (short[]) Downsampling.halve(plane, 4, 2, Downsampling.Method.NEAREST);
		final short[] mean = (short[]) Downsampling.halve(plane, 4, 2, Downsampling.Method.MEAN);
		assertArrayEquals(new short[] { 1, 1 }, mode);
		assertArrayEquals(new short[] { 1, 1 }, nearest);
		assertArrayEquals(new short[] { 2, 2 }, mean);
	}

	@Test
	void oddSizesKeepTheEdgePixels() {
		// 3 x 3: the last column and row form partial blocks
		final byte[] plane = { 1, 1, 5, 1, 1, 5, 6, 6, 9 };
		final byte[] out = (byte[]) Downsampling.halve(plane, 3, 3, Downsampling.Method.MODE);
		assertArrayEquals(new byte[] { 1, 5, 6, 9 }, out);
	}

	@Test
	void unsignedValuesSurvive() {
		final short[] plane = { (short) 60000, (short) 60000, 0, 0 };
		assertEquals(60000, ((short[]) Downsampling.halve(plane, 2, 2, Downsampling.Method.MODE))[0] & 0xffff);
		final int[] big = { 0xfffffff0, 0xfffffff0, 0xfffffff0, 1 };
		assertEquals(0xfffffff0, ((int[]) Downsampling.halve(big, 2, 2, Downsampling.Method.MODE))[0]);
	}

	@Test
	void labelsAreNeverAveragedByOption() {
		assertThrows(IllegalArgumentException.class, () -> io.github.biaannotations.ngff.OmeZarrOptions.defaults().withLabelDownsampling(
			Downsampling.Method.MEAN));
	}
}
