package io.github.biaannotations.labels;

/**
 * What the values of a label image made from ROIs stand for: one value per ROI (instance) or one per class,
 * the ROI group's name (semantic).
 */
public enum LabelMode {
	INSTANCE, SEMANTIC;

	/** The mode's name as users type it: {@code instance} or {@code semantic}. */
	public String text() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
