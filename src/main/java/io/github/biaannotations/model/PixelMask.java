package io.github.biaannotations.model;

/**
 * The pixels an area annotation covers: a box in image pixel coordinates and a row-major mask of it
 * (non-zero = covered), such as ImageJ's {@code Roi.getMask()} within {@code Roi.getBounds()}. A mask without
 * pixels covers its whole box. The box may reach beyond the image; COCO gets only the part inside.
 */
public final class PixelMask {

	private final int x;
	private final int y;
	private final int width;
	private final int height;
	private final byte[] pixels;

	/**
	 * @param pixels {@code width * height} values, row by row; null when every pixel of the box is covered
	 * @throws IllegalArgumentException when the size is negative or does not match the pixels
	 */
	public PixelMask(final int x, final int y, final int width, final int height, final byte[] pixels) {
		if (width < 0 || height < 0 || pixels != null && pixels.length != (long) width * height)
			throw new IllegalArgumentException("mask of " + width + " x " + height + " pixels has " +
				(pixels == null ? "none" : Integer.toString(pixels.length)));
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
		this.pixels = pixels;
	}

	/** Left edge of the box, in image pixels. */
	public int x() { return x; }
	/** Top edge of the box, in image pixels. */
	public int y() { return y; }
	public int width() { return width; }
	public int height() { return height; }

	/** Whether the pixel at {@code (px, py)} of the image is covered. */
	public boolean covers(final int px, final int py) {
		final int i = px - x, j = py - y;
		if (i < 0 || j < 0 || i >= width || j >= height) return false;
		return pixels == null || pixels[j * width + i] != 0;
	}
}
