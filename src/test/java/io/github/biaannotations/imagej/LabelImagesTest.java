package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import io.github.biaannotations.model.IntensityImage;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.model.Rgb;
import io.github.biaannotations.ngff.ExportedLabels;
import io.github.biaannotations.ngff.NgffMetadata;
import io.github.biaannotations.ngff.NgffSchemas;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.ngff.OmeZarrExporter;
import io.github.biaannotations.ngff.OmeZarrLabelReader;
import io.github.biaannotations.ngff.OmeZarrOptions;
import io.github.biaannotations.zarr.IndependentReaders;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ImagePlus label images to the exporter's input and back: pixel-type rules, channels, LUTs, calibration. */
class LabelImagesTest {

	@TempDir
	Path dir;

	@Test
	void integralFloatLabelsBecomeUint32() throws Exception {
		final FloatProcessor fp = new FloatProcessor(4, 3, new float[] { 0, 1, 2, 16777216, 0, 0, 7, 7, 0, 0, 0,
			70000 });
		final List<LabelImage> labels = LabelImages.fromImagePlus(new ImagePlus("f", fp), "f", Collections
			.emptyMap());
		assertEquals(PixelType.FLOAT32, labels.get(0).pixelType(), "ImageJ's float labels, written as uint32");
		final Path out = dir.resolve("f_labels.ome.zarr");
		final ExportedLabels written = new OmeZarrExporter(OmeZarrOptions.defaults()).exportLabels(labels.get(0),
			out, null);
		final IndependentReaders.Result r = IndependentReaders.readArray(io.github.biaannotations.zarr.ZarrFormat.V3,
			out, "0");
		assertEquals("uint32", r.report.get("dtype").asText());
		final int[] values = new int[12];
		java.nio.ByteBuffer.wrap(r.data).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
		assertArrayEquals(new int[] { 0, 1, 2, 16777216, 0, 0, 7, 7, 0, 0, 0, 70000 }, values);
		assertEquals(2, written.statistics().get(7L).voxelCount());
		assertEquals(16777216L, (long) written.statistics().lastKey());
	}

	@Test
	void floatLabelPyramidsHoldOnlyFullResolutionValues() throws Exception {
		final float[] f = new float[600 * 10];
		for (int i = 0; i < f.length; i++)
			f[i] = (i % 600) / 7 % 3 == 0 ? 0 : 100000 + (i % 600) / 7;
		final Path out = dir.resolve("fp_labels.ome.zarr");
		final ExportedLabels written = new OmeZarrExporter(OmeZarrOptions.defaults()).exportLabels(LabelImages
			.fromImagePlus(new ImagePlus("fp", new FloatProcessor(600, 10, f)), "fp", Collections.emptyMap()).get(0),
			out, null);
		assertEquals(3, written.levels(), "600 -> 300 -> 150");
		final java.util.Set<Integer> full = new java.util.HashSet<>();
		for (final float v : f)
			full.add((int) v);
		for (int level = 1; level < 3; level++) {
			final IndependentReaders.Result r = IndependentReaders.readArray(
				io.github.biaannotations.zarr.ZarrFormat.V3, out, Integer.toString(level));
			final java.nio.IntBuffer ints = java.nio.ByteBuffer.wrap(r.data).order(java.nio.ByteOrder.LITTLE_ENDIAN)
				.asIntBuffer();
			while (ints.hasRemaining()) {
				final int v = ints.get();
				assertTrue(full.contains(v), "level " + level + " invented " + v);
			}
		}
	}

	@Test
	void badFloatLabelsAreRefusedNamingTheFirstBadVoxel() {
		assertBad(new float[] { 0, 1, 2.5f, 3 }, "x=0, y=1", "2.5", "not a whole number");
		assertBad(new float[] { 0, Float.NaN, 0, 0 }, "x=1, y=0", "NaN", "is NaN");
		assertBad(new float[] { 0, 0, 0, -4 }, "x=1, y=1", "-4", "negative");
		assertBad(new float[] { 16777218f, 0, 0, 0 }, "x=0, y=0", "1.6777218E7", "2^24");
	}

	private static void assertBad(final float[] values, final String where, final String value,
		final String why)
	{
		final ImagePlus imp = new ImagePlus("bad", new FloatProcessor(2, 2, values));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelImages
			.fromImagePlus(imp, "bad", Collections.emptyMap()));
		assertTrue(e.getMessage().contains(where) && e.getMessage().contains(value) && e.getMessage().contains(
			why) && e.getMessage().contains("\"bad\""), e.getMessage());
	}

	@Test
	void rgbImagesAreNotLabels() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelImages
			.fromImagePlus(new ImagePlus("rgb", new ColorProcessor(2, 2)), "rgb", Collections.emptyMap()));
		assertTrue(e.getMessage().contains("RGB"), e.getMessage());
	}

	@Test
	void eachChannelBecomesItsOwnLabelImage() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ShortProcessor(2, 1, new short[] { 1, 2 }, null));
		stack.addSlice(new ShortProcessor(2, 1, new short[] { 5, 0 }, null));
		final ImagePlus imp = new ImagePlus("two", stack);
		imp.setDimensions(2, 1, 1);
		final List<LabelImage> labels = LabelImages.fromImagePlus(new CompositeImage(imp), "two", Collections
			.emptyMap());
		assertEquals(2, labels.size());
		assertEquals("two_c1", labels.get(0).name());
		assertEquals("two_c2", labels.get(1).name());
		assertArrayEquals(new short[] { 5, 0 }, (short[]) labels.get(1).plane(0, 0));
	}

	@Test
	void aColourLutGivesTheLabelColours() throws Exception {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			r[i] = (byte) i;
			g[i] = (byte) (255 - i);
			b[i] = (byte) (i * 7);
		}
		final ByteProcessor bp = new ByteProcessor(3, 1, new byte[] { 0, 5, 9 });
		bp.setLut(new LUT(r, g, b));
		final ImagePlus imp = new ImagePlus("lut", bp);
		final LabelImage l = LabelImages.fromImagePlus(imp, "lut", Collections.emptyMap()).get(0);
		assertEquals(Rgb.of(5, 250, 35), l.lutColours().apply(5));
		final Path out = dir.resolve("lut_labels.ome.zarr");
		new OmeZarrExporter(OmeZarrOptions.defaults()).exportLabels(l, out, null);
		final JsonNode colors = NgffMetadata.members(IndependentReaders.readAttributes(
			io.github.biaannotations.zarr.ZarrFormat.V3, out, ".")).get("image-label").get("colors");
		assertEquals("[9,246,63,255]", colors.get(2).get("rgba").toString());
		// a grey LUT carries no colours: the palette is used instead
		assertNull(LabelImages.fromImagePlus(new ImagePlus("g", new ByteProcessor(2, 2)), "g", Collections
			.emptyMap()).get(0).lutColours());
	}

	@Test
	void calibrationBecomesUdunitsScales() throws Exception {
		final ImagePlus imp = IJ.createImage("cal", "16-bit black", 40, 30, 1, 4, 1);
		imp.getCalibration().setUnit("\u00b5m");
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().pixelHeight = 0.25;
		imp.getCalibration().pixelDepth = 1.5;
		((short[]) imp.getStack().getPixels(3))[5] = 42;
		final Path out = dir.resolve("cal_labels.ome.zarr");
		new OmeZarrExporter(OmeZarrOptions.defaults().withVersion(NgffVersion.V0_4)).exportLabels(LabelImages
			.fromImagePlus(imp, "cal", Collections.emptyMap()).get(0), out, null);
		final JsonNode attrs = IndependentReaders.readAttributes(io.github.biaannotations.zarr.ZarrFormat.V2, out,
			".");
		NgffSchemas.assertValid(NgffVersion.V0_4, "strict_label", attrs);
		final JsonNode ms = attrs.get("multiscales").get(0);
		assertEquals("micrometer", ms.get("axes").get(0).get("unit").asText());
		assertEquals("z", ms.get("axes").get(0).get("name").asText());
		assertEquals(1.5, ms.get("datasets").get(0).get("coordinateTransformations").get(0).get("scale").get(0)
			.asDouble());
		final ImagePlus back = LabelImages.toImagePlus(OmeZarrLabelReader.read(out, null));
		assertEquals(4, back.getNSlices());
		assertEquals(0.25, back.getCalibration().pixelWidth);
		assertEquals(1.5, back.getCalibration().pixelDepth);
		assertEquals(42, ((short[]) back.getStack().getPixels(3))[5]);
		assertEquals("\u00b5m", back.getCalibration().getUnit());
	}

	@Test
	void rgbSourceImagesBecomeThreeUint8Channels() {
		final ColorProcessor cp = new ColorProcessor(2, 1, new int[] { 0x102030, 0xa0b0c0 });
		final IntensityImage img = IntensityImages.fromImagePlus(new ImagePlus("rgb", cp), "rgb");
		assertEquals(3, img.sizeC());
		assertEquals(PixelType.UINT8, img.pixelType());
		assertArrayEquals(new byte[] { 0x20, (byte) 0xb0 }, (byte[]) img.plane(1, 0, 0));
		assertEquals("blue", img.channels().get(2).name());
	}

	@Test
	void exportSummaryCountsEveryLabel() throws Exception {
		final ShortProcessor sp = new ShortProcessor(3, 2, new short[] { 0, 4, 4, 9, 9, 9 }, null);
		final ExportedLabels e = new OmeZarrExporter(OmeZarrOptions.defaults()).exportLabels(LabelImages
			.fromImagePlus(new ImagePlus("s", sp), "s", Collections.emptyMap()).get(0), dir.resolve("s.ome.zarr"),
			null);
		assertEquals(2, e.statistics().get(4L).voxelCount());
		assertEquals(3, e.statistics().get(9L).voxelCount());
		assertArrayEquals(new int[] { 0, 0, 1, 0 }, e.statistics().get(9L).min());
	}
}
