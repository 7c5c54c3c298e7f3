package io.github.biaannotations.imagej;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import ij.gui.Arrow;
import ij.gui.EllipseRoi;
import ij.gui.ImageRoi;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.gui.RotatedRectRoi;
import ij.gui.TextRoi;

/** Every kind of ImageJ ROI, as it is named in the {@link ImageJKeys#TYPE} metadata. */
public enum RoiKind {
	RECTANGLE, ROTATED_RECTANGLE, OVAL, ELLIPSE, POLYGON, FREEHAND, TRACED, COMPOSITE, TEXT, IMAGE,
	LINE, ARROW, POLYLINE, FREELINE, ANGLE, POINT;

	private static final Map<String, RoiKind> BY_KEY = new HashMap<>();
	static {
		for (final RoiKind k : values())
			BY_KEY.put(k.key, k);
	}

	private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');

	public String key() {
		return key;
	}

	/** @return the kind named by {@code key}, or null for a name we do not know */
	public static RoiKind fromKey(final String key) {
		return key == null ? null : BY_KEY.get(key);
	}

	public boolean isArea() {
		return ordinal() <= IMAGE.ordinal();
	}

	public static RoiKind of(final Roi roi) {
		if (roi instanceof TextRoi) return TEXT;
		if (roi instanceof ImageRoi) return IMAGE;
		if (roi instanceof EllipseRoi) return ELLIPSE;
		if (roi instanceof RotatedRectRoi) return ROTATED_RECTANGLE;
		if (roi instanceof Arrow) return ARROW;
		if (roi instanceof OvalRoi) return OVAL;
		switch (roi.getType()) {
			case Roi.RECTANGLE: return RECTANGLE;
			case Roi.OVAL: return OVAL;
			case Roi.POLYGON: return POLYGON;
			case Roi.FREEROI: return FREEHAND;
			case Roi.TRACED_ROI: return TRACED;
			case Roi.COMPOSITE: return COMPOSITE;
			case Roi.LINE: return LINE;
			case Roi.POLYLINE: return POLYLINE;
			case Roi.FREELINE: return FREELINE;
			case Roi.ANGLE: return ANGLE;
			case Roi.POINT: return POINT;
			default: throw new IllegalArgumentException("Unknown ImageJ ROI type " + roi.getType());
		}
	}
}
