package io.github.biaannotations.geojson;

import java.awt.Color;

import io.github.biaannotations.model.Rgb;

/**
 * A colour for a classification that has none of its own (QuPath requires one in every classification it reads):
 * made from the name alone, so that one class gets the same colour in every file and every run, bright enough to
 * be seen on a dark image.
 */
public final class ClassColors {

	/** The golden ratio's fraction: successive hues spread evenly round the colour wheel. */
	private static final double HUE_STEP = 0.618033988749895;

	private ClassColors() {}

	public static Rgb of(final String name) {
		final int h = name.hashCode();
		final float hue = (float) (((h & 0x7fffffff) * HUE_STEP) % 1.0);
		final float saturation = 0.55f + ((h >>> 8) & 0xff) / 255f * 0.35f;
		return Rgb.ofArgb(Color.HSBtoRGB(hue, saturation, 0.9f));
	}
}
