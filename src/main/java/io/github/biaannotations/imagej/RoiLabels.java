package io.github.biaannotations.imagej;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.gui.Roi;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import io.github.biaannotations.labels.LabelMode;

/**
 * ROIs &rarr; a label image with exactly the pixels of ImageJ's {@link Roi#getMask()}: an instance image (one
 * value per ROI, in ROI order) or a semantic one (one value per class: the ROI group's name, else "unclassified").
 * <p>
 * Overlaps: <b>a later ROI is painted over an earlier one</b>, as the ROI Manager lists them; overlapping pixels
 * are counted. ROIs on a plane (z, t) go to that plane only; a ROI without a slice or frame goes to every slice
 * or frame; the channel is ignored (labels have one channel). Line and point ROIs cover no area and are skipped
 * with a warning. Planes are drawn when asked for (a virtual stack), so a large stack is never whole in memory.
 */
public final class RoiLabels {

	/** What a label value stands for. */
	public static final class Label {

		public final int value;
		public final String name;
		public final String className;
		/** The ROI's stroke colour (instance) or the first ROI's of the class (semantic); null when unset. */
		public final java.awt.Color colour;

		Label(final int value, final String name, final String className, final java.awt.Color colour) {
			this.value = value;
			this.name = name;
			this.className = className;
			this.colour = colour;
		}
	}

	private final List<List<Roi>> byPlane;
	private final List<List<Integer>> valuesByPlane;
	private final Map<Integer, Label> labels = new LinkedHashMap<>();
	private final int width, height, slices, frames;
	private final boolean[] drawn;
	private long overlapPixels;

	/**
	 * @param image the annotated image: size and Z/T layout of the label image
	 * @param warnings one line for each ROI that cannot become labels
	 */
	public RoiLabels(final List<Roi> rois, final ImagePlus image, final LabelMode mode, final Consumer<String> warnings) {
		width = image.getWidth();
		height = image.getHeight();
		slices = image.getNSlices();
		frames = image.getNFrames();
		byPlane = new ArrayList<>();
		valuesByPlane = new ArrayList<>();
		for (int i = 0; i < slices * frames; i++) {
			byPlane.add(new ArrayList<>());
			valuesByPlane.add(new ArrayList<>());
		}
		drawn = new boolean[slices * frames];
		final Map<String, Integer> classes = new LinkedHashMap<>();
		int next = 0;
		for (int i = 0; i < rois.size(); i++) {
			final Roi roi = rois.get(i);
			if (!roi.isArea()) {
				warnings.accept(RoiExporter.describe(roi, i + 1) + ": " + RoiKind.of(roi).key() + " ROI has no area; not in the label image");
				continue;
			}
			final String cls = roi.getGroup() > 0 ? RoiStyle.groupName(roi.getGroup()) : "unclassified";
			final int value;
			if (mode == LabelMode.INSTANCE) {
				value = ++next;
				labels.put(value, new Label(value, roi.getName() != null ? roi.getName() : "roi-" + (i + 1), cls, roi.getStrokeColor()));
			} else {
				value = classes.computeIfAbsent(cls, k -> classes.size() + 1);
				labels.putIfAbsent(value, new Label(value, cls, cls, roi.getStrokeColor()));
			}
			place(roi, value, image);
		}
	}

	private void place(final Roi roi, final int value, final ImagePlus image) {
		int z = 0, t = 0;
		if (roi.hasHyperStackPosition()) {
			z = roi.getZPosition();
			t = roi.getTPosition();
		} else if (roi.getPosition() > 0 && roi.getPosition() <= image.getStackSize()) {
			final int[] czt = image.convertIndexToPosition(roi.getPosition());
			z = czt[1];
			t = czt[2];
		}
		for (int ti = 1; ti <= frames; ti++)
			for (int zi = 1; zi <= slices; zi++)
				if ((z == 0 || z == zi) && (t == 0 || t == ti)) {
					final int plane = (ti - 1) * slices + (zi - 1);
					byPlane.get(plane).add(roi);
					valuesByPlane.get(plane).add(value);
				}
	}

	/** Label values and what they stand for, in value order. */
	public Map<Integer, Label> labels() {
		return labels;
	}

	/** Pixels covered by more than one ROI in the planes drawn so far. */
	public long overlapPixels() {
		return overlapPixels;
	}

	/** The label image: 16-bit, or 32-bit float (exact integers) above 65535 labels; Z and T of the image. */
	public ImagePlus image(final String title) {
		final boolean wide = labels.size() > 65535;
		final ImageStack stack = new VirtualStack(width, height, null, null) {

			@Override
			public ImageProcessor getProcessor(final int n) {
				return draw(n - 1, wide);
			}

			@Override
			public int getSize() {
				return slices * frames;
			}

			@Override
			public int getBitDepth() {
				return wide ? 32 : 16;
			}

			@Override
			public String getSliceLabel(final int n) {
				return null;
			}
		};
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, slices, frames);
		if (slices * frames > 1) imp.setOpenAsHyperStack(true);
		return imp;
	}

	/** Draws one plane (0-based index into z fastest, then t). */
	synchronized ImageProcessor draw(final int plane, final boolean wide) {
		final ImageProcessor ip = wide ? new FloatProcessor(width, height) : new ShortProcessor(width, height);
		final List<Roi> rois = byPlane.get(plane);
		final List<Integer> values = valuesByPlane.get(plane);
		long overlaps = 0;
		for (int i = 0; i < rois.size(); i++) {
			final Roi roi = rois.get(i);
			final int value = values.get(i);
			final Rectangle b = roi.getBounds();
			final ImageProcessor mask = roi.getMask();
			for (int y = Math.max(0, b.y); y < Math.min(height, b.y + b.height); y++)
				for (int x = Math.max(0, b.x); x < Math.min(width, b.x + b.width); x++) {
					if (mask != null && mask.get(x - b.x, y - b.y) == 0) continue;
					final float old = ip.getf(x, y);
					if (old != 0 && old != value) overlaps++;
					ip.setf(x, y, value);
				}
		}
		if (!drawn[plane]) {
			drawn[plane] = true;
			overlapPixels += overlaps;
		}
		return ip;
	}
}
