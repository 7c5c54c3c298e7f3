package io.github.biaannotations.fiji.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.module.MutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.prefs.PrefService;
import org.scijava.ui.UIService;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;

import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.ExportSummary;
import io.github.biaannotations.export.OptionSyntax;
import io.github.biaannotations.fiji.AnnotationExportService;
import io.github.biaannotations.fiji.macro.MacroRecording;
import io.github.biaannotations.fiji.metadata.MetadataDefaults;
import io.github.biaannotations.fiji.metadata.MetadataDialog;
import io.github.biaannotations.fiji.metadata.MetadataMemory;
import io.github.biaannotations.formats.AnnotationFormat;
import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.imagej.ImageFiles;
import io.github.biaannotations.imagej.ImageRois;
import io.github.biaannotations.metadata.MifaMetadata;

/**
 * Plugins &gt; BioImage Archive &gt; Export Annotations...: the current image (or an image file), its ROIs (a ROI
 * file, else the ROI Manager, else the overlay) and optional label image, with MIFA metadata from a file or
 * the metadata dialog, into a package folder. Every parameter is a plain value, so the macro recorder records
 * one line, e.g. {@code run("Export Annotations...", "output=/data/pkg metadata=/data/mifa coco=true");}
 * Metadata entered in the dialog is saved beside the package ({@code <output>-metadata.yaml}) and recorded as
 * the metadata file, so that the recorded line replays without a dialog.
 */
@Plugin(type = Command.class, menuPath = "Plugins>BioImage Archive>Export Annotations...", initializer = "init")
public final class ExportAnnotationsCommand extends DynamicCommand {

	/** The "Label image from ROIs" choice that makes none. */
	public static final String NO_LABELS_FROM_ROIS = "none";

	/** The label image choice meaning none. */
	public static final String NO_LABELS = "None";

	@Parameter(label = "Image file", required = false, persist = false,
		description = "The annotated image. Leave blank to export the current image.")
	private File image;

	@Parameter(label = "ROI file", required = false, persist = false,
		description = "A .roi, RoiSet.zip or TIFF with an overlay. Leave blank to take the ROI Manager's ROIs, " +
			"else the image's overlay.")
	private File rois;

	@Parameter(label = "Label image", required = false, persist = false, choices = { NO_LABELS },
		description = "An open label image (by title) or a label image file; its labels are written as outlines.")
	private String labels = NO_LABELS;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE,
		description = "The package folder to create (must be absent or empty unless replacing).")
	private File output;

	@Parameter(label = "Metadata file (YAML)", required = false, persist = false,
		description = "MIFA metadata: the archive's templates (a folder with Study.yaml, Annotations.yaml, " +
			"Version.yaml) or one YAML file. Leave blank to fill in the metadata dialog; headless runs without " +
			"it write the annotation files only.")
	private File metadata;

	// one checkbox per format written on request, named by its macro key; label and help come from the format
	@Parameter(label = "Also COCO JSON", persist = false)
	private boolean coco;

	@Parameter(label = "Also points CSV", persist = false)
	private boolean points_csv;

	@Parameter(label = "Label outlines as GeoJSON", persist = false,
		description = "Also write each label image's labels as polygons (GeoJSON), besides the OME-Zarr.")
	private boolean label_outlines;

	@Parameter(label = "Label image from ROIs", choices = { NO_LABELS_FROM_ROIS, "instance", "semantic" }, persist = false,
		description = "Also make a label image from the ROIs: one value per ROI (instance) or per group (semantic).")
	private String labels_from_rois = NO_LABELS_FROM_ROIS;

	@Parameter(label = "Include the image (OME-Zarr)", persist = false,
		description = "Put the image in the package as OME-Zarr; each label image names it as its source.")
	private boolean include_image;

	@Parameter(label = "OME-Zarr version", choices = { "0.5", "0.4" }, persist = false,
		description = "OME-NGFF 0.5 (Zarr v3) or 0.4 (Zarr v2).")
	private String zarr_version = "0.5";

	@Parameter(label = "OME-Zarr compression", persist = false,
		description = "Codec of the OME-Zarr arrays: zstd (default), zstd:LEVEL, blosc, blosc:lz4:5, none.")
	private String compression = "zstd";

	@Parameter(label = "Chunks per shard (0: none)", persist = false, min = "0",
		description = "Zarr v3 sharding (OME-Zarr 0.5 only): this many chunks per shard along each axis, so far " +
			"fewer files to upload.")
	private int shard;

	@Parameter(label = "Release date (YYYY-MM-DD)", required = false, persist = false,
		description = "When the archive may publish the study; blank for today.")
	private String release_date = "";

	@Parameter(label = "Draft (metadata may be incomplete)", persist = false,
		description = "Write the package even when required metadata is missing; it cannot be submitted as it is.")
	private boolean draft;

	@Parameter(label = "Replace an existing output folder", persist = false,
		description = "Replace an earlier package in the output folder once the new one is complete (never a " +
			"folder that is not a package, or one holding the inputs).")
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT, label = "Export summary")
	private String summary;

	@Parameter
	private AnnotationExportService exporter;

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	@Parameter(required = false)
	private PrefService prefs;

	@Parameter(required = false)
	private CommandService commands;

	/** Offers the open images as label images; labels the format checkboxes from the formats. */
	protected void init() {
		for (final AnnotationFormat f : AnnotationFormats.optional()) {
			final MutableModuleItem<?> box = (MutableModuleItem<?>) getInfo().getInput(f.macroKey());
			box.setLabel("Also " + f.title());
			box.setDescription(f.description());
		}
		final List<String> choices = new ArrayList<>();
		choices.add(NO_LABELS);
		final String[] titles = WindowManager.getImageTitles();
		if (titles != null) for (final String t : titles)
			choices.add(t);
		final MutableModuleItem<String> item = getInfo().getMutableInput("labels", String.class);
		item.setChoices(choices);
	}

	@Override
	public void run() {
		final CommandFeedback feedback = new CommandFeedback(log, ui);
		try {
			final ImagePlus imp = image != null ? ImageFiles.open(image.toPath()) : currentImage();
			final String sourceName = image != null ? image.getName() : ImageRois.sourceName(imp);
			final List<Roi> roiList = rois != null ? List.of() : ImageRois.forExport(imp);
			final List<ImagePlus> labelImages = new ArrayList<>();
			final List<Path> labelFiles = new ArrayList<>();
			labelSource(labelImages, labelFiles);
			if (rois != null && !labelImages.isEmpty()) throw new IllegalArgumentException("labels=" + labels +
				": an open label image goes with the ROIs in Fiji, not with a ROI file; give the label image as a file");
			// without a ROI file, the ROIs counted in the dialog's preview (ROI Manager, else overlay) are exported,
			// with label images given open or as files
			final AnnotatedImage source = rois != null ? filesSource(imp, sourceName, labelFiles)
				: AnnotatedImage.ofImage(imp, sourceName, roiList, labelImages, labelFiles);
			final ExportOptions options = options();
			final ExportRequest request = ExportRequest.to(output.toPath()).image(source).options(options);
			final Optional<MifaMetadata> m = metadata(feedback, imp, sourceName, roiList, labelImages.size() +
				labelFiles.size(), options.formatsWritten().size());
			if (m == null) {
				cancel(null); // the user cancelled the dialog: not an error
				return;
			}
			m.ifPresent(request::metadata);
			final ExportSummary s = exporter.export(request);
			summary = describe(s, m.isPresent() || draft);
			if (log != null) log.info("Export Annotations: " + summary + "\nAs a macro line: " + MacroRecording.line(this));
			if (feedback.confirm("Export Annotations", summary + "\n\nPush this package to the archive now?") &&
				commands != null) commands.run(PushToArchiveCommand.class, true, "folder", s.out().toFile());
		}
		catch (final IOException | RuntimeException e) {
			cancel(feedback.error("Export Annotations", e));
		}
	}

	private static ImagePlus currentImage() {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) throw new IllegalArgumentException("no image: open the annotated image or give its file " +
			"(image=[path])");
		return imp;
	}

	/** The label image: an open image by title, else a file path. */
	private void labelSource(final List<ImagePlus> images, final List<Path> files) {
		if (labels == null || labels.trim().isEmpty() || NO_LABELS.equals(labels)) return;
		final ImagePlus open = WindowManager.getImage(labels);
		if (open != null) images.add(open);
		else if (new File(labels).isFile()) files.add(new File(labels).toPath());
		else throw new IllegalArgumentException("labels=" + labels + ": no open image has this title and no such " +
			"file exists");
	}

	/** A ROI file goes through the file source, with the label files; the image is still the one given. */
	private AnnotatedImage filesSource(final ImagePlus imp, final String sourceName, final List<Path> labelFiles) {
		if (image == null) throw new IllegalArgumentException("a ROI file needs the image as a file too: give " +
			"image=[path] (the current image '" + imp.getTitle() + "' may be unsaved)");
		return AnnotatedImage.ofFiles(image.toPath(), rois == null ? List.of() : List.of(rois.toPath()), labelFiles);
	}

	/** The metadata (see {@link ExportMetadata}); null when the user cancelled the dialog. */
	private Optional<MifaMetadata> metadata(final CommandFeedback feedback, final ImagePlus imp,
		final String sourceName, final List<Roi> roiList, final int labelCount, final int formats) throws IOException
	{
		final ExportMetadata m = ExportMetadata.resolve(metadata, feedback.interactive(), () -> MetadataDialog.edit(null,
			MetadataDefaults.fromImage(new MifaMetadata(), imp.getTitle(), sourceName), ExportPreview.of(sourceName,
				roiList, labelCount, formats), new MetadataMemory(prefs)), output);
		if (m == null) return null;
		metadata = m.file; // recorded by the macro recorder, so the line replays without the dialog
		if (!m.metadata.isPresent() && log != null && !draft) log.info("Export Annotations: no metadata file " +
			"given; writing the annotation files only (give metadata=[file] for a submission package)");
		return m.metadata;
	}

	/** The export options of the parameters, each parsed as the command line's are, named by its macro key. */
	private ExportOptions options() {
		final ExportOptions.Builder b = ExportOptions.builder(OptionSyntax.MACRO).overwrite(overwrite).draft(draft)
			.roisFromLabels(label_outlines).includeImage(include_image).ngffVersion(zarr_version).compression(
				compression).shardFactor(shard);
		if (labels_from_rois != null) b.labelsFromRois(labels_from_rois); // "none" makes none
		for (final AnnotationFormat f : AnnotationFormats.optional())
			if (Boolean.TRUE.equals(getInput(f.macroKey()))) b.format(f);
		// an empty field is a date not given: the default, today
		if (release_date != null && !release_date.trim().isEmpty()) b.releaseDate(release_date);
		return b.build();
	}

	private static String describe(final ExportSummary s, final boolean withMetadata) {
		return "Exported " + s + (withMetadata ? " as a submission package" : " (annotation files only)") + "; " +
			s.files().size() + " files, " + s.warnings() + " warnings";
	}
}
