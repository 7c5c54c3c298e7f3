package io.github.biaannotations.fiji.commands;

import io.github.biaannotations.testutil.Required;
import static io.github.biaannotations.testutil.FijiCommands.map;
import static io.github.biaannotations.testutil.FijiCommands.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.imagej.ImageRois;
import io.github.biaannotations.imagej.RoiFiles;
import io.github.biaannotations.testutil.FijiCommands;

/**
 * The ROI Manager paths, which need a display: export takes the ROI Manager's ROIs over the overlay, import
 * fills the ROI Manager. Run with {@code xvfb-run -a mvn test -Dtest=RoiManagerGuiTest -Djava.awt.headless=false};
 * skipped when headless.
 */
class RoiManagerGuiTest {

	@TempDir
	Path tmp;

	private FijiCommands fiji;
	private SampleData.SampleFiles sample;

	@BeforeEach
	void setUp() throws IOException {
		Required.that(!GraphicsEnvironment.isHeadless(),
			"there is no display (run the GUI tests under xvfb-run, as scripts/test does)");
		fiji = new FijiCommands();
		if (RoiManager.getInstance() != null) RoiManager.getInstance().reset();
		sample = SampleData.standard().write(tmp.resolve("sample"));
	}

	@AfterEach
	void tearDown() {
		if (fiji == null) return;
		final RoiManager rm = RoiManager.getInstance();
		if (rm != null) {
			rm.reset();
			rm.close();
		}
		FijiCommands.closeImages();
		fiji.close();
	}

	@Test
	void exportTakesTheRoiManagerOverTheOverlayAndImportFillsIt() throws IOException {
		final ImagePlus imp = IJ.openImage(sample.image.toString());
		imp.setOverlay(new Overlay(new Roi(1, 1, 5, 5)));
		final RoiManager rm = RoiManager.getRoiManager();
		RoiFiles.read(sample.rois, (roi, origin) -> rm.addRoi(roi), w -> {});
		assertEquals(42, rm.getCount());
		FijiCommands.makeCurrent(imp);
		assertEquals(ImageRois.Place.ROI_MANAGER, ImageRois.sourceOf(imp));
		final Path out = tmp.resolve("pkg");
		succeeded(fiji.run(ExportAnnotationsCommand.class, map("output", out.toFile())));
		assertEquals(43, new ObjectMapper().readTree(out.resolve("annotations/nuclei/nuclei.geojson").toFile())
			.get("features").size(), "the ROI Manager's 42 ROIs (points split by counter), not the overlay's one");

		rm.reset();
		final ImagePlus fresh = IJ.openImage(sample.image.toString());
		FijiCommands.makeCurrent(fresh);
		succeeded(fiji.run(ImportAnnotationsCommand.class, map("input", out.resolve(
			"annotations/nuclei/nuclei.geojson").toFile(), "destination", ImportAnnotationsCommand.ROI_MANAGER)));
		assertEquals(42, RoiManager.getInstance().getCount());
		assertNull(fresh.getOverlay(), "the ROIs went to the ROI Manager, not the overlay");
	}
}
