package io.github.biaannotations.imagej;

/**
 * Metadata keys under which an annotation keeps what ImageJ knows of a ROI and GeoJSON has no member for, so
 * that a ROI survives the round trip ROI &rarr; GeoJSON &rarr; ROI. Other readers (QuPath) show them as plain
 * metadata and ignore them otherwise. ROI properties set by the user are kept under their own keys.
 */
public final class ImageJKeys {

	public static final String PREFIX = "imagej.";
	/** ROI type name, one of {@link RoiKind}'s names. */
	public static final String TYPE = PREFIX + "type";
	/** "c,z,t" for a hyperstack position, or "n" for a stack position (ImageJ's 1-based numbers, 0 = all). */
	public static final String POSITION = PREFIX + "position";
	public static final String GROUP = PREFIX + "group";
	/** Stroke colour as #aarrggbb when it is translucent (GeoJSON's color has no alpha). */
	public static final String STROKE_COLOR = PREFIX + "strokeColor";
	public static final String FILL_COLOR = PREFIX + "fillColor";
	public static final String STROKE_WIDTH = PREFIX + "strokeWidth";
	public static final String CORNER_DIAMETER = PREFIX + "cornerDiameter";
	/** Defining parameters of ellipse and rotated rectangle ROIs, and the bounds x,y,w,h of ovals, comma separated. */
	public static final String PARAMS = PREFIX + "params";
	public static final String ARROW_STYLE = PREFIX + "arrowStyle";
	public static final String ARROW_HEAD_SIZE = PREFIX + "arrowHeadSize";
	public static final String ARROW_DOUBLE_HEADED = PREFIX + "arrowDoubleHeaded";
	public static final String ARROW_OUTLINE = PREFIX + "arrowOutline";
	public static final String TEXT = PREFIX + "text";
	public static final String FONT = PREFIX + "font";
	public static final String TEXT_ANGLE = PREFIX + "textAngle";
	public static final String JUSTIFICATION = PREFIX + "justification";
	public static final String SPLINE_FIT = PREFIX + "splineFit";
	/** Point counter number (0-99) of the points in a feature. */
	public static final String COUNTER = PREFIX + "counter";
	/** Ties the features that one point ROI split into, so they come back as one ROI. */
	public static final String POINT_SET = PREFIX + "pointSet";
	/** The original 0-based indices of a split point set's points in this feature, when splitting reordered them. */
	public static final String POINT_INDICES = PREFIX + "pointIndices";

	private ImageJKeys() {}
}
