package io.github.biaannotations.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.biaannotations.model.Calibration;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.LabelInfo;
import io.github.biaannotations.model.PixelMask;
import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.model.Rasters;
import io.github.biaannotations.model.Rgb;

/**
 * Areas (ROIs, as the pixel masks their tool gives) &rarr; a label raster: an instance image (one value per area,
 * in order) or a semantic one (one value per class).
 * <p>
 * Overlaps: <b>a later area is painted over an earlier one</b>, as the ROI Manager lists them; overlapping
 * pixels are counted. An area on a plane (z, t) goes to that plane only; one on every slice or frame to each.
 * Planes are drawn when the raster's plane is visited, so a large stack is never whole in memory; the masks
 * are made then too.
 */
public final class MaskLabels {

	/** One area to paint: its pixels, where it is, and what it stands for. */
	public static final class Area {

		final Supplier<PixelMask> mask;
		final int z;
		final int t;
		final String name;
		final String className;
		final Rgb colour;

		/**
		 * @param mask its pixels, made when a plane it is on is drawn
		 * @param z its slice, 0-based, or -1 for every slice
		 * @param t its frame, 0-based, or -1 for every frame
		 * @param name its name, for an instance label
		 * @param className its class, the value of a semantic label
		 * @param colour its colour, or null
		 */
		public Area(final Supplier<PixelMask> mask, final int z, final int t, final String name,
			final String className, final Rgb colour)
		{
			this.mask = mask;
			this.z = z;
			this.t = t;
			this.name = name;
			this.className = className;
			this.colour = colour;
		}
	}

	private final int width, height, slices, frames;
	private final List<List<Area>> byPlane = new ArrayList<>();
	private final List<List<Integer>> valuesByPlane = new ArrayList<>();
	private final Map<Long, LabelInfo> labels = new LinkedHashMap<>();
	private final boolean[] drawn;
	private long overlapPixels;

	/** @param width ... frames: the annotated image's size and Z/T layout, which the label raster has */
	public MaskLabels(final List<Area> areas, final LabelMode mode, final int width, final int height,
		final int slices, final int frames)
	{
		this.width = width;
		this.height = height;
		this.slices = slices;
		this.frames = frames;
		for (int i = 0; i < slices * frames; i++) {
			byPlane.add(new ArrayList<>());
			valuesByPlane.add(new ArrayList<>());
		}
		drawn = new boolean[slices * frames];
		final Map<String, Integer> classes = new LinkedHashMap<>();
		int next = 0;
		for (final Area a : areas) {
			final int value;
			if (mode == LabelMode.INSTANCE) {
				value = ++next;
				labels.put((long) value, new LabelInfo(a.name, a.className, a.colour));
			}
			else {
				value = classes.computeIfAbsent(a.className, k -> classes.size() + 1);
				labels.putIfAbsent((long) value, new LabelInfo(a.className, a.className, a.colour));
			}
			for (int t = 0; t < frames; t++)
				for (int z = 0; z < slices; z++)
					if ((a.z < 0 || a.z == z) && (a.t < 0 || a.t == t)) {
						byPlane.get(t * slices + z).add(a);
						valuesByPlane.get(t * slices + z).add(value);
					}
		}
	}

	/** Label values and what they stand for, in value order. */
	public Map<Long, LabelInfo> labels() {
		return Collections.unmodifiableMap(labels);
	}

	/** Pixels covered by more than one area in the planes drawn so far. */
	public long overlapPixels() {
		return overlapPixels;
	}

	/** The label raster: uint16, or uint32 above 65535 labels; the image's Z and T, planes drawn when visited. */
	public LabelImage image(final String name, final Calibration calibration) {
		final boolean wide = labels.size() > 65535;
		return new LabelImage(name, Rasters.planar(new long[] { width, height, slices, frames }, wide
			? PixelType.UINT32 : PixelType.UINT16, i -> draw(i, wide)), calibration, labels, null);
	}

	/** Draws one plane (0-based index, z fastest, then t). */
	synchronized Object draw(final int plane, final boolean wide) {
		final short[] narrow = wide ? null : new short[width * height];
		final int[] ints = wide ? new int[width * height] : null;
		final List<Area> areas = byPlane.get(plane);
		final List<Integer> values = valuesByPlane.get(plane);
		long overlaps = 0;
		for (int i = 0; i < areas.size(); i++) {
			final PixelMask m = areas.get(i).mask.get();
			final int value = values.get(i);
			for (int y = Math.max(0, m.y()); y < Math.min(height, m.y() + m.height()); y++)
				for (int x = Math.max(0, m.x()); x < Math.min(width, m.x() + m.width()); x++) {
					if (!m.covers(x, y)) continue;
					final int at = y * width + x;
					final int old = wide ? ints[at] : narrow[at] & 0xffff;
					if (old != 0 && old != value) overlaps++;
					if (wide) ints[at] = value;
					else narrow[at] = (short) value;
				}
		}
		if (!drawn[plane]) {
			drawn[plane] = true;
			overlapPixels += overlaps;
		}
		return wide ? ints : narrow;
	}
}
