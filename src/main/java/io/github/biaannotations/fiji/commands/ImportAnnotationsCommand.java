package io.github.biaannotations.fiji.commands;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;

import io.github.biaannotations.fiji.AnnotationExportService;
import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.imagej.ImageRois;
import io.github.biaannotations.imagej.RoiSetWriter;
import io.github.biaannotations.importing.LabelImageImport;

/**
 * Plugins &gt; BioImage Archive &gt; Import Annotations...: GeoJSON (ours or QuPath's) into the ROI Manager, or
 * into the image's overlay (always so when headless), optionally saved as a RoiSet.zip.
 */
@Plugin(type = Command.class, menuPath = "Plugins>BioImage Archive>Import Annotations...")
public final class ImportAnnotationsCommand extends FeedbackCommand {

	public static final String ROI_MANAGER = "ROI Manager";
	public static final String OVERLAY = "Overlay";

	@Parameter(label = "Annotations (GeoJSON or OME-Zarr labels)", persist = false,
		description = "A .geojson or .json file, or an .ome.zarr folder holding a label image.")
	private File input;

	@Parameter(label = "Label image name (OME-Zarr)", required = false, persist = false,
		description = "Which labels/<name> of an image's OME-Zarr; blank when there is only one.")
	private String label_name;

	@Parameter(type = ItemIO.OUTPUT, label = "Label image", required = false)
	private ImagePlus labels;

	@Parameter(label = "Image file", required = false, persist = false,
		description = "The image the annotations belong to; blank for the current image (if any).")
	private File image;

	@Parameter(label = "Put ROIs into", choices = { ROI_MANAGER, OVERLAY })
	private String destination = ROI_MANAGER;

	@Parameter(label = "Also save as RoiSet.zip", required = false, persist = false)
	private File roiset;

	@Parameter(type = ItemIO.OUTPUT, label = "Import summary")
	private String summary;

	@Parameter
	private AnnotationExportService exporter;

	@Override
	public void run() {
		final CommandFeedback feedback = feedback();
		try {
			final String name = input.getName().toLowerCase(Locale.ROOT);
			if (name.endsWith(".zarr") || input.isDirectory()) {
				labels = LabelImageImport.read(input.toPath(), label_name);
				summary = "Imported label image " + labels.getTitle() + " (" + labels.getWidth() + "x" + labels.getHeight() +
					", " + labels.getStackSize() + " planes) from " + input.getName();
				if (log != null) log.info("Import Annotations: " + summary);
				return;
			}
			final ImagePlus imp = image != null ? ImageFiles.open(image.toPath()) : WindowManager.getCurrentImage();
			final List<Roi> rois = exporter.importGeoJson(input, imp);
			if (roiset != null) RoiSetWriter.write(rois, roiset.toPath());
			// with no image, saving the RoiSet.zip is all there is to do
			final boolean nowhere = imp == null && roiset != null;
			final ImageRois.Place place = nowhere ? ImageRois.Place.NONE : ImageRois.show(rois, imp, ROI_MANAGER.equals(
				destination));
			summary = "Imported " + rois.size() + " ROIs from " + input.getName() + (nowhere ? "" : " into the " + place) +
				(imp == null ? "" : " of " + imp.getTitle()) + (roiset == null ? "" : "; saved as " + roiset);
			if (log != null) log.info("Import Annotations: " + summary);
			if (place != ImageRois.Place.ROI_MANAGER && ROI_MANAGER.equals(destination) && log != null)
				log.info("Import Annotations: no display, so the ROIs went to the overlay");
		}
		catch (final IOException | RuntimeException e) {
			cancel(feedback.error("Import Annotations", e));
		}
	}
}
