package io.github.biaannotations.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.geojson.GeoJsonReader;
import io.github.biaannotations.imagej.AnnotationsToRois;
import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.imagej.RoiSetWriter;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.InputException;
import io.github.biaannotations.model.RoiException;

/**
 * GeoJSON (ours or QuPath's) &rarr; a {@code RoiSet.zip} for ImageJ's ROI Manager. What a file holds that ImageJ
 * ROIs cannot keep (cell nuclei, child objects, ...) is reported once per file.
 */
public final class GeoJsonImport {

	private GeoJsonImport() {}

	/**
	 * Reads GeoJSON into ROIs; the image (may be null) maps planes to stack positions. What is not kept goes to
	 * ImageJ's log.
	 */
	public static List<Roi> read(final Path geojson, final ImagePlus image) throws IOException {
		return read(geojson, image, IJ::log);
	}

	/**
	 * Reads GeoJSON into ROIs; the image (may be null) maps planes to stack positions.
	 *
	 * @param warnings receives, once per file for each kind, what the file holds that the ROIs cannot keep
	 */
	public static List<Roi> read(final Path geojson, final ImagePlus image, final Consumer<String> warnings)
		throws IOException
	{
		final List<Annotation> annotations = new ArrayList<>();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(geojson))) {
			new GeoJsonReader().read(in, geojson.toString(), annotations::add, warnings);
		}
		if (annotations.isEmpty()) throw new InputException(geojson + ": contains no features", geojson, null, null, null);
		try {
			return new AnnotationsToRois(image, w -> warnings.accept(geojson + ": " + w)).toRois(annotations);
		} catch (final IllegalArgumentException e) {
			throw new RoiException(geojson + ": " + e.getMessage(), geojson, null, e);
		}
	}

	/**
	 * @param image the image the ROIs belong to (may be null)
	 * @return the number of ROIs written
	 */
	public static int toRoiSet(final Path geojson, final Path image, final Path zip) throws IOException {
		return toRoiSet(geojson, image, zip, IJ::log);
	}

	/**
	 * @param image the image the ROIs belong to (may be null)
	 * @param warnings receives, once per file for each kind, what the file holds that the ROIs cannot keep
	 * @return the number of ROIs written
	 */
	public static int toRoiSet(final Path geojson, final Path image, final Path zip, final Consumer<String> warnings)
		throws IOException
	{
		final ImagePlus imp = image == null ? null : ImageFiles.open(image);
		final List<Roi> rois = read(geojson, imp, warnings);
		RoiSetWriter.write(rois, zip);
		return rois.size();
	}
}
