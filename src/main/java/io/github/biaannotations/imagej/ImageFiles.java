package io.github.biaannotations.imagej;

import java.awt.HeadlessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.Opener;

import io.github.biaannotations.model.Errors;

/** Opens images with ImageJ 1.x; TIFFs virtually, so that only what is asked for is read from disk. */
public final class ImageFiles {

	/** Pixel types stored in whole bytes, whose uncompressed size follows from the image's dimensions. */
	private static final java.util.Set<Integer> WHOLE_BYTE_TYPES = java.util.Set.of(FileInfo.GRAY8, FileInfo.COLOR8,
		FileInfo.GRAY16_SIGNED, FileInfo.GRAY16_UNSIGNED, FileInfo.GRAY32_INT, FileInfo.GRAY32_UNSIGNED,
		FileInfo.GRAY32_FLOAT, FileInfo.RGB, FileInfo.RGB48);

	private ImageFiles() {}

	/**
	 * @throws NoSuchFileException if there is no such file
	 * @throws IOException naming the file if ImageJ cannot open it
	 */
	public static ImagePlus open(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such image");
		if (Files.size(file) == 0) throw new IOException(file + ": the file is empty");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final boolean tiff = name.endsWith(".tif") || name.endsWith(".tiff");
		if (tiff) checkComplete(file);
		ImagePlus imp = null;
		try {
			if (tiff) imp = IJ.openVirtual(file.toString());
			if (imp == null) imp = new Opener().openImage(file.toString());
		} catch (final HeadlessException e) {
			imp = null; // ImageJ wanted to ask what kind of file it is: it does not know
		} catch (final RuntimeException e) {
			throw new IOException(file + ": ImageJ cannot open this image (" + Errors.oneLine(e) + ")", e);
		}
		if (imp == null) throw new IOException(file + ": ImageJ cannot open this image (unsupported or damaged)");
		return imp;
	}

	/**
	 * Refuses a TIFF shorter than the image data its header describes (an interrupted copy or download), which
	 * ImageJ would read with the missing pixels as zeros.
	 */
	private static void checkComplete(final Path file) throws IOException {
		final FileInfo[] infos = Opener.getTiffFileInfo(file.toString());
		if (infos == null) return; // not a TIFF ImageJ reads: opening says so
		long end = 0;
		for (final FileInfo fi : infos) {
			if (fi.stripOffsets != null && fi.stripLengths != null && fi.stripOffsets.length == fi.stripLengths.length &&
				fi.stripOffsets.length > 0)
			{
				for (int i = 0; i < fi.stripOffsets.length; i++)
					end = Math.max(end, Integer.toUnsignedLong(fi.stripOffsets[i]) + Integer.toUnsignedLong(
						fi.stripLengths[i]));
			}
			if ((fi.compression == FileInfo.COMPRESSION_NONE || fi.compression == FileInfo.COMPRESSION_UNKNOWN) &&
				WHOLE_BYTE_TYPES.contains(fi.fileType))
			{
				final long image = (long) fi.width * fi.height * fi.getBytesPerPixel();
				final long n = Math.max(1, fi.nImages);
				end = Math.max(end, fi.getOffset() + n * image + (n - 1) * fi.getGap());
			}
		}
		final long size = Files.size(file);
		if (end > size) throw new IOException(file + ": truncated: the file has " + size + " bytes, its image " +
			"data needs " + end + " (an interrupted copy or download?)");
	}

	/** The image's file name without its extension, the base name of everything exported for it. */
	public static String baseName(final Path file) {
		final String n = file.getFileName().toString();
		final String lower = n.toLowerCase(Locale.ROOT);
		for (final String ext : new String[] { ".ome.tiff", ".ome.tif", ".tiff", ".tif", ".png", ".jpg", ".jpeg", ".zip" })
			if (lower.endsWith(ext) && n.length() > ext.length()) return n.substring(0, n.length() - ext.length());
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
