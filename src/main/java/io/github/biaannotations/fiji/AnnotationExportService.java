package io.github.biaannotations.fiji;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.service.SciJavaService;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.biaannotations.batch.BatchReport;
import io.github.biaannotations.batch.BatchRequest;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.ExportSummary;
import io.github.biaannotations.model.LabelImage;

/**
 * Export of annotations for scripts: {@code #@ AnnotationExportService exporter} in a Groovy, Jython or other
 * SciJava script. Every method reports progress on Fiji's status bar and warnings to the log, and throws an
 * exception naming the file or field at fault when it cannot do its job.
 */
public interface AnnotationExportService extends SciJavaService {

	/**
	 * Exports an open image with the ROIs Fiji has for it (ROI Manager, else overlay).
	 *
	 * @param out the package folder to write (created; must be absent or empty)
	 * @param metadata MIFA metadata (folder of the archive's templates or one YAML file); null for annotation
	 *          files only
	 */
	ExportSummary exportImage(ImagePlus image, File out, File metadata) throws IOException;

	/**
	 * As {@link #exportImage(ImagePlus, File, File)} with the options of the command line and the Export
	 * Annotations... dialog ({@code ExportOptions.builder().format("coco").includeImage(true).build()}).
	 */
	ExportSummary exportImage(ImagePlus image, File out, File metadata, ExportOptions options) throws IOException;

	/**
	 * Exports an open image with its ROIs (ROI Manager, else overlay) and label images as imglib2 rasters, such as
	 * the {@code Img} of an integer type that Labkit, StarDist's or CLIJ's ImageJ2 commands give:
	 * {@code LabelImage.of("nuclei", img, "xyz", null)} (a null calibration takes the image's).
	 */
	ExportSummary exportImage(ImagePlus image, List<LabelImage> labels, File out, File metadata, ExportOptions options)
		throws IOException;

	/**
	 * Exports an image file with a ROI file ({@code .roi}, {@code RoiSet.zip}, TIFF with overlay) and/or a
	 * label image file; either may be null (without both, the image's own overlay is exported).
	 */
	ExportSummary exportFiles(File image, File rois, File labels, File out, File metadata) throws IOException;

	/** As {@link #exportFiles(File, File, File, File, File)} with the export options. */
	ExportSummary exportFiles(File image, File rois, File labels, File out, File metadata, ExportOptions options)
		throws IOException;

	/** Runs a request built in full ({@link ExportRequest#to}): several images, label images in memory. */
	ExportSummary export(ExportRequest request) throws IOException;

	/** A whole folder as one package, pairing images with their ROI sets and labels by name, with the same options. */
	BatchReport batch(BatchRequest request) throws IOException;

	/** Reads GeoJSON (ours or QuPath's) as ImageJ ROIs; {@code image} (may be null) maps planes to positions. */
	List<Roi> importGeoJson(File geojson, ImagePlus image) throws IOException;

	/** The ROIs Fiji has for an image: the ROI Manager's when it holds any, else the overlay's. */
	List<Roi> roisOf(ImagePlus image);

	/** Warnings of the last call (also sent to the log), for scripts that check them. */
	List<String> lastWarnings();
}
