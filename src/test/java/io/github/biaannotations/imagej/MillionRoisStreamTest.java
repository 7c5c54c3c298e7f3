package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import ij.gui.PolygonRoi;
import ij.gui.Roi;

import io.github.biaannotations.geojson.GeoJsonWriter;
import io.github.biaannotations.model.Annotation;

/**
 * A million ROIs go through conversion and the GeoJSON writer within the test heap (-Xmx512m): nothing on the
 * way keeps them. Made ROIs one at a time, counted the features and bytes that come out.
 */
class MillionRoisStreamTest {

	/** Counts bytes and feature starts, keeps nothing. */
	private static final class CountingSink extends OutputStream {

		long bytes;
		long features;
		private int match;
		private static final byte[] FEATURE = "{\"type\":\"Feature\"".getBytes();

		@Override
		public void write(final int b) {
			bytes++;
			match = b == FEATURE[match] ? match + 1 : b == FEATURE[0] ? 1 : 0;
			if (match == FEATURE.length) {
				features++;
				match = 0;
			}
		}

		@Override
		public void write(final byte[] b, final int off, final int len) {
			for (int i = off; i < off + len; i++)
				write(b[i]);
		}
	}

	@Test
	void millionRoisStreamWithinTheTestHeap() throws IOException {
		final int n = 1_000_000;
		final long maxHeap = Runtime.getRuntime().maxMemory();
		assertTrue(maxHeap <= 600L << 20, "this test proves streaming only with a small heap; it has " + (maxHeap >> 20) + " MB");
		final CountingSink sink = new CountingSink();
		final RoisToAnnotations exporter = new RoisToAnnotations(null, s -> {});
		try (GeoJsonWriter w = new GeoJsonWriter(sink)) {
			for (int i = 0; i < n; i++) {
				final int x = (i % 1000) * 40, y = (i / 1000) * 40;
				final Roi roi = i % 2 == 0 ? new Roi(x, y, 30, 20)
					: new PolygonRoi(new int[] { x, x + 30, x + 15 }, new int[] { y, y, y + 25 }, 3, Roi.POLYGON);
				roi.setName("r" + i);
				for (final Annotation a : exporter.toAnnotations(roi, i + 1))
					w.write(a);
			}
		}
		assertEquals(n, sink.features);
		assertTrue(sink.bytes > n * 100L, "bytes written: " + sink.bytes);
	}
}
