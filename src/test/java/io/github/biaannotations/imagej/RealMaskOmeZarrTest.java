package io.github.biaannotations.imagej;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import ij.IJ;
import ij.ImagePlus;

import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.ngff.ExportedLabels;
import io.github.biaannotations.ngff.NgffMetadata;
import io.github.biaannotations.ngff.NgffSchemas;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.ngff.OmeZarrExporter;
import io.github.biaannotations.ngff.OmeZarrLabelReader;
import io.github.biaannotations.ngff.OmeZarrOptions;
import io.github.biaannotations.testutil.Uint16Samples;
import io.github.biaannotations.zarr.IndependentReaders;
import io.github.biaannotations.zarr.ZarrFormat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The real StarDist nuclei mask (125 nuclei, largest label 183) and its image from {@code ../shared/reference/data}, exported as
 * an image OME-Zarr with {@code labels/nuclei}: schemas pass, independent readers see the TIFF's pixels,
 * the pyramid is label-safe, OME-XML describes the image, and our reader gets the mask back.
 */
class RealMaskOmeZarrTest {

	private static final Path DATA = NgffSchemas.REFERENCE.resolve("data");

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(NgffVersion.class)
	void nucleiMaskExportsWithItsImage(final NgffVersion version) throws Exception {
		Required.that(Files.isDirectory(DATA), DATA.toAbsolutePath().normalize() + " is absent (no ../shared/reference beside this checkout)");
		final ImagePlus mask = IJ.openImage(DATA.resolve("nuclei2d_labels.tif").toString());
		final ImagePlus image = IJ.openImage(DATA.resolve("nuclei2d.tif").toString());
		assertEquals(16, mask.getBitDepth());
		final List<LabelImage> labels = LabelImages.fromImagePlus(mask, "nuclei", Collections.emptyMap());
		final Path out = dir.resolve("nuclei2d.ome.zarr");
		final List<ExportedLabels> written = new OmeZarrExporter(OmeZarrOptions.defaults().withVersion(version))
			.exportImage(IntensityImages.fromImagePlus(image, "nuclei2d"), labels, out);
		// data/README.md says "183 nuclei": 183 is the largest label; 125 distinct labels are present
		// (also counted with PIL + numpy), so count them here rather than trust either figure
		final Set<Integer> present = Uint16Samples.values(bytes((short[]) mask.getProcessor().getPixels()));
		present.remove(0);
		assertEquals(125, present.size());
		assertEquals(present.size(), written.get(0).statistics().size());
		assertEquals(183L, (long) written.get(0).statistics().lastKey());
		assertEquals(2, written.get(0).levels(), "512 -> 256");

		final ZarrFormat format = version.zarrFormat();
		final JsonNode root = IndependentReaders.readAttributes(format, out, ".");
		NgffSchemas.assertValid(version, "strict_image", root);
		final JsonNode nuclei = IndependentReaders.readAttributes(format, out, "labels/nuclei");
		NgffSchemas.assertValid(version, "strict_image", nuclei);
		NgffSchemas.assertValid(version, "strict_label", nuclei);
		NgffSchemas.assertValid(version, "ome", IndependentReaders.readAttributes(format, out, "OME"));
		assertEquals("[\"nuclei\"]", NgffMetadata.members(IndependentReaders.readAttributes(format, out,
			"labels")).get("labels").toString());
		final JsonNode il = NgffMetadata.members(nuclei).get("image-label");
		assertEquals("../../", il.get("source").get("image").asText());
		assertEquals(126, il.get("properties").size(), "125 nuclei + background");
		assertEquals(126, il.get("colors").size(), "125 nuclei + transparent background");

		// arrays as independent readers see them
		final short[] maskPixels = (short[]) mask.getProcessor().getPixels();
		final IndependentReaders.Result level0 = IndependentReaders.readArray(format, out, "labels/nuclei/0");
		assertEquals("[512,512]", level0.report.get("shape").toString());
		assertArrayEquals(bytes(maskPixels), level0.data);
		final IndependentReaders.Result level1 = IndependentReaders.readArray(format, out, "labels/nuclei/1");
		final Set<Integer> full = Uint16Samples.values(level0.data), half = Uint16Samples.values(level1.data);
		assertTrue(full.containsAll(half), "level 1 invented label values");
		assertTrue(half.size() >= 120, "mode sampling keeps (almost) every nucleus: " + half.size());
		final IndependentReaders.Result img0 = IndependentReaders.readArray(format, out, "0");
		assertArrayEquals(bytes((short[]) image.getProcessor().getPixels()), img0.data);
		final IndependentReaders.Result img1 = IndependentReaders.readArray(format, out, "1");
		final short[] ip = (short[]) image.getProcessor().getPixels();
		final int mean = ((ip[0] & 0xffff) + (ip[1] & 0xffff) + (ip[512] & 0xffff) + (ip[513] & 0xffff) + 2) / 4;
		assertEquals(mean, ByteBuffer.wrap(img1.data).order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xffff,
			"the image pyramid averages");

		// OME-XML, read with the JDK's XML parser
		final Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(
			"OME/METADATA.ome.xml").toFile());
		final Element pixels = (Element) xml.getElementsByTagName("Pixels").item(0);
		assertEquals("512", pixels.getAttribute("SizeX"));
		assertEquals("uint16", pixels.getAttribute("Type"));
		assertEquals("nuclei2d", ((Element) xml.getElementsByTagName("Image").item(0)).getAttribute("Name"));
		assertEquals(1, xml.getElementsByTagName("Channel").getLength());

		// and back into ImageJ
		final ImagePlus back = LabelImages.toImagePlus(OmeZarrLabelReader.read(out, null));
		assertArrayEquals(maskPixels, (short[]) back.getProcessor().getPixels());
		assertEquals(Collections.singletonList("nuclei"), OmeZarrLabelReader.labelNames(out));
	}

	static byte[] bytes(final short[] pixels) {
		final ByteBuffer b = ByteBuffer.allocate(pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (final short v : pixels)
			b.putShort(v);
		return b.array();
	}
}
