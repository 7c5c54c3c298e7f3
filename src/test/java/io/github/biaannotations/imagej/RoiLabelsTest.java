package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.labels.LabelMode;
import io.github.biaannotations.labels.LabelOutlines;
import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.testutil.SharedReference;

/** Labels and ROIs both ways, compared pixel for pixel. */
class RoiLabelsTest {

	/** Same partition of pixels into labels, whatever the numbering. */
	private static void assertSameLabels(final ImageProcessor expected, final ImageProcessor actual) {
		final Map<Integer, Integer> map = new HashMap<>(), back = new HashMap<>();
		for (int i = 0; i < expected.getPixelCount(); i++) {
			final int e = (int) expected.getf(i), a = (int) actual.getf(i);
			assertEquals(e == 0, a == 0, "background differs at pixel " + i);
			if (e == 0) continue;
			assertEquals(a, (int) map.computeIfAbsent(e, k -> a), "label " + e + " split at pixel " + i);
			assertEquals(e, (int) back.computeIfAbsent(a, k -> e), "labels merged at pixel " + i);
		}
	}

	@Test
	void instanceLabelsFromTracedRoisEqualTheOriginalLabels() {
		final SampleData sample = SampleData.standard();
		final ShortProcessor labels = sample.labels();
		final List<Roi> rois = sample.rois(labels);
		final List<String> warnings = new ArrayList<>();
		final ImagePlus img = new ImagePlus("img", sample.image(labels));
		final RoiLabels rl = new RoiLabels(rois, img, LabelMode.INSTANCE, warnings::add);
		final ImagePlus out = LabelImages.toImagePlus(rl.image("labels", img));
		assertSameLabels(labels, out.getProcessor());
		assertEquals(0, rl.overlapPixels());
		assertEquals(2, warnings.size(), "the point and line ROIs have no area: " + warnings);
		assertEquals("nucleus-" + 1, rl.labels().values().stream().filter(l -> l.name().equals("nucleus-1")).findFirst().get().name());
	}

	@Test
	void semanticLabelsOneValuePerGroupAndOverlapsCounted() {
		final ImagePlus img = IJ.createImage("img", "8-bit black", 100, 80, 1);
		final Roi a = new Roi(10, 10, 30, 30), b = new Roi(30, 30, 30, 30), c = new OvalRoi(70, 10, 20, 20);
		a.setGroup(1);
		b.setGroup(2);
		c.setGroup(1);
		final RoiLabels rl = new RoiLabels(List.of(a, b, c, new Line(1, 1, 5, 5)), img, LabelMode.SEMANTIC, s -> {});
		final ImageProcessor ip = LabelImages.toImagePlus(rl.image("sem", img)).getProcessor();
		assertEquals(2, rl.labels().size());
		assertEquals(1, ip.get(15, 15));
		assertEquals(2, ip.get(35, 35), "the later ROI is painted over the earlier one");
		assertEquals(1, ip.get(80, 20));
		assertEquals(100, rl.overlapPixels(), "10x10 pixels where a and b overlap");
	}

	@Test
	void roisOnPlanesGoToTheirPlanesOnly() {
		final ImagePlus img = IJ.createHyperStack("h", 50, 40, 1, 3, 2, 8);
		final Roi onZ2T1 = new Roi(0, 0, 10, 10);
		onZ2T1.setPosition(0, 2, 1);
		final Roi everywhere = new Roi(20, 20, 5, 5);
		final ImagePlus out = LabelImages.toImagePlus(new RoiLabels(List.of(onZ2T1, everywhere), img, LabelMode.INSTANCE,
			s -> {}).image("l", img));
		assertEquals(6, out.getStackSize());
		for (int t = 1; t <= 2; t++)
			for (int z = 1; z <= 3; z++) {
				final ImageProcessor ip = out.getStack().getProcessor(out.getStackIndex(1, z, t));
				assertEquals(z == 2 && t == 1 ? 1 : 0, ip.get(5, 5), "z=" + z + " t=" + t);
				assertEquals(2, ip.get(22, 22));
			}
	}

	@Test
	void realMaskToPolygonsToRoisToLabelsIsIdentity() throws IOException {
		final ImagePlus mask = IJ.openImage(SharedReference.require("data/nuclei2d_labels.tif").toString());
		final List<Annotation> features = new ArrayList<>();
		final long n = LabelOutlines.write(LabelImages.fromImagePlus(mask, "nuclei", Map.of()).get(0), -1,
			new AnnotationWriter() {

				@Override
				public void write(final Annotation a) {
					features.add(a);
				}

				@Override
				public void close() {}
			});
		assertEquals(features.size(), n);
		for (final Annotation f : features)
			assertEquals(f.measurements().get("pixels"), f.geometry().getArea());
		final List<Roi> rois = new AnnotationsToRois(mask).toRois(features);
		final RoiLabels rl = new RoiLabels(rois, mask, LabelMode.INSTANCE, s -> {});
		assertSameLabels(mask.getProcessor(), LabelImages.toImagePlus(rl.image("back", mask)).getProcessor());
		assertTrue(n > 100);
	}

	@Test
	void floatLabelsThatAreNotWholeNumbersAreRefusedNamingTheVoxel() {
		final ImagePlus f = IJ.createImage("probabilities", "32-bit black", 10, 10, 1);
		f.getProcessor().setf(3, 2, 0.5f);
		final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> LabelOutlines.write(new LabelImage("probabilities", ImagePlusRasters.channel(f, 0), null, Map.of(), null),
				-1, null));
		assertTrue(e.getMessage().startsWith("probabilities: value 0.5 at x=3, y=2"), e.getMessage());
	}
}
