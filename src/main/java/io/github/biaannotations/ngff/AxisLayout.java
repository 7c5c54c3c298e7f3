package io.github.biaannotations.ngff;

import java.util.ArrayList;
import java.util.List;

import io.github.biaannotations.model.Calibration;
import io.github.biaannotations.model.Units;

/**
 * The OME-NGFF axes of a hyperstack: t, c, z, y, x in that order with singleton t, c and z dropped (c can be
 * kept as a singleton so a label image has the same axes as its multi-channel image). Gives each pyramid
 * level's shape and scale, and maps a plane's (t, c, z) to its leading array index.
 */
public final class AxisLayout {

	private final boolean hasT, hasC, hasZ;
	private final int sizeT, sizeC, sizeZ;
	private final List<long[]> planeSizes;
	private final Calibration cal;

	private AxisLayout(final RasterPlanes h, final boolean keepChannel, final int maxPlaneSide) {
		sizeT = h.sizeT();
		sizeC = h.sizeC();
		sizeZ = h.sizeZ();
		hasT = sizeT > 1;
		hasC = sizeC > 1 || keepChannel;
		hasZ = sizeZ > 1;
		cal = h.calibration();
		planeSizes = planeSizes(h.sizeY(), h.sizeX(), maxPlaneSide);
	}

	/** The layout of a hyperstack; {@code keepChannel} keeps a singleton channel axis. */
	static AxisLayout of(final RasterPlanes h, final boolean keepChannel, final int maxPlaneSide) {
		return new AxisLayout(h, keepChannel, maxPlaneSide);
	}

	/**
	 * Plane sizes {height, width} of each pyramid level: level 0 first, each next level halved (rounded up)
	 * until the larger side is at most {@code maxPlaneSide}.
	 */
	public static List<long[]> planeSizes(final long height, final long width, final int maxPlaneSide) {
		if (maxPlaneSide < 1) throw new IllegalArgumentException("max plane side must be at least 1, got " +
			maxPlaneSide);
		final List<long[]> sizes = new ArrayList<>();
		long h = height, w = width;
		sizes.add(new long[] { h, w });
		while (Math.max(h, w) > maxPlaneSide) {
			h = (h + 1) / 2;
			w = (w + 1) / 2;
			sizes.add(new long[] { h, w });
		}
		return sizes;
	}

	public int levels() {
		return planeSizes.size();
	}

	/** Plane size {height, width} of a level. */
	public long[] planeSize(final int level) {
		return planeSizes.get(level).clone();
	}

	public boolean hasC() {
		return hasC;
	}

	/** Axis names in order, e.g. ["c", "z", "y", "x"]. */
	public String[] names() {
		final List<String> n = new ArrayList<>();
		if (hasT) n.add("t");
		if (hasC) n.add("c");
		if (hasZ) n.add("z");
		n.add("y");
		n.add("x");
		return n.toArray(new String[0]);
	}

	public int rank() {
		return names().length;
	}

	/** Index of the z dimension, or -1. */
	public int zDimension() {
		return hasZ ? rank() - 3 : -1;
	}

	/** The array shape of a level. */
	public long[] shape(final int level) {
		final long[] s = new long[rank()];
		int d = 0;
		if (hasT) s[d++] = sizeT;
		if (hasC) s[d++] = sizeC;
		if (hasZ) s[d++] = sizeZ;
		s[d++] = planeSizes.get(level)[0];
		s[d] = planeSizes.get(level)[1];
		return s;
	}

	/** The scale of a level: calibration times 2^level in y and x. */
	public double[] scale(final int level) {
		final double[] s = new double[rank()];
		int d = 0;
		if (hasT) s[d++] = cal.frameInterval();
		if (hasC) s[d++] = 1;
		if (hasZ) s[d++] = cal.pixelDepth();
		// each level halves y and x, so a pixel of level k spans 2^k pixels of level 0
		s[d++] = cal.pixelHeight() * (1L << level);
		s[d] = cal.pixelWidth() * (1L << level);
		return s;
	}

	/** The index of plane (t, c, z) along the leading (non-yx) dimensions. */
	public long[] leading(final int t, final int c, final int z) {
		final long[] l = new long[rank() - 2];
		int d = 0;
		if (hasT) l[d++] = t;
		if (hasC) l[d++] = c;
		if (hasZ) l[d] = z;
		return l;
	}

	/** The axis type of each axis: "time", "channel" or "space". */
	public String[] types() {
		final String[] names = names();
		final String[] types = new String[names.length];
		for (int i = 0; i < names.length; i++)
			types[i] = "t".equals(names[i]) ? "time" : "c".equals(names[i]) ? "channel" : "space";
		return types;
	}

	/** The UDUNITS unit of each axis, or {@code null} (channel axes, uncalibrated axes). */
	public String[] units() {
		final String[] names = names();
		final String[] units = new String[names.length];
		final String space = Units.space(cal.spaceUnit());
		final String time = Units.time(cal.timeUnit());
		for (int i = 0; i < names.length; i++)
			units[i] = "t".equals(names[i]) ? time : "c".equals(names[i]) ? null : space;
		return units;
	}
}
