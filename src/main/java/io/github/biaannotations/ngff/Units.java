package io.github.biaannotations.ngff;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the unit names ImageJ users type (micron, um, µm, sec...) to the UDUNITS-2 names OME-NGFF requires
 * (micrometer, second). "pixel" and empty units mean "no physical unit".
 */
public final class Units {

	private static final Map<String, String> SPACE = new HashMap<>();
	private static final Map<String, String> TIME = new HashMap<>();

	static {
		for (final String s : new String[] { "micron", "microns", "um", "\u00b5m", "\u03bcm", "micrometer",
			"micrometre", "micrometers", "micrometres" })
			SPACE.put(s, "micrometer");
		for (final String s : new String[] { "nm", "nanometer", "nanometre", "nanometers", "nanometres" })
			SPACE.put(s, "nanometer");
		for (final String s : new String[] { "mm", "millimeter", "millimetre", "millimeters", "millimetres" })
			SPACE.put(s, "millimeter");
		for (final String s : new String[] { "cm", "centimeter", "centimetre", "centimeters", "centimetres" })
			SPACE.put(s, "centimeter");
		for (final String s : new String[] { "m", "meter", "metre", "meters", "metres" })
			SPACE.put(s, "meter");
		for (final String s : new String[] { "pm", "picometer", "picometre" })
			SPACE.put(s, "picometer");
		for (final String s : new String[] { "\u00c5", "angstrom", "\u00e5ngstr\u00f6m", "a" })
			SPACE.put(s, "angstrom");
		for (final String s : new String[] { "inch", "inches", "in" })
			SPACE.put(s, "inch");
		for (final String s : new String[] { "s", "sec", "second", "seconds" })
			TIME.put(s, "second");
		for (final String s : new String[] { "ms", "msec", "millisecond", "milliseconds" })
			TIME.put(s, "millisecond");
		for (final String s : new String[] { "us", "\u00b5s", "microsecond", "microseconds" })
			TIME.put(s, "microsecond");
		for (final String s : new String[] { "min", "minute", "minutes" })
			TIME.put(s, "minute");
		for (final String s : new String[] { "h", "hr", "hour", "hours" })
			TIME.put(s, "hour");
		for (final String s : new String[] { "d", "day", "days" })
			TIME.put(s, "day");
	}

	private Units() {}

	/**
	 * The UDUNITS name of a space unit, or {@code null} when there is none ("pixel", empty). Throws for a unit
	 * that is not a length, naming it.
	 */
	public static String space(final String unit) {
		return lookup(SPACE, unit, "space");
	}

	/** The UDUNITS name of a time unit, or {@code null} when there is none. */
	public static String time(final String unit) {
		return lookup(TIME, unit, "time");
	}

	private static String lookup(final Map<String, String> map, final String unit, final String kind) {
		if (unit == null) return null;
		final String key = unit.trim();
		if (key.isEmpty() || key.equalsIgnoreCase("pixel") || key.equalsIgnoreCase("pixels") || key
			.equalsIgnoreCase("px") || key.equalsIgnoreCase("frame") || key.equalsIgnoreCase("frames")) return null;
		String name = map.get(key);
		if (name == null) name = map.get(key.toLowerCase(Locale.ROOT));
		if (name == null) throw new IllegalArgumentException("unknown " + kind + " unit \"" + unit +
			"\": use a UDUNITS length/time name such as micrometer or second");
		return name;
	}
}
