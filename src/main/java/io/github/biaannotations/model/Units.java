package io.github.biaannotations.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Unit names as UDUNITS-2 spells them (what OME-NGFF asks for), from the names ImageJ users type (micron, um,
 * µm, sec...), and sizes written without float noise. "pixel", "frame" and empty units mean "no physical unit".
 * One table serves the OME-Zarr axes, the OME-XML and the pixel size written beside the annotations.
 */
public final class Units {

	private static final Map<String, String> SPACE = new HashMap<>();
	private static final Map<String, String> TIME = new HashMap<>();

	static {
		names(SPACE, "micrometer", "micron", "microns", "um", "\u00b5m", "\u03bcm", "micrometre", "micrometers",
			"micrometres");
		names(SPACE, "nanometer", "nm", "nanometre", "nanometers", "nanometres");
		names(SPACE, "millimeter", "mm", "millimetre", "millimeters", "millimetres");
		names(SPACE, "centimeter", "cm", "centimetre", "centimeters", "centimetres");
		names(SPACE, "meter", "m", "metre", "meters", "metres");
		names(SPACE, "picometer", "pm", "picometre", "picometers", "picometres");
		names(SPACE, "angstrom", "\u00e5", "\u00e5ngstr\u00f6m", "a", "angstroms");
		names(SPACE, "inch", "inches", "in");
		names(TIME, "second", "s", "sec", "seconds");
		names(TIME, "millisecond", "ms", "msec", "milliseconds");
		names(TIME, "microsecond", "us", "\u00b5s", "\u03bcs", "microseconds");
		names(TIME, "minute", "min", "minutes");
		names(TIME, "hour", "h", "hr", "hours");
		names(TIME, "day", "d", "days");
	}

	private static void names(final Map<String, String> map, final String udunits, final String... spellings) {
		map.put(udunits, udunits);
		for (final String s : spellings)
			map.put(s, udunits);
	}

	private Units() {}

	/**
	 * The UDUNITS name of a length unit, or {@code null} when there is none. Throws for a unit that is not a
	 * length, naming it.
	 */
	public static String space(final String unit) {
		return lookup(SPACE, unit, "space");
	}

	/** The UDUNITS name of a time unit, or {@code null} when there is none; throws for an unknown one. */
	public static String time(final String unit) {
		return lookup(TIME, unit, "time");
	}

	/**
	 * The UDUNITS name of a length unit for describing a pixel size: as {@link #space}, but a unit not in the
	 * table is kept as typed (trimmed) rather than refused.
	 */
	public static String udunits(final String unit) {
		if (none(unit)) return null;
		final String name = find(SPACE, unit);
		return name != null ? name : unit.trim();
	}

	private static boolean none(final String unit) {
		if (unit == null) return true;
		final String u = unit.trim().toLowerCase(Locale.ROOT);
		return u.isEmpty() || u.equals("pixel") || u.equals("pixels") || u.equals("px") || u.equals("frame") ||
			u.equals("frames");
	}

	private static String find(final Map<String, String> map, final String unit) {
		return map.get(unit.trim().toLowerCase(Locale.ROOT));
	}

	private static String lookup(final Map<String, String> map, final String unit, final String kind) {
		if (none(unit)) return null;
		final String name = find(map, unit);
		if (name == null) throw new InputException("unknown " + kind + " unit \"" + unit +
			"\": use a UDUNITS length/time name such as micrometer or second", null, null, kind + " unit", null);
		return name;
	}

	/** A size with at most 6 significant digits, no trailing zeros: 0.6500002275 becomes "0.65". */
	public static String size(final double v) {
		return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
	}
}
