package io.github.biaannotations.imagej;

import java.awt.Color;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ij.gui.Roi;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Rgb;

/**
 * What QuPath gives an object and an ImageJ ROI has no field for, kept as ROI properties (shown in ImageJ's ROI
 * properties, saved in RoiSet.zip) so that a ROI imported from QuPath's GeoJSON goes back to QuPath as the same
 * object: its classification and the class's colour (in ImageJ the ROI's group stands for the class), its own
 * colour, object type, id, measurements, locked state, and that it had no name.
 */
public final class QuPathMembers {

	public static final String PREFIX = "qupath.";
	/** QuPath's name of the class, "Tumor" or, for a derived class, "Tumor: Positive". */
	public static final String CLASSIFICATION = PREFIX + "classification";
	/** The class's colour, #rrggbb. */
	public static final String CLASSIFICATION_COLOR = PREFIX + "classificationColor";
	/**
	 * The object's own colour, #rrggbb, of a classified object: ImageJ shows a ROI of a group in the group's colour
	 * once it is read back from a file (its RoiDecoder sets the group last), so the stroke colour alone cannot say it.
	 */
	public static final String COLOR = PREFIX + "color";
	/**
	 * The ROI's group when it was given the classification: a ROI moved to another group since is exported with
	 * that group's class instead.
	 */
	public static final String GROUP = PREFIX + "group";
	/** QuPath's objectType when it is not "annotation": detection, cell, tile, tmaCore. */
	public static final String OBJECT_TYPE = PREFIX + "objectType";
	/** QuPath's object id (a UUID). */
	public static final String ID = PREFIX + "id";
	/** The measurements as a JSON object, {"Area px": 94.0, ...}. */
	public static final String MEASUREMENTS = PREFIX + "measurements";
	public static final String LOCKED = PREFIX + "locked";
	/**
	 * "true" for an object without a name: ImageJ names such a ROI after its RoiSet.zip entry ("0014", or the ROI
	 * Manager's "0100-0250"), a name the object goes back to QuPath without.
	 */
	public static final String UNNAMED = PREFIX + "unnamed";

	/** The names ImageJ gives a ROI without one: its entry ("0014", "0014-2") or the ROI Manager's label. */
	private static final java.util.regex.Pattern ENTRY_NAME = java.util.regex.Pattern.compile("\\d{4}(-\\d+)*");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** ImageJ's colours for point counters 0-9 (PointRoi); later counters have random colours there. */
	private static final Color[] COUNTER_COLORS = { Color.yellow, Color.magenta, Color.cyan, Color.orange, Color.green,
		Color.blue, Color.white, Color.darkGray, Color.pink, Color.lightGray };

	private static final Color[] GROUP_COLORS = new Color[256];

	private QuPathMembers() {}

	/** Puts the annotation's QuPath members into the ROI's properties; {@code group} is the group given the ROI. */
	static void apply(final Annotation a, final Roi roi, final int group) {
		if (a.classification().isPresent() && !a.metadata().containsKey(ImageJKeys.COUNTER) && !isGroupsOwn(a, group)) {
			roi.setProperty(CLASSIFICATION, a.classification().get());
			a.classificationColor().ifPresent(c -> roi.setProperty(CLASSIFICATION_COLOR, hex(c)));
			a.color().ifPresent(c -> roi.setProperty(COLOR, hex(c)));
			roi.setProperty(GROUP, Integer.toString(group));
		}
		if (a.objectType() != Annotation.ObjectType.ANNOTATION) roi.setProperty(OBJECT_TYPE, a.objectType().json());
		a.id().ifPresent(id -> roi.setProperty(ID, id));
		if (!a.measurements().isEmpty()) {
			final ObjectNode m = JSON.createObjectNode();
			for (final Map.Entry<String, Double> e : a.measurements().entrySet())
				m.put(e.getKey(), e.getValue());
			roi.setProperty(MEASUREMENTS, m.toString());
		}
		if (a.isLocked()) roi.setProperty(LOCKED, "true");
		if (!a.name().isPresent()) roi.setProperty(UNNAMED, "true");
	}

	/** Whether the classification is the one the group gives anyway: its ImageJ name and colour. */
	private static boolean isGroupsOwn(final Annotation a, final int group) {
		return group > 0 && group == RoiStyle.group(a) && a.classification().get().equals(RoiStyle.groupName(group)) &&
			a.classificationColor().map(c -> (c.argb() & 0xffffff) == (groupColor(group).getRGB() & 0xffffff)).orElse(true);
	}

	/**
	 * Gives the annotation of a ROI its QuPath members back: the classification kept at import while the ROI is
	 * still in the group it was given then, else its group's name and colour; object type, id, measurements and
	 * locked state from its properties.
	 *
	 * @throws IllegalArgumentException naming the property that does not parse
	 */
	static void export(final Roi roi, final Annotation.Builder b) {
		final String cls = roi.getProperty(CLASSIFICATION);
		final int group = roi.getGroup();
		if (cls != null && !cls.isEmpty() && group == keptGroup(roi)) {
			b.classification(cls, color(roi, CLASSIFICATION_COLOR));
			// a stroke in the group's colour is ImageJ's, not the object's
			final Color stroke = roi.getStrokeColor();
			if (group > 0 && (stroke == null || (stroke.getRGB() & 0xffffff) == (groupColor(group).getRGB() & 0xffffff)))
				b.color(color(roi, COLOR));
		} else if (group > 0) {
			b.classification(RoiStyle.groupName(group), Rgb.ofArgb(groupColor(group).getRGB()));
		}
		final String type = roi.getProperty(OBJECT_TYPE);
		if (type != null) {
			final Annotation.ObjectType t = Annotation.ObjectType.fromJson(type);
			if (t == null) throw new IllegalArgumentException("Bad " + OBJECT_TYPE + " '" + type + "': expected detection, " +
				"cell, tile, tmaCore or annotation");
			b.objectType(t);
		}
		final String id = roi.getProperty(ID);
		if (id != null && !id.isEmpty()) b.id(id);
		final String m = roi.getProperty(MEASUREMENTS);
		if (m != null) measurements(m, b);
		if ("true".equals(roi.getProperty(LOCKED))) b.locked(true);
		final String name = roi.getName();
		if ("true".equals(roi.getProperty(UNNAMED)) && (name == null || ENTRY_NAME.matcher(name).matches())) b.name(null);
	}

	private static Rgb color(final Roi roi, final String key) {
		final String hex = roi.getProperty(key);
		return hex == null ? null : Rgb.ofArgb(RoiStyle.color(hex, key).getRGB());
	}

	private static String hex(final Rgb c) {
		return String.format("#%06x", c.argb() & 0xffffff);
	}

	private static int keptGroup(final Roi roi) {
		final String g = roi.getProperty(GROUP);
		return g == null ? 0 : (int) RoiStyle.number(g, GROUP);
	}

	private static void measurements(final String json, final Annotation.Builder b) {
		final JsonNode m;
		try {
			m = JSON.readTree(json);
		} catch (final JsonProcessingException e) {
			throw new IllegalArgumentException("Bad " + MEASUREMENTS + ": not a JSON object (" + e.getOriginalMessage() + ")");
		}
		if (!m.isObject()) throw new IllegalArgumentException("Bad " + MEASUREMENTS + ": not a JSON object");
		for (final Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
			final Map.Entry<String, JsonNode> e = it.next();
			final JsonNode v = e.getValue();
			if (v.isNumber()) b.measurement(e.getKey(), v.asDouble());
			else if (v.isTextual()) b.measurement(e.getKey(), RoiStyle.number(v.asText(), MEASUREMENTS + " " + e.getKey(), true));
			else throw new IllegalArgumentException("Bad " + MEASUREMENTS + ": '" + e.getKey() + "' is not a number");
		}
	}

	/** The colour ImageJ gives a ROI of the group (its setGroup sets it as the stroke colour). */
	static Color groupColor(final int group) {
		Color c = GROUP_COLORS[group];
		if (c == null) {
			final Roi probe = new Roi(0, 0, 1, 1);
			probe.setGroup(group);
			c = probe.getStrokeColor() != null ? probe.getStrokeColor() : Roi.getColor();
			GROUP_COLORS[group] = c;
		}
		return c;
	}

	/** ImageJ's colour for a point counter, or null for one (10 and above) that ImageJ colours at random. */
	static Rgb counterColor(final int counter) {
		return counter >= 0 && counter < COUNTER_COLORS.length ? Rgb.ofArgb(COUNTER_COLORS[counter].getRGB()) : null;
	}
}
