package io.github.biaannotations.model;

/**
 * Voxel sizes and frame interval with their units, as ImageJ's calibration holds them: the calibration of a
 * label or intensity raster, given beside it (imglib2 images carry none). Units are free text here ("micron",
 * "sec"); {@link Units} turns them into UDUNITS names when metadata is written.
 */
public final class Calibration {

	/** One pixel per unit, no units: what an uncalibrated image has. */
	public static final Calibration NONE = new Calibration(1, 1, 1, null, 1, null);

	private final double pixelWidth;
	private final double pixelHeight;
	private final double pixelDepth;
	private final String spaceUnit;
	private final double frameInterval;
	private final String timeUnit;

	public Calibration(final double pixelWidth, final double pixelHeight, final double pixelDepth,
		final String spaceUnit, final double frameInterval, final String timeUnit)
	{
		this.pixelWidth = positive(pixelWidth, "pixel width");
		this.pixelHeight = positive(pixelHeight, "pixel height");
		this.pixelDepth = positive(pixelDepth, "pixel depth");
		this.spaceUnit = spaceUnit;
		this.frameInterval = frameInterval > 0 && Double.isFinite(frameInterval) ? frameInterval : 1;
		this.timeUnit = timeUnit;
	}

	/** Pixel width, height and depth in {@code unit} (e.g. "micrometer"), without a frame interval. */
	public static Calibration of(final double pixelWidth, final double pixelHeight, final double pixelDepth,
		final String unit)
	{
		return new Calibration(pixelWidth, pixelHeight, pixelDepth, unit, 1, null);
	}

	private static double positive(final double v, final String what) {
		if (!(v > 0) || !Double.isFinite(v)) throw new InputException(what +
			" must be a positive number, got " + v, null, null, what, null);
		return v;
	}

	public double pixelWidth() {
		return pixelWidth;
	}

	public double pixelHeight() {
		return pixelHeight;
	}

	public double pixelDepth() {
		return pixelDepth;
	}

	/** The space unit as given (may be null or "pixel"). */
	public String spaceUnit() {
		return spaceUnit;
	}

	/** Frame interval; 1 when unknown. */
	public double frameInterval() {
		return frameInterval;
	}

	/** The time unit as given (may be null). */
	public String timeUnit() {
		return timeUnit;
	}

	/**
	 * The pixel size for people and file lists: "0.65 x 0.65 micrometer" ("0.65 x 0.65 x 2 micrometer" with
	 * {@code withDepth}); null without a unit the archive knows (an uncalibrated image).
	 */
	public String describe(final boolean withDepth) {
		final String unit = Units.udunits(spaceUnit);
		if (unit == null) return null;
		return Units.size(pixelWidth) + " x " + Units.size(pixelHeight) + (withDepth ? " x " + Units.size(pixelDepth)
			: "") + " " + unit;
	}
}
