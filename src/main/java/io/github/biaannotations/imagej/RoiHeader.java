package io.github.biaannotations.imagej;

/**
 * Checks the sizes an ImageJ {@code .roi} header announces against the bytes that are actually there, before
 * ImageJ's {@code RoiDecoder} allocates arrays of those sizes. ImageJ trusts them (and its own checks overflow
 * for large values), so a 200-byte file could ask for gigabytes and end the program with an OutOfMemoryError;
 * found by fuzzing ({@code RoiFilesFuzzTest}). Offsets are those of ImageJ's RoiDecoder/RoiEncoder.
 */
final class RoiHeader {

	private static final int HEADER_SIZE = 64;
	private static final int VERSION = 4, TYPE = 6, N_COORDINATES = 16, SIZE = 18, SHAPE_ROI_SIZE = 36;
	private static final int SUBTYPE = 48, OPTIONS = 50, HEADER2_OFFSET = 60;
	private static final int NAME_OFFSET = 16, NAME_LENGTH = 20, IMAGE_SIZE = 32, PROPS_OFFSET = 40,
		PROPS_LENGTH = 44, COUNTERS_OFFSET = 48;
	private static final int TEXT = 1, IMAGE = 4, SUB_PIXEL_RESOLUTION = 128;
	/** ROI types whose coordinates follow the header: polygon, freeline, polyline, freehand, traced, angle, point. */
	private static final int POLYGON = 0, FREELINE = 4, POLYLINE = 5, FREEHAND = 7, TRACED = 8, ANGLE = 9,
		POINT = 10;

	private RoiHeader() {}

	/**
	 * @param where names the input in the message
	 * @throws RoiFileException when a size or offset in the header points beyond the data
	 */
	static void check(final byte[] b, final String where) {
		final long size = b.length;
		final int version = u16(b, VERSION);
		final int type = b[TYPE] & 0xff;
		final int subtype = u16(b, SUBTYPE);
		final int options = u16(b, OPTIONS);
		final long shapeSize = i32(b, SHAPE_ROI_SIZE);
		if (shapeSize > 0) need(where, "composite shape of " + shapeSize + " numbers", HEADER_SIZE + 4 * shapeSize,
			size);
		else if (isPolygonal(type)) {
			long n = u16(b, N_COORDINATES);
			if (n == 0) n = i32(b, SIZE);
			if (n < 0) throw damaged(where, "negative number of coordinates " + n);
			final boolean subPixel = (options & SUB_PIXEL_RESOLUTION) != 0 && version >= 222;
			need(where, n + " coordinates", HEADER_SIZE + 4 * n + (subPixel ? 8 * n : 0), size);
		}
		final long h2 = i32(b, HEADER2_OFFSET);
		if (h2 == 0) {
			if (subtype == TEXT) text(b, where);
			return;
		}
		// ImageJ reads the fields of a second header that is cut short as far as they go (found by fuzzing: a
		// header of 40 bytes still gave a name length), so every field present is checked
		if (h2 < 0 || h2 >= size) throw damaged(where, "second header at " + h2 + " is outside the " + size +
			" bytes");
		chars(b, where, "name", i32(b, (int) h2 + NAME_OFFSET), i32(b, (int) h2 + NAME_LENGTH));
		chars(b, where, "properties", i32(b, (int) h2 + PROPS_OFFSET), i32(b, (int) h2 + PROPS_LENGTH));
		final long counters = i32(b, (int) h2 + COUNTERS_OFFSET);
		// ImageJ reads point counters for every ROI type of version 227 on, with an int overflow in its own
		// bounds check (found by fuzzing: an oval announcing 2^30 coordinates)
		if (counters != 0) {
			long n = u16(b, N_COORDINATES);
			if (n == 0) n = i32(b, SIZE);
			if (counters < 0) throw damaged(where, "point counters at offset " + counters);
			need(where, "point counters", counters + 4 * Math.max(0, n), size);
		}
		if (subtype == TEXT) text(b, where);
		if (subtype == IMAGE) {
			final long imageSize = i32(b, (int) h2 + IMAGE_SIZE);
			if (imageSize < 0) throw damaged(where, "negative image size " + imageSize);
			need(where, "an image of " + imageSize + " bytes", HEADER_SIZE + imageSize, size);
		}
	}

	private static boolean isPolygonal(final int type) {
		return type == POLYGON || type == FREELINE || type == POLYLINE || type == FREEHAND || type == TRACED ||
			type == ANGLE || type == POINT;
	}

	private static void text(final byte[] b, final String where) {
		if (b.length < HEADER_SIZE + 16) throw damaged(where, "text ROI without its text header");
		final long font = i32(b, HEADER_SIZE + 8), text = i32(b, HEADER_SIZE + 12);
		if (font < 0 || text < 0) throw damaged(where, "negative text length");
		need(where, "text of " + text + " and font name of " + font + " characters", HEADER_SIZE + 16 + 2 * (font +
			text), b.length);
	}

	private static void chars(final byte[] b, final String where, final String what, final long offset,
		final long length)
	{
		if (offset == 0 || length == 0) return;
		if (offset < 0 || length < 0) throw damaged(where, what + " at offset " + offset + ", length " + length);
		need(where, what + " of " + length + " characters", offset + 2 * length, b.length);
	}

	private static void need(final String where, final String what, final long end, final long size) {
		if (end > size) throw damaged(where, what + " would need " + end + " bytes, the ROI has " + size);
	}

	private static RoiFileException damaged(final String where, final String detail) {
		return new RoiFileException(where, "damaged ROI (" + detail + ")");
	}

	private static int u16(final byte[] b, final int at) {
		return at + 2 > b.length ? 0 : ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
	}

	private static int i32(final byte[] b, final int at) {
		return at < 0 || at + 4 > b.length ? 0 : ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) |
			((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
	}
}
