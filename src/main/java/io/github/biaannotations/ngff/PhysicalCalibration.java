package io.github.biaannotations.ngff;

/**
 * Voxel sizes and frame interval with their units, as ImageJ's calibration holds them. Units are free text
 * here ("micron", "sec"); {@link Units} turns them into UDUNITS names when metadata is written.
 */
public final class PhysicalCalibration {

	/** One pixel per unit, no units: what an uncalibrated image has. */
	public static final PhysicalCalibration NONE = new PhysicalCalibration(1, 1, 1, null, 1, null);

	private final double pixelWidth;
	private final double pixelHeight;
	private final double pixelDepth;
	private final String spaceUnit;
	private final double frameInterval;
	private final String timeUnit;

	public PhysicalCalibration(final double pixelWidth, final double pixelHeight, final double pixelDepth,
		final String spaceUnit, final double frameInterval, final String timeUnit)
	{
		this.pixelWidth = positive(pixelWidth, "pixel width");
		this.pixelHeight = positive(pixelHeight, "pixel height");
		this.pixelDepth = positive(pixelDepth, "pixel depth");
		this.spaceUnit = spaceUnit;
		this.frameInterval = frameInterval > 0 && Double.isFinite(frameInterval) ? frameInterval : 1;
		this.timeUnit = timeUnit;
	}

	private static double positive(final double v, final String what) {
		if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(what +
			" must be a positive number, got " + v);
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
}
