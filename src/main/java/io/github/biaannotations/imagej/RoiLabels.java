package io.github.biaannotations.imagej;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;

import io.github.biaannotations.labels.LabelMode;
import io.github.biaannotations.labels.MaskLabels;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.LabelInfo;
import io.github.biaannotations.model.PixelMask;
import io.github.biaannotations.model.Rgb;

/**
 * ImageJ ROIs &rarr; a label image with exactly the pixels of ImageJ's {@link Roi#getMask()}, drawn by
 * {@link MaskLabels}: an instance image (one value per ROI, in ROI order, named by the ROI) or a semantic one
 * (one value per class: the ROI group's name, else "unclassified"). A later ROI is painted over an earlier one.
 * ROIs on a plane (z, t) go to that plane only; a ROI without a slice or frame goes to every slice or frame; the
 * channel is ignored (labels have one channel). Line and point ROIs cover no area and are skipped with a warning.
 */
public final class RoiLabels {

	private final MaskLabels labels;

	/**
	 * @param image the annotated image: size and Z/T layout of the label image
	 * @param warnings one line for each ROI that cannot become labels
	 */
	public RoiLabels(final List<Roi> rois, final ImagePlus image, final LabelMode mode, final Consumer<String> warnings) {
		final List<MaskLabels.Area> areas = new ArrayList<>();
		for (int i = 0; i < rois.size(); i++) {
			final Roi roi = rois.get(i);
			if (!roi.isArea()) {
				warnings.accept(RoisToAnnotations.describe(roi, i + 1) + ": " + RoiKind.of(roi).key() + " ROI has no area; not in the label image");
				continue;
			}
			final int[] zt = plane(roi, image);
			final Color c = roi.getStrokeColor();
			areas.add(new MaskLabels.Area(() -> maskOf(roi), zt[0], zt[1], roi.getName() != null ? roi.getName()
				: "roi-" + (i + 1), roi.getGroup() > 0 ? RoiStyle.groupName(roi.getGroup()) : "unclassified", c == null
					? null : Rgb.ofArgb(c.getRGB())));
		}
		labels = new MaskLabels(areas, mode, image.getWidth(), image.getHeight(), image.getNSlices(), image
			.getNFrames());
	}

	/** The ROI's slice and frame, 0-based, -1 for every one. */
	private static int[] plane(final Roi roi, final ImagePlus image) {
		int z = 0, t = 0;
		if (roi.hasHyperStackPosition()) {
			z = roi.getZPosition();
			t = roi.getTPosition();
		}
		else if (roi.getPosition() > 0 && roi.getPosition() <= image.getStackSize()) {
			final int[] czt = image.convertIndexToPosition(roi.getPosition());
			z = czt[1];
			t = czt[2];
		}
		return new int[] { z - 1, t - 1 };
	}

	/** ImageJ's mask of an area ROI (its bounds, all covered, for a rectangle). */
	static PixelMask maskOf(final Roi roi) {
		final Rectangle b = roi.getBounds();
		final ImageProcessor m = roi.getMask();
		if (m == null) return new PixelMask(b.x, b.y, b.width, b.height, null);
		return new PixelMask(b.x, b.y, m.getWidth(), m.getHeight(), (byte[]) m.convertToByteProcessor(false)
			.getPixels());
	}

	/** Label values and what they stand for (name, class, the ROI's stroke colour), in value order. */
	public Map<Long, LabelInfo> labels() {
		return labels.labels();
	}

	/** Pixels covered by more than one ROI in the planes drawn so far. */
	public long overlapPixels() {
		return labels.overlapPixels();
	}

	/** The label image: uint16, or uint32 above 65535 labels; Z and T of the image; planes drawn when visited. */
	public LabelImage image(final String name, final ImagePlus image) {
		return labels.image(name, ImagePlusRasters.calibrationOf(image));
	}
}
