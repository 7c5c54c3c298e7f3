package io.github.biaannotations.imagej;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.io.Opener;

/** Opens images with ImageJ 1.x; TIFFs virtually, so that only what is asked for is read from disk. */
public final class ImageFiles {

	private ImageFiles() {}

	/**
	 * @throws NoSuchFileException if there is no such file
	 * @throws IOException naming the file if ImageJ cannot open it
	 */
	public static ImagePlus open(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such image");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		ImagePlus imp = null;
		try {
			if (name.endsWith(".tif") || name.endsWith(".tiff")) imp = IJ.openVirtual(file.toString());
			if (imp == null) imp = new Opener().openImage(file.toString());
		} catch (final RuntimeException e) {
			throw new IOException(file + ": ImageJ cannot open this image (" + e + ")", e);
		}
		if (imp == null) throw new IOException(file + ": ImageJ cannot open this image (unsupported or damaged)");
		return imp;
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
