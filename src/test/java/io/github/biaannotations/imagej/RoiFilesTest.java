package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.process.ByteProcessor;

import io.github.biaannotations.model.Annotation;

/** Reading ROIs from the three kinds of files ImageJ writes. */
class RoiFilesTest {

	@TempDir
	Path tmp;

	@Test
	void singleRoiFile() throws IOException {
		final Path f = tmp.resolve("cell.roi");
		final OvalRoi oval = new OvalRoi(3, 4, 20, 10);
		oval.setName("cell");
		RoiEncoder.save(oval, f.toString());
		final List<Roi> rois = new ArrayList<>();
		assertEquals(1, RoiFiles.read(f, (r, o) -> rois.add(r), s -> {}));
		assertEquals("cell", rois.get(0).getName());
		assertEquals(oval.getBounds(), rois.get(0).getBounds());
	}

	@Test
	void tiffOverlayIncludingAnImageRoi() throws IOException {
		final ImagePlus imp = new ImagePlus("img", new ByteProcessor(64, 48));
		final Overlay overlay = new Overlay();
		overlay.add(new Roi(1, 2, 10, 12));
		overlay.add(new ImageRoi(20, 5, new ByteProcessor(8, 6)));
		imp.setOverlay(overlay);
		final Path f = tmp.resolve("img.tif");
		new FileSaver(imp).saveAsTiff(f.toString());
		final List<Roi> rois = new ArrayList<>();
		assertEquals(2, RoiFiles.read(f, (r, o) -> rois.add(r), s -> {}));
		final List<String> warnings = new ArrayList<>();
		final Annotation image = new RoisToAnnotations(null, warnings::add).toAnnotations(rois.get(1), 2).get(0);
		assertEquals("image", image.metadata().get(ImageJKeys.TYPE));
		assertEquals(48, image.geometry().getArea(), 0);
		assertTrue(warnings.get(0).contains("its pixels are not exported"), warnings.toString());
	}

	@Test
	void splineFitRoisComeOutAsImageJReadsThem() throws IOException {
		final ij.gui.PolygonRoi p = new ij.gui.PolygonRoi(new int[] { 10, 60, 90, 40 }, new int[] { 10, 5, 70, 90 }, 4, Roi.POLYGON);
		p.fitSpline();
		final byte[] bytes = RoiEncoder.saveAsByteArray(p);
		final ij.gui.PolygonRoi ours = (ij.gui.PolygonRoi) RoiFiles.decode(bytes, "s.roi", "s.roi");
		final ij.gui.PolygonRoi imagej = (ij.gui.PolygonRoi) new ij.io.RoiDecoder(bytes, "s.roi").getRoi();
		assertTrue(ours.isSplineFit());
		org.junit.jupiter.api.Assertions.assertArrayEquals(imagej.getFloatPolygon().xpoints, ours.getFloatPolygon().xpoints);
		org.junit.jupiter.api.Assertions.assertArrayEquals(imagej.getFloatPolygon().ypoints, ours.getFloatPolygon().ypoints);
	}

	@Test
	void notARoiFileIsNamed() throws IOException {
		final Path f = tmp.resolve("fake.roi");
		Files.writeString(f, "this is text, not a ROI, and long enough to pass the size check of sixty-four bytes");
		final RoiFileException e = assertThrows(RoiFileException.class, () -> RoiFiles.read(f, (r, o) -> {}, s -> {}));
		assertTrue(e.getMessage().startsWith(f + ": not an ImageJ ROI"), e.getMessage());
	}

	@Test
	void zipThatIsNotAZip() throws IOException {
		final Path f = tmp.resolve("RoiSet.zip");
		Files.writeString(f, "plain text");
		final RoiFileException e = assertThrows(RoiFileException.class, () -> RoiFiles.read(f, (r, o) -> {}, s -> {}));
		assertTrue(e.getMessage().contains("RoiSet.zip"), e.getMessage());
		assertEquals(java.util.Optional.of(f), e.file(), "the typed exception carries the file at fault");
	}
}
