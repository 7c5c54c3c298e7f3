package io.github.biaannotations.model;

/**
 * What the caller knows about one label value: a name, a class (or ROI group) and a colour, each optional.
 * Written into {@code image-label} {@code properties} and {@code colors}.
 */
public final class LabelInfo {

	private final String name;
	private final String className;
	private final Rgb colour;

	/** Any argument may be {@code null}. */
	public LabelInfo(final String name, final String className, final Rgb colour) {
		this.name = name;
		this.className = className;
		this.colour = colour;
	}

	public String name() {
		return name;
	}

	public String className() {
		return className;
	}

	public Rgb colour() {
		return colour;
	}
}
