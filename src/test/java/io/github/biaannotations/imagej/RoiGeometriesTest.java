package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.process.ByteProcessor;

/** The bound on what a traced ROI mask may cost. */
class RoiGeometriesTest {

	@Test
	void edgesOfAMaskAreCountedOnEverySideOfEveryPixel() {
		final ByteProcessor one = new ByteProcessor(3, 3);
		one.set(1, 1, 255);
		assertFalse(RoiGeometries.edgesOver(one, 3, 3, 4), "one pixel has 4 edges");
		assertTrue(RoiGeometries.edgesOver(one, 3, 3, 3));
		final ByteProcessor full = new ByteProcessor(3, 2);
		full.setValue(255);
		full.fill();
		assertFalse(RoiGeometries.edgesOver(full, 3, 2, 10), "a full 3 x 2 mask has only its border, 10 edges");
		assertTrue(RoiGeometries.edgesOver(full, 3, 2, 9));
	}

	@Test
	void aCheckerboardMaskIsOverTheTracingBoundLongBeforeItsPixelCount() {
		// 4 Mpixels, far under the traced-pixel limit, but an edge on every side of every pixel: 16 M edges
		final int w = 2048, h = 2048;
		final ByteProcessor board = new ByteProcessor(w, h);
		for (int y = 0; y < h; y++)
			for (int x = (y & 1); x < w; x += 2)
				board.set(x, y, 255);
		assertTrue(RoiGeometries.edgesOver(board, w, h, RoiGeometries.MAX_MASK_EDGES));
	}
}
