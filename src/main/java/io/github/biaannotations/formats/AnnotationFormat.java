package io.github.biaannotations.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * One annotation format export can write: its name and file suffix, what it can hold, and its writer. A new
 * format is one class implementing this, listed in {@link AnnotationFormats}: the command line's
 * {@code --format}, Fiji's checkboxes and the file list rows follow from it.
 */
public interface AnnotationFormat {

	/** What a format can hold. */
	enum Holds {
		AREAS("areas"), LINES("lines"), POINTS("points");

		private final String text;

		Holds(final String text) {
			this.text = text;
		}

		@Override
		public String toString() {
			return text;
		}
	}

	/** The name users type ({@code --format coco}). */
	String name();

	/** Other names users may type for it. */
	default List<String> aliases() {
		return List.of();
	}

	/** The format as people call it, for checkboxes and messages: "COCO JSON". */
	String title();

	/** What its files hold, in a sentence for help texts: "The point ROIs as a CSV table." */
	String description();

	/** Fiji's key for its checkbox, as a macro line records it ({@code coco=true}). */
	String macroKey();

	/** The file name suffix, {@code .coco.json}. */
	String suffix();

	/** What it can hold; annotations of other kinds are left out of its files. */
	Set<Holds> holds();

	/** Whether every export writes it, asked for or not (GeoJSON). */
	default boolean always() {
		return false;
	}

	/**
	 * Whether label images are written in this format too, as their labels' outlines (one annotation per label
	 * per plane).
	 *
	 * @param outlinesAsked whether the user asked for label outlines as ROIs ({@code --rois-from-labels})
	 */
	default boolean writesLabelImages(final boolean outlinesAsked) {
		return holds().contains(Holds.AREAS);
	}

	/** The file of an image's ROIs: {@code <base><suffix>}. */
	default String fileName(final String base) {
		return base + suffix();
	}

	/**
	 * The file of a label image's outlines.
	 *
	 * @param label the label image's name in the package
	 * @param channel {@code ""}, or {@code _c1}, {@code _c2} ... for a label image of several channels
	 * @param base the image's base name, which the file of its ROIs has
	 */
	default String labelFileName(final String label, final String channel, final String base) {
		return label + channel + suffix();
	}

	/**
	 * Opens a writer of one file.
	 *
	 * @param imageName the image's file name, for formats that name it
	 * @param width width of the image, in pixels
	 * @param height height of the image, in pixels
	 */
	FormatWriter open(OutputStream out, String imageName, int width, int height) throws IOException;
}
