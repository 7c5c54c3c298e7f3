package io.github.biaannotations.imagej;

import java.awt.Color;
import java.io.File;
import java.lang.reflect.Field;

import ij.IJ;
import ij.gui.Roi;
import ij.process.LUT;

/**
 * Works around ImageJ 1.x behaviour that gets in the way outside Fiji. Outside a Fiji installation there is no
 * {@code luts/glasbey.lut}, and every {@link Roi#setGroup} then logs "LUT not found" to standard output; we
 * give ImageJ a palette of distinct group colours instead. Inside Fiji nothing is changed.
 */
public final class ImageJQuirks {

	private static volatile boolean done;

	private ImageJQuirks() {}

	public static void apply() {
		if (done) return;
		synchronized (ImageJQuirks.class) {
			if (done) return;
			done = true;
			final String luts = IJ.getDir("luts");
			if (luts != null && (new File(luts, "glasbey.lut").exists() || new File(luts, "Glasbey.lut").exists())) return;
			try {
				final Field f = Roi.class.getDeclaredField("glasbeyLut");
				f.setAccessible(true);
				if (f.get(null) == null) f.set(null, distinctColours());
			} catch (final ReflectiveOperationException | RuntimeException e) {
				// a later ImageJ without this field: the only cost is the log line
			}
		}
	}

	/** 256 colours spread by the golden angle in hue, entry 0 black, like the Glasbey LUT's use for groups. */
	static LUT distinctColours() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 1; i < 256; i++) {
			final Color c = Color.getHSBColor((float) ((i * 0.618033988749895) % 1.0), 0.85f, i % 2 == 0 ? 0.8f : 1f);
			r[i] = (byte) c.getRed();
			g[i] = (byte) c.getGreen();
			b[i] = (byte) c.getBlue();
		}
		return new LUT(r, g, b);
	}
}
