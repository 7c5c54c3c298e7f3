package io.github.biaannotations.imagej;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.FileInfo;
import ij.plugin.frame.RoiManager;

import io.github.biaannotations.model.InputException;

/**
 * Where the ROIs of an image are, decided here only: for an open image (Fiji), the ROI Manager when it is open
 * and holds ROIs, else the image's overlay; for an image file, its overlay. The ROI Manager is a window, so
 * headless runs always use the overlay. Imported ROIs go the same way back.
 */
public final class ImageRois {

	/** Where ROIs were taken from or put. */
	public enum Place {
		ROI_MANAGER("ROI Manager"), OVERLAY("overlay"), NONE("nowhere");

		private final String label;

		Place(final String label) {
			this.label = label;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	private ImageRois() {}

	/** Where {@link #forExport} takes ROIs from for this image. */
	public static Place sourceOf(final ImagePlus imp) {
		final RoiManager rm = GraphicsEnvironment.isHeadless() ? null : RoiManager.getInstance();
		if (rm != null && rm.getCount() > 0) return Place.ROI_MANAGER;
		final Overlay overlay = imp == null ? null : imp.getOverlay();
		return overlay != null && overlay.size() > 0 ? Place.OVERLAY : Place.NONE;
	}

	/** The ROIs to export for an open image: the ROI Manager's, else the overlay's, else none. */
	public static List<Roi> forExport(final ImagePlus imp) {
		switch (sourceOf(imp)) {
			case ROI_MANAGER:
				return new ArrayList<>(Arrays.asList(RoiManager.getInstance().getRoisAsArray()));
			case OVERLAY:
				return overlayOf(imp);
			default:
				return new ArrayList<>();
		}
	}

	/** The ROIs of the image's overlay (an image file's own ROIs); empty without an overlay. */
	public static List<Roi> overlayOf(final ImagePlus imp) {
		final Overlay overlay = imp == null ? null : imp.getOverlay();
		return overlay == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(overlay.toArray()));
	}

	/**
	 * Shows imported ROIs: in the ROI Manager when asked and there is a display, else in the image's overlay.
	 *
	 * @return where they went
	 * @throws IllegalArgumentException if they must go to an overlay and there is no image
	 */
	public static Place show(final List<Roi> rois, final ImagePlus imp, final boolean roiManager) {
		if (roiManager && !GraphicsEnvironment.isHeadless()) {
			final RoiManager rm = RoiManager.getRoiManager();
			for (final Roi roi : rois)
				rm.addRoi(roi);
			return Place.ROI_MANAGER;
		}
		if (imp == null) throw new InputException("no image to put the ROIs on: open the image first " +
			"or give its file");
		Overlay overlay = imp.getOverlay();
		if (overlay == null) overlay = new Overlay();
		for (final Roi roi : rois)
			overlay.add(roi);
		imp.setOverlay(overlay);
		return Place.OVERLAY;
	}

	/** The image's file name as annotations refer to it: the file it was opened from, else its title. */
	public static String sourceName(final ImagePlus imp) {
		final FileInfo fi = imp.getOriginalFileInfo();
		if (fi != null && fi.fileName != null && !fi.fileName.trim().isEmpty()) return fi.fileName;
		return imp.getTitle();
	}
}
