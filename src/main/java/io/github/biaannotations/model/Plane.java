package io.github.biaannotations.model;

import java.util.Objects;

/**
 * The image plane an annotation lies on, 0-based as in QuPath's GeoJSON {@code plane} member.
 * A channel of {@code -1} means "all channels"; {@link #DEFAULT} (c = -1, z = 0, t = 0) is what a reader
 * assumes when a feature carries no plane.
 */
public final class Plane {

	public static final int ALL_CHANNELS = -1;
	public static final Plane DEFAULT = new Plane(ALL_CHANNELS, 0, 0);

	private final int c;
	private final int z;
	private final int t;

	private Plane(final int c, final int z, final int t) {
		this.c = c;
		this.z = z;
		this.t = t;
	}

	/** @throws IllegalArgumentException if c &lt; -1 or z, t &lt; 0 */
	public static Plane of(final int c, final int z, final int t) {
		if (c < ALL_CHANNELS || z < 0 || t < 0)
			throw new IllegalArgumentException("Invalid plane c=" + c + ", z=" + z + ", t=" + t);
		return c == ALL_CHANNELS && z == 0 && t == 0 ? DEFAULT : new Plane(c, z, t);
	}

	public int c() { return c; }
	public int z() { return z; }
	public int t() { return t; }

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Plane)) return false;
		final Plane p = (Plane) o;
		return p.c == c && p.z == z && p.t == t;
	}

	@Override
	public int hashCode() {
		return Objects.hash(c, z, t);
	}

	@Override
	public String toString() {
		return "c=" + c + ", z=" + z + ", t=" + t;
	}
}
