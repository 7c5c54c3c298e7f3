package io.github.biaannotations.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An image or label image the export cannot use (a label image of another size, of RGB or fractional values, an
 * image without anything to export): {@link #image()} names it.
 */
public class ImageException extends InputException {

	private static final long serialVersionUID = 1L;

	private final String image;

	/**
	 * @param image the image or label image as the message names it
	 * @param file its file, or null
	 */
	public ImageException(final String message, final String image, final Path file) {
		super(message, file, null, null, null);
		this.image = image;
	}

	/** The image or label image at fault. */
	public Optional<String> image() {
		return Optional.ofNullable(image);
	}
}
