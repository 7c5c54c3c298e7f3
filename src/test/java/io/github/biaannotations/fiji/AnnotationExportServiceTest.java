package io.github.biaannotations.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.ModuleItem;
import org.scijava.script.ScriptInfo;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;

import net.imglib2.img.array.ArrayImgs;

import io.github.biaannotations.batch.BatchReport;
import io.github.biaannotations.batch.BatchRequest;
import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportSummary;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.ngff.OmeZarrLabelReader;
import io.github.biaannotations.submission.Manifest;
import io.github.biaannotations.testutil.FijiCommands;

/** The scripting service as scripts use it, and the example scripts' use of it. */
class AnnotationExportServiceTest {

	@TempDir
	Path tmp;

	private FijiCommands fiji;
	private AnnotationExportService exporter;
	private SampleData.SampleFiles sample;
	private File study;

	@BeforeEach
	void setUp() throws IOException {
		fiji = new FijiCommands();
		exporter = fiji.context.service(AnnotationExportService.class);
		sample = SampleData.standard().write(tmp.resolve("sample"));
		study = tmp.resolve("study.yaml").toFile();
		Files.write(study.toPath(), DemoMetadata.create().toCombinedYaml().getBytes(StandardCharsets.UTF_8));
	}

	@AfterEach
	void tearDown() {
		fiji.close();
	}

	@Test
	void anOpenImageWithItsOverlayAndBackAgain() throws IOException {
		final ImagePlus imp = IJ.openImage(sample.image.toString());
		final Overlay overlay = new Overlay();
		RoiFiles.read(sample.rois, (roi, origin) -> overlay.add(roi), w -> {});
		imp.setOverlay(overlay);
		assertEquals(42, exporter.roisOf(imp).size());
		final ExportSummary s = exporter.exportImage(imp, tmp.resolve("pkg").toFile(), study);
		assertEquals(42, s.rois());
		assertEquals("Synthetic nuclei with instance segmentation and point annotations (bia-annotations demo)",
			MifaMetadata.load(tmp.resolve("pkg/mifa")).study().title());
		final List<Roi> back = exporter.importGeoJson(tmp.resolve("pkg/annotations/nuclei/nuclei.geojson").toFile(), imp);
		assertEquals(42, back.size(), "as many ROIs come back as went out");
		assertEquals(overlay.get(0).getBounds(), back.get(0).getBounds());
	}

	@Test
	void filesAndBatchesAndTheirWarnings() throws IOException {
		final ExportSummary s = exporter.exportFiles(sample.image.toFile(), sample.rois.toFile(), sample.labels.toFile(),
			tmp.resolve("pkg").toFile(), null);
		assertTrue(s.files().contains("annotations/nuclei/nuclei_labels.ome.zarr"), s.files().toString());
		final BatchReport r = exporter.batch(BatchRequest.of(sample.image.getParent(), tmp.resolve("batch")));
		assertEquals(1, r.count(BatchReport.Status.EXPORTED));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exporter.exportFiles(null,
			null, null, tmp.resolve("x").toFile(), null));
		assertEquals("no image given", e.getMessage());
		final ImagePlus bare = IJ.openImage(sample.image.toString());
		bare.setOverlay(new Overlay(new Roi(250, 250, 20, 20)));
		exporter.exportImage(bare, tmp.resolve("edge").toFile(), null);
		assertEquals(1, exporter.lastWarnings().size(), exporter.lastWarnings().toString());
		assertTrue(exporter.lastWarnings().get(0).contains("extends beyond the 256x256 image"));
	}

	@Test
	void anImglib2LabelImageAsLabkitGivesItIsExportedAsTheSameLabelImageFromAFile() throws IOException {
		final ImagePlus imp = IJ.openImage(sample.image.toString());
		final ImagePlus tiff = IJ.openImage(sample.labels.toString());
		// Labkit's and StarDist's ImageJ2 commands give an Img of an integer type, without ImageJ's calibration
		final short[] copy = ((short[]) tiff.getProcessor().getPixels()).clone();
		final LabelImage labels = LabelImage.of("nuclei_labels", ArrayImgs.unsignedShorts(copy, tiff.getWidth(), tiff
			.getHeight()), "xy", null);
		final ExportOptions options = ExportOptions.builder().roisFromLabels(true).build();
		exporter.exportImage(imp, List.of(labels), tmp.resolve("raster").toFile(), null, options);
		exporter.exportFiles(sample.image.toFile(), null, sample.labels.toFile(), tmp.resolve("file").toFile(), null,
			options);
		for (final String f : new String[] { "nuclei_labels.ome.zarr/0/c/0/0", "nuclei_labels.ome.zarr/zarr.json",
			"nuclei_labels_outlines.geojson" })
			assertEquals(Manifest.sha256(tmp.resolve("file/annotations/nuclei/" + f)), Manifest.sha256(tmp.resolve(
				"raster/annotations/nuclei/" + f)), f + ": the same bytes, the image's calibration included");
		assertEquals(0.65, OmeZarrLabelReader.read(tmp.resolve("raster/annotations/nuclei/nuclei_labels.ome.zarr"),
			null).calibration().pixelWidth(), 1e-6);
	}

	/** The example scripts declare the service by its short name, and call only methods it has. */
	@Test
	void theExampleScriptsUseTheServiceAsItIs() throws IOException {
		final Path dir = Paths.get("scripts/examples");
		final List<Path> scripts = new ArrayList<>();
		try (java.util.stream.Stream<Path> s = Files.list(dir)) {
			s.filter(p -> p.toString().endsWith(".groovy") || p.toString().endsWith(".py")).forEach(scripts::add);
		}
		assertEquals(2, scripts.size(), "a Groovy and a Jython example");
		final org.scijava.Context scripting = new org.scijava.Context(org.scijava.script.ScriptService.class,
			AnnotationExportService.class);
		final Set<String> methods = new HashSet<>();
		for (final Method m : AnnotationExportService.class.getMethods())
			methods.add(m.getName());
		for (final Path script : scripts) {
			final String text = new String(Files.readAllBytes(script), StandardCharsets.UTF_8);
			final ScriptInfo info = new ScriptInfo(scripting, script.toString(), new StringReader(text));
			final ModuleItem<?> service = info.getInput("exporter");
			assertEquals(AnnotationExportService.class, service.getType(), script + ": #@ AnnotationExportService");
			final Matcher calls = Pattern.compile("exporter\\.(\\w+)\\(").matcher(text);
			int n = 0;
			while (calls.find()) {
				n++;
				assertTrue(methods.contains(calls.group(1)), script + " calls exporter." + calls.group(1));
			}
			assertTrue(n >= 2, script + " uses the service");
		}
		scripting.dispose();
	}
}
