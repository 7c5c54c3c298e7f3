package io.github.biaannotations.imagej;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Plane;

/**
 * The coordinate rule for planes, written once: ImageJ's 1-based C/Z/T positions (0 = all) and stack
 * positions &harr; 0-based GeoJSON planes (c = -1 for all channels). The exact ImageJ position also travels in
 * the {@link ImageJKeys#POSITION} metadata, since a plane cannot say "all slices" or "all frames".
 */
public final class RoiPlanes {

	private RoiPlanes() {}

	/** ImageJ's position of a ROI as written in metadata, or null when it has none. */
	public static String positionKey(final Roi roi) {
		if (roi.hasHyperStackPosition()) {
			final int c = roi.getCPosition(), z = roi.getZPosition(), t = roi.getTPosition();
			return c == 0 && z == 0 && t == 0 ? null : c + "," + z + "," + t;
		}
		final int n = roi.getPosition();
		return n > 0 ? Integer.toString(n) : null;
	}

	/** The plane for a position key, using the image's dimensions for stack positions when known. */
	public static Plane toPlane(final String positionKey, final ImagePlus imp) {
		if (positionKey == null) return null;
		final int[] v = parse(positionKey);
		if (v.length == 3) return Plane.of(v[0] - 1, Math.max(v[1] - 1, 0), Math.max(v[2] - 1, 0));
		final int n = v[0];
		if (imp != null && n <= imp.getStackSize() && (imp.getNChannels() > 1 || imp.getNFrames() > 1)) {
			final int[] czt = imp.convertIndexToPosition(n);
			return Plane.of(imp.getNChannels() > 1 ? czt[0] - 1 : Plane.ALL_CHANNELS, czt[1] - 1, czt[2] - 1);
		}
		return Plane.of(Plane.ALL_CHANNELS, n - 1, 0);
	}

	/** The position key of a plane: hyperstack "c,z,t" (1-based, c 0 for all channels) or stack "z". */
	private static String key(final Plane plane, final boolean hyper) {
		if (hyper) return (plane.c() + 1) + "," + (plane.z() + 1) + "," + (plane.t() + 1);
		return Integer.toString(plane.z() + 1);
	}

	/**
	 * How the planes of one GeoJSON file become ImageJ positions. A feature without a plane lies on QuPath's
	 * default plane (all channels, z = 0, t = 0). In a stack that is its first slice and frame; in a 2D image it
	 * is the image itself, so the ROI gets no position. Whether the target is a stack, and a hyperstack (channels
	 * or frames), comes from the image when it is given, else from the file: a file that puts any feature on
	 * another plane describes a stack, and one with a channel or a frame beyond the first a hyperstack.
	 */
	public static final class Layout {

		private final boolean stack;
		private final boolean hyper;

		private Layout(final boolean stack, final boolean hyper) {
			this.stack = stack;
			this.hyper = hyper;
		}

		/** @param imp the target image, or null to judge from the file's planes */
		public static Layout of(final ImagePlus imp, final Iterable<Annotation> file) {
			if (imp != null) return new Layout(imp.getStackSize() > 1, imp.getNChannels() > 1 || imp.getNFrames() > 1);
			boolean stack = false, hyper = false;
			for (final Annotation a : file) {
				final Plane p = a.plane().orElse(null);
				if (p == null || p.equals(Plane.DEFAULT)) continue;
				stack = true;
				hyper |= p.c() >= 0 || p.t() > 0;
			}
			return new Layout(stack, hyper);
		}

		/** The position key of a plane (null: the feature has none), or null for no position. */
		public String positionKey(final Plane plane) {
			final Plane p = plane == null ? Plane.DEFAULT : plane;
			if (!stack && p.equals(Plane.DEFAULT)) return null;
			return key(p, hyper || !stack && (p.c() >= 0 || p.t() > 0));
		}
	}

	/** Gives the ROI the position a key describes; keys that do not parse are refused with the key named. */
	public static void apply(final Roi roi, final String positionKey) {
		if (positionKey == null) return;
		final int[] v = parse(positionKey);
		if (v.length == 3) roi.setPosition(v[0], v[1], v[2]);
		else roi.setPosition(v[0]);
	}

	static int[] parse(final String positionKey) {
		final String[] parts = positionKey.trim().split("\\s*,\\s*");
		if (parts.length != 1 && parts.length != 3)
			throw new IllegalArgumentException("Bad " + ImageJKeys.POSITION + " '" + positionKey + "': expected n or c,z,t");
		final int[] v = new int[parts.length];
		for (int i = 0; i < v.length; i++) {
			try {
				v[i] = Integer.parseInt(parts[i]);
			} catch (final NumberFormatException e) {
				throw new IllegalArgumentException("Bad " + ImageJKeys.POSITION + " '" + positionKey + "': not a number");
			}
			if (v[i] < 0)
				throw new IllegalArgumentException("Bad " + ImageJKeys.POSITION + " '" + positionKey + "': negative");
		}
		return v;
	}
}
