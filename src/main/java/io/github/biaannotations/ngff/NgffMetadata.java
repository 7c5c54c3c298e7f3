package io.github.biaannotations.ngff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.labels.Downsampling;
import io.github.biaannotations.model.ImageChannel;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.LabelInfo;
import io.github.biaannotations.model.Rgb;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the OME-NGFF group attributes: {@code multiscales}, {@code image-label}, {@code omero} and the
 * {@code labels} list, in the 0.4 form (top level, {@code version} inside each object) or the 0.5 form
 * (everything under {@code ome}, with {@code ome.version}).
 */
public final class NgffMetadata {

	private static final JsonNodeFactory F = JsonNodeFactory.instance;

	private NgffMetadata() {}

	/** One {@code multiscales} entry: name, axes, one dataset per level with its scale, type and metadata. */
	public static ObjectNode multiscale(final NgffVersion v, final String name, final AxisLayout layout,
		final String type, final String description)
	{
		final ObjectNode m = F.objectNode();
		if (v == NgffVersion.V0_4) m.put("version", v.text());
		m.put("name", name);
		final ArrayNode axes = m.putArray("axes");
		final String[] names = layout.names(), types = layout.types(), units = layout.units();
		for (int i = 0; i < names.length; i++) {
			final ObjectNode a = axes.addObject().put("name", names[i]).put("type", types[i]);
			if (units[i] != null) a.put("unit", units[i]);
		}
		final ArrayNode datasets = m.putArray("datasets");
		for (int level = 0; level < layout.levels(); level++) {
			final ObjectNode ds = datasets.addObject().put("path", Integer.toString(level));
			final ArrayNode scale = ds.putArray("coordinateTransformations").addObject().put("type", "scale")
				.putArray("scale");
			for (final double s : layout.scale(level))
				scale.add(s);
		}
		m.put("type", type);
		m.putObject("metadata").put("description", description).put("method",
			"io.github.biaannotations.ngff.Downsampling").put("version", "1");
		return m;
	}

	/**
	 * The {@code image-label} object: a colour for background 0 (transparent) and every label found, and the
	 * properties of the same values: background 0 named "background" with its voxel count, and every label
	 * with its name and class when known, voxel count and inclusive bounding box (min and max per axis, in
	 * {@code axisNames} order). {@code colors} and {@code properties} list the same label values, as
	 * ome-zarr-models requires.
	 *
	 * @param source the relative path of the source image ("../../" under an image's labels group), or null
	 */
	public static ObjectNode imageLabel(final NgffVersion v, final LabelImage labels,
		final TreeMap<Long, LabelStatistics.Entry> stats, final String[] axisNames, final String source)
	{
		final ObjectNode il = F.objectNode();
		if (v == NgffVersion.V0_4) il.put("version", v.text());
		final ArrayNode colors = il.putArray("colors");
		colors.addObject().put("label-value", 0).set("rgba", rgba(0, 0, 0, 0));
		final Map<Long, LabelInfo> info = labels.info();
		for (final Long value : stats.keySet()) {
			final LabelInfo li = info.get(value);
			Rgb c = li == null ? null : li.colour();
			if (c == null && labels.lutColours() != null) c = labels.lutColours().apply(value);
			if (c == null) c = paletteColour(value);
			colors.addObject().put("label-value", value).set("rgba", rgba(c.red(), c.green(), c.blue(), 255));
		}
		final ArrayNode props = il.putArray("properties");
		props.addObject().put("label-value", 0).put("name", "background").put("voxel count", backgroundVoxels(
			labels, stats));
		for (final Map.Entry<Long, LabelStatistics.Entry> e : stats.entrySet()) {
			final ObjectNode p = props.addObject().put("label-value", e.getKey());
			final LabelInfo li = info.get(e.getKey());
			if (li != null && li.name() != null) p.put("name", li.name());
			if (li != null && li.className() != null) p.put("class", li.className());
			p.put("voxel count", e.getValue().voxelCount());
			final ObjectNode box = p.putObject("bounding box");
			final ArrayNode min = box.putArray("min"), max = box.putArray("max");
			final int[] lo = e.getValue().min(), hi = e.getValue().max();
			for (final String axis : axisNames) {
				final int i = "t".equals(axis) ? 0 : "z".equals(axis) ? 1 : "y".equals(axis) ? 2 : "x".equals(axis)
					? 3 : -1;
				min.add(i < 0 ? 0 : lo[i]);
				max.add(i < 0 ? 0 : hi[i]);
			}
		}
		if (source != null) il.putObject("source").put("image", source);
		return il;
	}

	/** The voxels of a label image that hold no label: all of them less those counted for labels. */
	private static long backgroundVoxels(final LabelImage l, final Map<Long, LabelStatistics.Entry> stats) {
		long labelled = 0;
		for (final LabelStatistics.Entry e : stats.values())
			labelled += e.voxelCount();
		return (long) l.sizeT() * l.sizeZ() * l.sizeY() * l.sizeX() - labelled;
	}

	/** A distinct, deterministic colour for a label value: golden-angle hues, alternating brightness. */
	public static Rgb paletteColour(final long value) {
		final float hue = (float) ((value * 0.618033988749895) % 1.0);
		final float saturation = value % 3 == 0 ? 0.55f : 0.85f;
		final float brightness = value % 2 == 0 ? 0.8f : 1.0f;
		final int rgb = Color.HSBtoRGB(hue, saturation, brightness);
		return Rgb.of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
	}

	/** The {@code omero} object with one entry per channel (label, colour, window). */
	public static ObjectNode omero(final NgffVersion v, final List<ImageChannel> channels) {
		final ObjectNode o = F.objectNode();
		if (v == NgffVersion.V0_4) o.put("version", v.text());
		final ArrayNode cs = o.putArray("channels");
		for (final ImageChannel c : channels) {
			final ObjectNode ch = cs.addObject();
			ch.put("label", c.name()).put("color", String.format("%02X%02X%02X", c.colour().red(), c.colour()
				.green(), c.colour().blue())).put("active", true).put("coefficient", 1).put("family", "linear").put(
					"inverted", false);
			ch.putObject("window").put("start", c.displayMin()).put("end", c.displayMax()).put("min", c.typeMin())
				.put("max", c.typeMax());
		}
		o.putObject("rdefs").put("model", channels.size() == 1 ? "greyscale" : "color");
		return o;
	}

	/**
	 * Wraps members into group attributes: 0.5 puts them under {@code ome} with {@code version}; 0.4 keeps
	 * them at the top level.
	 */
	public static ObjectNode attributes(final NgffVersion v, final Map<String, JsonNode> members) {
		final ObjectNode attrs = F.objectNode();
		final ObjectNode target;
		if (v == NgffVersion.V0_5) {
			target = attrs.putObject("ome");
			target.put("version", v.text());
		}
		else target = attrs;
		for (final Map.Entry<String, JsonNode> m : members.entrySet())
			target.set(m.getKey(), m.getValue());
		return attrs;
	}

	/** The members of a group's attributes regardless of version (the {@code ome} object for 0.5). */
	public static JsonNode members(final JsonNode attributes) {
		return attributes.has("ome") ? attributes.get("ome") : attributes;
	}

	private static ArrayNode rgba(final int r, final int g, final int b, final int a) {
		return F.arrayNode().add(r).add(g).add(b).add(a);
	}
}
