package io.github.biaannotations.model;

/**
 * An opaque or translucent colour as packed ARGB, independent of AWT so that the core model can be used
 * anywhere. GeoJSON carries only r, g, b; alpha survives through the ImageJ metadata.
 */
public final class Rgb {

	private final int argb;

	private Rgb(final int argb) {
		this.argb = argb;
	}

	public static Rgb ofArgb(final int argb) {
		return new Rgb(argb);
	}

	public static Rgb of(final int r, final int g, final int b) {
		return new Rgb(0xff000000 | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b));
	}

	private static int clamp(final int v) {
		if (v < 0 || v > 255) throw new IllegalArgumentException("Colour component out of 0-255: " + v);
		return v;
	}

	public int argb() { return argb; }
	public int red() { return (argb >> 16) & 0xff; }
	public int green() { return (argb >> 8) & 0xff; }
	public int blue() { return argb & 0xff; }
	public int alpha() { return (argb >>> 24) & 0xff; }

	@Override
	public boolean equals(final Object o) {
		return o instanceof Rgb && ((Rgb) o).argb == argb;
	}

	@Override
	public int hashCode() {
		return argb;
	}

	@Override
	public String toString() {
		return String.format("#%08x", argb);
	}
}
