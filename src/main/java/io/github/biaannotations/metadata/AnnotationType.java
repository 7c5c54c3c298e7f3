package io.github.biaannotations.metadata;

import java.util.Optional;

/**
 * The archive's list of annotation types (MIFA {@code AnnotationType}), each with a one-line explanation
 * for people choosing among them.
 */
public enum AnnotationType {
	CLASS_LABELS("class_labels", "A class or category per image or per object (e.g. mitotic / not mitotic)."),
	BOUNDING_BOXES("bounding_boxes", "Axis-aligned rectangles around objects."),
	COUNTS("counts", "Numbers of objects per image or region, without their positions."),
	DERIVED_ANNOTATIONS("derived_annotations", "Measurements or results computed from other annotations."),
	GEOMETRICAL_ANNOTATIONS("geometrical_annotations", "Polygons, ellipses, lines and other shapes outlining objects."),
	GRAPHS("graphs", "Nodes and edges, e.g. skeletons or cell adjacency networks."),
	POINT_ANNOTATIONS("point_annotations", "Points (x, y, z) marking object positions."),
	SEGMENTATION_MASK("segmentation_mask", "A label image the size of the source: each pixel value is an object, class or background."),
	TRACKS("tracks", "Objects followed over time."),
	WEAK_ANNOTATIONS("weak_annotations", "Incomplete or imprecise labels such as scribbles or partial outlines."),
	OTHER("other", "Anything not covered above: describe it in the annotation overview.");

	private final String value;
	private final String help;

	AnnotationType(final String value, final String help) {
		this.value = value;
		this.help = help;
	}

	/** The value written in MIFA YAML and PageTab, e.g. {@code segmentation_mask}. */
	public String value() {
		return value;
	}

	/** One line saying what the type means, for dialogs and error messages. */
	public String help() {
		return help;
	}

	/** The type written {@code value} (case and surrounding blanks ignored); empty for unknown values. */
	public static Optional<AnnotationType> parse(final String value) {
		if (value == null) return Optional.empty();
		final String v = value.trim();
		for (final AnnotationType t : values())
			if (t.value.equalsIgnoreCase(v)) return Optional.of(t);
		return Optional.empty();
	}

	/** All values, comma separated, for messages that list what is accepted. */
	public static String allValues() {
		final StringBuilder sb = new StringBuilder();
		for (final AnnotationType t : values())
			sb.append(sb.length() == 0 ? "" : ", ").append(t.value);
		return sb.toString();
	}

	@Override
	public String toString() {
		return value;
	}
}
