package io.github.biaannotations.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Unit names as UDUNITS spells them (what OME-NGFF asks for), and sizes written without float noise. */
public final class Units {

	private Units() {}

	/**
	 * The UDUNITS name of a length unit as ImageJ users type it: micron, um and µm become micrometer; nm,
	 * mm, cm, m, km their long names; "pixel" (or none) gives null, meaning "no physical unit".
	 */
	public static String udunits(final String unit) {
		if (unit == null) return null;
		final String u = unit.trim().toLowerCase(Locale.ROOT);
		switch (u) {
			case "":
			case "pixel":
			case "pixels":
			case "px":
				return null;
			case "micron":
			case "microns":
			case "um":
			case "\u00b5m":
			case "\u03bcm":
			case "micrometre":
			case "micrometer":
				return "micrometer";
			case "nm":
			case "nanometre":
			case "nanometer":
				return "nanometer";
			case "mm":
			case "millimetre":
			case "millimeter":
				return "millimeter";
			case "cm":
				return "centimeter";
			case "m":
			case "metre":
			case "meter":
				return "meter";
			case "a":
			case "\u00e5":
			case "angstrom":
				return "angstrom";
			default:
				return u;
		}
	}

	/** A size with at most 6 significant digits, no trailing zeros: 0.6500002275 becomes "0.65". */
	public static String size(final double v) {
		return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
	}
}
