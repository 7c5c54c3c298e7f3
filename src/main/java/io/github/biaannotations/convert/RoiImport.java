package io.github.biaannotations.convert;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.geojson.GeoJsonReader;
import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.imagej.RoiImporter;
import io.github.biaannotations.imagej.RoiSetWriter;
import io.github.biaannotations.model.Annotation;

/** GeoJSON (ours or QuPath's) &rarr; a {@code RoiSet.zip} for ImageJ's ROI Manager. */
public final class RoiImport {

	private RoiImport() {}

	/** Reads GeoJSON into ROIs; the image (may be null) maps planes to stack positions. */
	public static List<Roi> read(final Path geojson, final ImagePlus image) throws IOException {
		final List<Annotation> annotations = new ArrayList<>();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(geojson))) {
			new GeoJsonReader().read(in, geojson.toString(), annotations::add);
		}
		if (annotations.isEmpty()) throw new IllegalArgumentException(geojson + ": contains no features");
		try {
			return new RoiImporter(image).toRois(annotations);
		} catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(geojson + ": " + e.getMessage(), e);
		}
	}

	/**
	 * @param image the image the ROIs belong to (may be null)
	 * @return the number of ROIs written
	 */
	public static int toRoiSet(final Path geojson, final Path image, final Path zip) throws IOException {
		final ImagePlus imp = image == null ? null : ImageFiles.open(image);
		final List<Roi> rois = read(geojson, imp);
		RoiSetWriter.write(rois, zip);
		return rois.size();
	}
}
