package io.github.biaannotations.imagej;

import java.awt.Color;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import ij.gui.Roi;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Rgb;

/**
 * Name, group, colours, stroke width and user properties of a ROI, both ways; the QuPath members kept in ROI
 * properties ({@link QuPathMembers}) go back to their own GeoJSON members, not to metadata.
 */
final class RoiStyle {

	private RoiStyle() {}

	static void export(final Roi roi, final Annotation.Builder b) {
		final String name = roi.getName();
		if (name != null && !name.isEmpty()) b.name(name);
		final Color stroke = roi.getStrokeColor();
		if (stroke != null) {
			b.color(Rgb.ofArgb(stroke.getRGB()));
			if (stroke.getAlpha() != 255) b.metadata(ImageJKeys.STROKE_COLOR, hex(stroke));
		}
		final Color fill = roi.getFillColor();
		if (fill != null) b.metadata(ImageJKeys.FILL_COLOR, hex(fill));
		if (roi.getStrokeWidth() > 0) b.metadata(ImageJKeys.STROKE_WIDTH, Float.toString(roi.getStrokeWidth()));
		final int group = roi.getGroup();
		if (group > 0) b.metadata(ImageJKeys.GROUP, Integer.toString(group));
		QuPathMembers.export(roi, b);
		final Properties props = properties(roi);
		for (final String key : new TreeSet<>(props.stringPropertyNames()))
			if (!key.startsWith(QuPathMembers.PREFIX)) b.metadata(key, props.getProperty(key));
	}

	/** ImageJ's name for a group, or "Group n" when it has none. */
	static String groupName(final int group) {
		final String n = Roi.getGroupName(group);
		return n == null || n.isEmpty() ? "Group " + group : n;
	}

	/**
	 * @param group the ROI's group (0 for none): the one our metadata names, or the one given to the
	 *          annotation's classification
	 */
	static void apply(final Annotation a, final Roi roi, final int group) {
		a.name().ifPresent(roi::setName);
		final Map<String, String> m = a.metadata();
		// the group first: setGroup also sets the stroke colour, which the ROI's own colour then overrides
		if (group > 0) roi.setGroup(group);
		final String strokeHex = m.get(ImageJKeys.STROKE_COLOR);
		if (strokeHex != null) roi.setStrokeColor(color(strokeHex, ImageJKeys.STROKE_COLOR));
		else {
			// an object without a colour of its own is shown in its class's colour, as QuPath shows it
			final Rgb c = a.color().orElse(a.classificationColor().orElse(null));
			if (c != null) roi.setStrokeColor(new Color(c.argb(), true));
		}
		final String fillHex = m.get(ImageJKeys.FILL_COLOR);
		if (fillHex != null) roi.setFillColor(color(fillHex, ImageJKeys.FILL_COLOR));
		final String width = m.get(ImageJKeys.STROKE_WIDTH);
		if (width != null) roi.setStrokeWidth(number(width, ImageJKeys.STROKE_WIDTH));
		for (final Map.Entry<String, String> e : m.entrySet())
			if (!e.getKey().startsWith(ImageJKeys.PREFIX)) roi.setProperty(e.getKey(), e.getValue());
		QuPathMembers.apply(a, roi, group);
	}

	/** The group our metadata names, or 0 when it names none. */
	static int group(final Annotation a) {
		final String group = a.metadata().get(ImageJKeys.GROUP);
		return group == null ? 0 : (int) number(group, ImageJKeys.GROUP);
	}

	private static Properties properties(final Roi roi) {
		final Properties p = new Properties();
		final String text = roi.getProperties();
		if (text == null) return p;
		for (final String line : text.split("\n")) {
			final int colon = line.indexOf(':');
			if (colon <= 0) continue;
			final String key = line.substring(0, colon).trim();
			final String value = roi.getProperty(key);
			if (value != null) p.setProperty(key, value);
		}
		return p;
	}

	static String hex(final Color c) {
		return String.format("#%08x", c.getRGB());
	}

	static Color color(final String hex, final String key) {
		final String h = hex.startsWith("#") ? hex.substring(1) : hex;
		try {
			if (h.length() == 8) return new Color((int) Long.parseLong(h, 16), true);
			if (h.length() == 6) return new Color(Integer.parseInt(h, 16));
		} catch (final NumberFormatException e) {
			// fall through to the message
		}
		throw new IllegalArgumentException("Bad colour '" + hex + "' in " + key + ": expected #rrggbb or #aarrggbb");
	}

	static double number(final String value, final String key) {
		return number(value, key, false);
	}

	/** @param nonFinite whether NaN and infinities are allowed (measurements) */
	static double number(final String value, final String key, final boolean nonFinite) {
		try {
			final double d = Double.parseDouble(value.trim());
			if (nonFinite || Double.isFinite(d)) return d;
		} catch (final NumberFormatException e) {
			// fall through to the message
		}
		throw new IllegalArgumentException("Bad number '" + value + "' in " + key);
	}
}
