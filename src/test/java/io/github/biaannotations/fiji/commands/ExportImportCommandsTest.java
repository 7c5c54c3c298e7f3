package io.github.biaannotations.fiji.commands;

import static io.github.biaannotations.testutil.FijiCommands.failed;
import static io.github.biaannotations.testutil.FijiCommands.map;
import static io.github.biaannotations.testutil.FijiCommands.succeeded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.fiji.AnnotationExportService;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.testutil.FijiCommands;

/**
 * Export Annotations... and Import Annotations... run headless through the CommandService with the parameter
 * maps a macro gives; ROIs come from the image overlay (no ROI Manager without a display).
 */
class ExportImportCommandsTest {

	@TempDir
	Path tmp;

	private FijiCommands fiji;
	private SampleData.SampleFiles sample;
	private File metadataFile;

	@BeforeEach
	void setUp() throws IOException {
		fiji = new FijiCommands();
		sample = SampleData.standard().write(tmp.resolve("sample"));
		metadataFile = tmp.resolve("study.yaml").toFile();
		Files.write(metadataFile.toPath(), DemoMetadata.create().toCombinedYaml().getBytes(StandardCharsets.UTF_8));
	}

	@AfterEach
	void tearDown() {
		FijiCommands.closeImages();
		fiji.close();
	}

	/** The sample image opened as Fiji would, its ROIs in the overlay, made the current image. */
	private ImagePlus currentImageWithOverlay() throws IOException {
		final ImagePlus imp = IJ.openImage(sample.image.toString());
		final Overlay overlay = new Overlay();
		RoiFiles.read(sample.rois, (roi, origin) -> overlay.add(roi), w -> {});
		imp.setOverlay(overlay);
		FijiCommands.makeCurrent(imp);
		return imp;
	}

	private static int features(final Path geojson) throws IOException {
		final JsonNode n = new ObjectMapper().readTree(geojson.toFile());
		assertEquals("FeatureCollection", n.get("type").asText());
		return n.get("features").size();
	}

	@Test
	void theCurrentImageWithItsOverlayBecomesTheSamePackageAsTheCoreWrites() throws IOException {
		currentImageWithOverlay();
		final Path out = tmp.resolve("pkg");
		final Module m = succeeded(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile(),
			"metadata", metadataFile, "coco", true, "release_date", "2030-01-01")));
		assertTrue(((String) m.getOutput("summary")).contains("submission package"), (String) m.getOutput("summary"));
		final JsonNode pageTab = new ObjectMapper().readTree(out.resolve("submission.json").toFile());
		assertTrue(pageTab.toString().contains("\"2030-01-01\""), "release date from the parameter");
		assertTrue(Files.isRegularFile(out.resolve("annotations/nuclei/nuclei.coco.json")));
		// the same ROIs given as files to the core give the same GeoJSON, byte for byte
		final Path core = tmp.resolve("core");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(core)
			.image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of())));
		assertArrayEquals(Files.readAllBytes(core.resolve("annotations/nuclei/nuclei.geojson")),
			Files.readAllBytes(out.resolve("annotations/nuclei/nuclei.geojson")));
		assertEquals(43, features(out.resolve("annotations/nuclei/nuclei.geojson")),
			"40 nuclei, the points of two counters, a line");
	}

	@Test
	void filesGivenAsParametersNeedNoOpenImage() throws IOException {
		final Path out = tmp.resolve("pkg");
		final Module m = succeeded(fiji.run(ExportAnnotationsCommand.class, map("image", sample.image.toFile(),
			"rois", sample.rois.toFile(), "labels", sample.labels.toString(), "output", out.toFile(), "metadata",
			metadataFile)));
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		assertEquals(3, tsv.size(), String.join("\n", tsv));
		assertTrue(tsv.get(2).startsWith("annotations/nuclei/nuclei_labels.ome.zarr\tsegmentation_mask\t"), tsv.get(2));
		final Path outlines = tmp.resolve("pkg2");
		succeeded(fiji.run(ExportAnnotationsCommand.class, map("image", sample.image.toFile(), "labels",
			sample.labels.toString(), "output", outlines.toFile(), "metadata", metadataFile, "label_outlines", true,
			"zarr_version", "0.4")));
		assertEquals(40, features(outlines.resolve("annotations/nuclei/nuclei_labels_outlines.geojson")));
		assertTrue(Files.exists(outlines.resolve("annotations/nuclei/nuclei_labels.ome.zarr/.zattrs")), "0.4 asked for");
		assertTrue(((String) m.getOutput("summary")).startsWith("Exported 42 ROIs"), (String) m.getOutput("summary"));
		// the command line's OME-Zarr options, as plain recordable parameters
		final Path sharded = tmp.resolve("pkg3");
		succeeded(fiji.run(ExportAnnotationsCommand.class, map("image", sample.image.toFile(), "labels",
			sample.labels.toString(), "output", sharded.toFile(), "compression", "blosc", "shard", 2)));
		final String array = Files.readString(sharded.resolve("annotations/nuclei/nuclei_labels.ome.zarr/0/zarr.json"));
		assertTrue(array.contains("sharding_indexed") && array.contains("blosc"), array);
	}

	@Test
	void anOpenLabelImageIsChosenByItsTitle() throws IOException {
		currentImageWithOverlay();
		final ImagePlus labels = IJ.openImage(sample.labels.toString());
		FijiCommands.makeCurrent(labels);
		FijiCommands.makeCurrent(currentImageWithOverlay());
		final Path out = tmp.resolve("pkg");
		succeeded(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile(), "labels", labels.getTitle())));
		assertEquals(43, features(out.resolve("annotations/nuclei/nuclei.geojson")), "the overlay's ROIs");
		final ImagePlus back = io.github.biaannotations.importing.LabelImageImport.read(
			out.resolve("annotations/nuclei/nuclei_labels.ome.zarr"), null);
		assertTrue(java.util.Arrays.equals((short[]) labels.getProcessor().getPixels(), (short[]) back.getProcessor().getPixels()),
			"the open label image, as OME-Zarr");
	}

	@Test
	void aLabelImageFileGoesWithTheRoisOfTheCurrentImage() throws IOException {
		// the ROIs the dialog's preview counts (here the overlay) are exported with a label image given as a file
		currentImageWithOverlay();
		final Path out = tmp.resolve("pkg");
		final Module m = succeeded(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile(), "labels",
			sample.labels.toString(), "metadata", metadataFile)));
		assertEquals(43, features(out.resolve("annotations/nuclei/nuclei.geojson")), "the overlay's ROIs");
		final ImagePlus back = io.github.biaannotations.importing.LabelImageImport.read(
			out.resolve("annotations/nuclei/nuclei_labels.ome.zarr"), null);
		assertTrue(java.util.Arrays.equals((short[]) IJ.openImage(sample.labels.toString()).getProcessor().getPixels(),
			(short[]) back.getProcessor().getPixels()), "the label image file, as OME-Zarr");
		assertTrue(((String) m.getOutput("summary")).startsWith("Exported 42 ROIs"), (String) m.getOutput("summary"));
	}

	@Test
	void importWithoutAnImageJustSavesTheRoiSet() throws IOException {
		currentImageWithOverlay();
		final Path out = tmp.resolve("pkg");
		succeeded(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile())));
		FijiCommands.closeImages();
		final Path zip = tmp.resolve("only_RoiSet.zip");
		final Module m = succeeded(fiji.run(ImportAnnotationsCommand.class, map("input",
			out.resolve("annotations/nuclei/nuclei.geojson").toFile(), "destination", "Overlay", "roiset", zip.toFile())));
		final int[] n = { 0 };
		RoiFiles.read(zip, (roi, origin) -> n[0]++, w -> {});
		assertEquals(42, n[0]);
		assertEquals("Imported 42 ROIs from nuclei.geojson; saved as " + zip, m.getOutput("summary"));
	}

	@Test
	void headlessWithoutMetadataWritesTheAnnotationFilesOnly() throws IOException {
		currentImageWithOverlay();
		final Path out = tmp.resolve("pkg");
		final Module m = succeeded(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile())));
		assertTrue(Files.isRegularFile(out.resolve("annotations/nuclei/nuclei.geojson")));
		assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
		assertFalse(Files.exists(out.resolve("submission.json")));
		assertTrue(((String) m.getOutput("summary")).contains("annotation files only"));
	}

	@Test
	void theSummaryCountsTheWarningsOfEveryStep() throws IOException {
		// found: a label image without labels was warned of, and the summary then said "0 warnings"
		final Path empty = tmp.resolve("empty_labels.tif");
		new ij.io.FileSaver(new ImagePlus("empty", new ij.process.ShortProcessor(256, 256))).saveAsTiff(empty.toString());
		final Module m = succeeded(fiji.run(ExportAnnotationsCommand.class, map("image", sample.image.toFile(), "labels",
			empty.toString(), "output", tmp.resolve("pkg").toFile(), "points_csv", true)));
		final List<String> warned = fiji.context.service(AnnotationExportService.class).lastWarnings();
		assertEquals(2, warned.size(), "the empty label image and the points CSV it cannot give: " + warned);
		assertTrue(((String) m.getOutput("summary")).endsWith(", 2 warnings"), (String) m.getOutput("summary"));
	}

	@Test
	void noImageSaysHowToGiveOne() {
		final String why = failed(fiji.run(ExportAnnotationsCommand.class, map("output", tmp.resolve("pkg").toFile())));
		assertTrue(why.contains("no image") && why.contains("image=[path]"), why);
		assertFalse(Files.exists(tmp.resolve("pkg")));
	}

	@Test
	void badInputIsNamedAndAnExistingPackageIsKept() throws IOException {
		currentImageWithOverlay();
		final Path broken = tmp.resolve("broken.yaml");
		Files.write(broken, "study:\n  title: [unclosed\n".getBytes(StandardCharsets.UTF_8));
		final Path out = tmp.resolve("pkg");
		Files.createDirectories(out);
		Files.write(out.resolve("keep.txt"), "earlier work".getBytes(StandardCharsets.UTF_8));
		final String why = failed(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile(), "metadata",
			broken.toFile())));
		assertTrue(why.contains("broken.yaml"), why);
		final String exists = failed(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile())));
		assertTrue(exists.contains(out.getFileName().toString()) && exists.contains("not empty"), exists);
		assertEquals("earlier work", new String(Files.readAllBytes(out.resolve("keep.txt")), StandardCharsets.UTF_8));
		final String date = failed(fiji.run(ExportAnnotationsCommand.class, map("output", tmp.resolve("p2").toFile(),
			"release_date", "next spring")));
		assertTrue(date.contains("release_date") && date.contains("next spring"), date);
		final String labels = failed(fiji.run(ExportAnnotationsCommand.class, map("output", tmp.resolve("p3").toFile(),
			"labels", "no-such-image")));
		assertTrue(labels.contains("labels=no-such-image"), labels);
		final String mode = failed(fiji.run(ExportAnnotationsCommand.class, map("output", tmp.resolve("p4").toFile(),
			"labels_from_rois", "semantik")));
		assertTrue(mode.contains("labels_from_rois 'semantik'") && mode.contains("instance or semantic"), mode);
		assertFalse(Files.exists(tmp.resolve("p4")));
		final String codec = failed(fiji.run(ExportAnnotationsCommand.class, map("output", tmp.resolve("p5").toFile(),
			"compression", "zip")));
		assertTrue(codec.startsWith("compression: bad codec \"zip\""), codec);
		final String shard = failed(fiji.run(ExportAnnotationsCommand.class, map("output", tmp.resolve("p6").toFile(),
			"zarr_version", "0.4", "shard", 2)));
		assertEquals("shard 2: sharding needs OME-NGFF 0.5 (Zarr v3), not zarr_version 0.4", shard);
	}

	@Test
	void importPutsGeoJsonIntoTheOverlayAndARoiSet() throws IOException {
		currentImageWithOverlay();
		final Path out = tmp.resolve("pkg");
		succeeded(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile())));
		final ImagePlus fresh = IJ.openImage(sample.image.toString());
		FijiCommands.makeCurrent(fresh);
		final Path zip = tmp.resolve("back_RoiSet.zip");
		final Module m = succeeded(fiji.run(ImportAnnotationsCommand.class, map("input",
			out.resolve("annotations/nuclei/nuclei.geojson").toFile(), "destination", GraphicsEnvironment.isHeadless()
				? ImportAnnotationsCommand.ROI_MANAGER : ImportAnnotationsCommand.OVERLAY, "roiset", zip.toFile())));
		assertNull(System.getProperty("no.roi.manager"));
		final Overlay overlay = fresh.getOverlay();
		assertTrue(overlay != null && overlay.size() == 42, "the ROIs went to the overlay (always so when headless)");
		final int[] n = { 0 };
		RoiFiles.read(zip, (roi, origin) -> n[0]++, w -> {});
		assertEquals(overlay.size(), n[0], "the RoiSet.zip holds the same ROIs");
		final List<String> drawn = new java.util.ArrayList<>();
		RoiFiles.read(sample.rois, (roi, origin) -> drawn.add(roi.getName()), w -> {});
		for (int i = 0; i < 40; i++)
			assertEquals(drawn.get(i), overlay.get(i).getName(), "ROI " + i + " keeps its name and order");
		assertTrue(((String) m.getOutput("summary")).contains("overlay of nuclei.tif"), (String) m.getOutput("summary"));
	}

	@Test
	void importReadsOmeZarrLabelsAndNamesWhatItCannotRead() throws IOException {
		final Path out = tmp.resolve("pkg");
		succeeded(fiji.run(ExportAnnotationsCommand.class, map("image", sample.image.toFile(), "labels",
			sample.labels.toString(), "output", out.toFile(), "metadata", metadataFile)));
		final Module m = succeeded(fiji.run(ImportAnnotationsCommand.class, map("input",
			out.resolve("annotations/nuclei/nuclei_labels.ome.zarr").toFile(), "destination", "Overlay")));
		final ImagePlus labels = (ImagePlus) m.getOutput("labels");
		assertTrue(java.util.Arrays.equals((short[]) IJ.openImage(sample.labels.toString()).getProcessor().getPixels(),
			(short[]) labels.getProcessor().getPixels()), "label pixels as exported");
		final Path zarr = Files.createDirectories(tmp.resolve("labels.ome.zarr"));
		final String why = failed(fiji.run(ImportAnnotationsCommand.class, map("input", zarr.toFile(), "destination",
			"Overlay")));
		assertTrue(why.contains("labels.ome.zarr"), why);
		final Path notJson = tmp.resolve("notes.geojson");
		Files.write(notJson, "hello".getBytes(StandardCharsets.UTF_8));
		FijiCommands.makeCurrent(IJ.openImage(sample.image.toString()));
		final String bad = failed(fiji.run(ImportAnnotationsCommand.class, map("input", notJson.toFile(),
			"destination", "Overlay")));
		assertTrue(bad.contains("notes.geojson"), bad);
	}

}
