package io.github.biaannotations.importing;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;

import io.github.biaannotations.imagej.LabelImages;
import io.github.biaannotations.model.AtomicFiles;
import io.github.biaannotations.ngff.OmeZarrLabelReader;

/** Our OME-Zarr label images back to an ImageJ label image (TIFF), with calibration and label colours. */
public final class LabelImageImport {

	private LabelImageImport() {}

	/** Reads a label image: the root itself, the only one under labels/, or {@code labels/<name>}. */
	public static ImagePlus read(final Path zarr, final String name) throws IOException {
		// a blank name (an empty dialog field or --label "") means "not given", as null does
		return LabelImages.toImagePlus(OmeZarrLabelReader.read(zarr, name == null || name.isBlank() ? null : name
			.trim()));
	}

	/** Writes the label image as a TIFF, atomically (the file appears only when complete). */
	public static ImagePlus toTiff(final Path zarr, final String name, final Path tiff) throws IOException {
		final ImagePlus imp = read(zarr, name);
		AtomicFiles.write(tiff, tmp -> {
			final boolean ok = imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(tmp.toString())
				: new FileSaver(imp).saveAsTiff(tmp.toString());
			if (!ok) throw new IOException(tiff + ": could not be written");
		});
		return imp;
	}
}
