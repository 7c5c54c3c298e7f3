package io.github.biaannotations.ngff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.testutil.Uint16Samples;
import io.github.biaannotations.labels.Downsampling;
import io.github.biaannotations.model.Calibration;
import io.github.biaannotations.model.ImageChannel;
import io.github.biaannotations.model.IntensityImage;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.LabelInfo;
import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.model.Rasters;
import io.github.biaannotations.model.Rgb;
import io.github.biaannotations.zarr.Compression;
import io.github.biaannotations.zarr.IndependentReaders;
import io.github.biaannotations.zarr.ZarrFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Label OME-Zarr written from synthetic label stacks: metadata valid against the strict OME-NGFF schemas,
 * arrays read back identically by independent readers, label-safe pyramids, statistics, atomic output.
 */
class OmeZarrExporterTest {

	private static final int T = 2, Z = 3, H = 300, W = 520;
	private static final Calibration CAL = new Calibration(0.5, 0.5, 2.0, "micron", 3.0, "sec");

	@TempDir
	Path dir;

	/** Labels: discs of value k*1000+z*10+t+1 (so values above 255 and many of them), background 0. */
	static RandomAccessibleInterval<? extends RealType<?>> labels() {
		final Object[] planes = new Object[T * Z];
		for (int t = 0; t < T; t++)
			for (int z = 0; z < Z; z++) {
				final short[] p = new short[H * W];
				for (int k = 0; k < 12; k++) {
					final int cx = 30 + k * 41, cy = 40 + (k % 5) * 50, r = 6 + k;
					for (int y = Math.max(0, cy - r); y <= Math.min(H - 1, cy + r); y++)
						for (int x = Math.max(0, cx - r); x <= Math.min(W - 1, cx + r); x++)
							if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) p[y * W + x] = (short) (k * 1000 + z * 10 + t +
								1);
				}
				planes[t * Z + z] = p;
			}
		return Rasters.planar(new long[] { W, H, Z, T }, PixelType.UINT16, i -> planes[i]);
	}

	@ParameterizedTest
	@EnumSource(NgffVersion.class)
	void standaloneLabelsAreValidAndReadBackIdentically(final NgffVersion version) throws Exception {
		final RandomAccessibleInterval<? extends RealType<?>> data = labels();
		final Map<Long, LabelInfo> info = new HashMap<>();
		info.put(1001L, new LabelInfo("cell A", "nucleus", Rgb.of(10, 20, 30)));
		final Path out = dir.resolve("img_labels.ome.zarr");
		final ExportedLabels result = new OmeZarrExporter(OmeZarrOptions.defaults().withVersion(version))
			.exportLabels(new LabelImage("nuclei", data, CAL, info, null), out, null);

		final ZarrFormat format = version.zarrFormat();
		final JsonNode attrs = IndependentReaders.readAttributes(format, out, ".");
		NgffSchemas.assertValid(version, "strict_image", attrs);
		NgffSchemas.assertValid(version, "strict_label", attrs);
		final JsonNode ms = NgffMetadata.members(attrs).get("multiscales").get(0);
		assertEquals("[\"t\",\"z\",\"y\",\"x\"]", names(ms.get("axes")));
		assertEquals("micrometer", ms.get("axes").get(2).get("unit").asText());
		assertEquals("second", ms.get("axes").get(0).get("unit").asText());
		assertArrayEquals(new double[] { 3, 2, 0.5, 0.5 }, doubles(ms.get("datasets").get(0).get(
			"coordinateTransformations").get(0).get("scale")));
		assertArrayEquals(new double[] { 3, 2, 2, 2 }, doubles(ms.get("datasets").get(2).get(
			"coordinateTransformations").get(0).get("scale")));
		assertEquals(3, result.levels(), "520 -> 260 -> 130");

		// level 0 identical; every level holds only level-0 values, with the halved shape
		final IndependentReaders.Result level0 = IndependentReaders.readArray(format, out, "0");
		assertEquals("[2,3,300,520]", level0.report.get("shape").toString());
		assertArrayEquals(bytes(data), level0.data);
		final Set<Integer> values0 = Uint16Samples.values(level0.data);
		final IndependentReaders.Result level2 = IndependentReaders.readArray(format, out, "2");
		assertEquals("[2,3,75,130]", level2.report.get("shape").toString());
		assertTrue(values0.containsAll(Uint16Samples.values(level2.data)), "level 2 has values level 0 lacks");
		assertEquals(values0.size(), Uint16Samples.values(level2.data).size(), "every disc survives at level 2");

		// properties: voxel counts and bounding boxes as counted independently here
		final Map<Integer, Integer> counts = counts(level0.data);
		final JsonNode il = NgffMetadata.members(attrs).get("image-label");
		// colors and properties list the same values, background 0 too (ome-zarr-models requires it)
		assertEquals(counts.size(), il.get("properties").size());
		assertEquals(counts.size(), il.get("colors").size());
		for (final JsonNode p : il.get("properties"))
			assertEquals((int) counts.get(p.get("label-value").asInt()), p.get("voxel count").asInt());
		assertEquals("background", find(il.get("properties"), 0).get("name").asText());
		final JsonNode a = find(il.get("properties"), 1001);
		assertEquals("cell A", a.get("name").asText());
		assertEquals("nucleus", a.get("class").asText());
		// label 1001 is disc k=1 at t=0, z=0: centre (71, 90), radius 7
		assertEquals("[0,0,83,64]", a.get("bounding box").get("min").toString());
		assertEquals("[0,0,97,78]", a.get("bounding box").get("max").toString());
		assertEquals("[10,20,30,255]", find(il.get("colors"), 1001).get("rgba").toString());
		assertEquals("[0,0,0,0]", find(il.get("colors"), 0).get("rgba").toString());
		assertFalse(il.has("source"));

		if (version == NgffVersion.V0_5) {
			final JsonNode array = new ObjectMapper().readTree(out.resolve("0/zarr.json").toFile());
			assertEquals("[\"t\",\"z\",\"y\",\"x\"]", array.get("dimension_names").toString());
			assertEquals("zstd", array.get("codecs").get(1).get("name").asText());
		}

		// and our own reader gets the same labels, calibration and label info back
		final LabelImage back = OmeZarrLabelReader.read(out, null);
		for (int t = 0; t < T; t++)
			for (int z = 0; z < Z; z++)
				assertArrayEquals((short[]) Rasters.plane(data, z, t), (short[]) back.plane(z, t));
		assertEquals(2.0, back.calibration().pixelDepth());
		assertEquals("micrometer", back.calibration().spaceUnit());
		assertEquals("nucleus", back.info().get(1001L).className());
		assertEquals(Rgb.of(10, 20, 30), back.info().get(1001L).colour());
	}

	@Test
	void shardedBloscLabelsReadBackWithZarrita() throws Exception {
		final RandomAccessibleInterval<? extends RealType<?>> data = labels();
		final Path out = dir.resolve("sharded.ome.zarr");
		new OmeZarrExporter(OmeZarrOptions.defaults().withCompression(Compression.blosc()).withChunkShape(1, 64,
			64).withSharding(4)).exportLabels(new LabelImage("l", data, CAL, Collections.emptyMap(), null), out, null);
		final JsonNode array = new ObjectMapper().readTree(out.resolve("0/zarr.json").toFile());
		assertEquals("sharding_indexed", array.get("codecs").get(0).get("name").asText());
		// 4 chunks along y and x, z (3 planes) whole, so both frames too
		assertEquals("[2,3,256,256]", array.get("chunk_grid").get("configuration").get("chunk_shape")
			.toString());
		assertArrayEquals(bytes(data), IndependentReaders.readArray(ZarrFormat.V3, out, "0").data);
		NgffSchemas.assertValid(NgffVersion.V0_5, "strict_label", IndependentReaders.readAttributes(
			ZarrFormat.V3, out, "."));
	}

	@Test
	void aLabelImageTooLargeToReadIsRefusedByName() throws Exception {
		final Path out = dir.resolve("huge.ome.zarr");
		new OmeZarrExporter(OmeZarrOptions.defaults()).exportLabels(new LabelImage("l", labels(), CAL, Collections
			.emptyMap(), null), out, null);
		final Path meta = out.resolve("0/zarr.json");
		final com.fasterxml.jackson.databind.node.ObjectNode array = (com.fasterxml.jackson.databind.node.ObjectNode)
			new ObjectMapper().readTree(meta.toFile());
		array.putArray("shape").add(2).add(3).add(3_000_000_000L).add(3_000_000_000L);
		new ObjectMapper().writeValue(meta.toFile(), array);
		final java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
			() -> OmeZarrLabelReader.read(out, null));
		assertTrue(e.getMessage().contains("huge.ome.zarr") && e.getMessage().contains("too large"), e.getMessage());
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(ints = { 0, 2 })
	void bandByBandPyramidsEqualWholePlanePyramids(final int shardFactor) throws Exception {
		// 2D, odd sizes, small chunks and a low top level: many bands per level, partial last bands
		final int w = 701, h = 1003;
		final short[] plane = new short[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				plane[y * w + x] = (short) ((x / 9 + y / 13) % 5 == 0 ? 0 : 1 + (x / 9) % 40 + 40 * ((y / 13) % 40));
		final RandomAccessibleInterval<? extends RealType<?>> data = Rasters.planar(new long[] { w, h, 1, 1 },
			PixelType.UINT16, i -> plane);
		final Path out = dir.resolve("bands" + shardFactor + ".ome.zarr");
		final ExportedLabels e = new OmeZarrExporter(OmeZarrOptions.defaults().withChunkShape(1, 64, 64)
			.withSharding(shardFactor).withMaxPlaneSide(60)).exportLabels(new LabelImage("b", data, Calibration.NONE,
				Collections.emptyMap(), null), out, null);
		assertEquals(6, e.levels(), "1003 -> 502 -> 251 -> 126 -> 63 -> 32");
		Object expected = plane;
		int ew = w, eh = h;
		for (int level = 0; level < e.levels(); level++) {
			if (level > 0) {
				expected = Downsampling.halve(expected, ew, eh, Downsampling.Method.MODE);
				ew = (ew + 1) / 2;
				eh = (eh + 1) / 2;
			}
			final IndependentReaders.Result r = IndependentReaders.readArray(ZarrFormat.V3, out, Integer.toString(
				level));
			assertEquals("[" + eh + "," + ew + "]", r.report.get("shape").toString());
			final ByteBuffer b = ByteBuffer.allocate(eh * ew * 2).order(ByteOrder.LITTLE_ENDIAN);
			b.asShortBuffer().put((short[]) expected);
			assertArrayEquals(b.array(), r.data, "level " + level);
		}
	}

	@Test
	void shardingWithZarrV2IsRefusedBeforeWriting() throws IOException {
		final Path out = dir.resolve("v2.ome.zarr");
		assertThrows(IllegalArgumentException.class, () -> new OmeZarrExporter(OmeZarrOptions.defaults()
			.withVersion(NgffVersion.V0_4).withSharding(2)).exportLabels(new LabelImage("l", labels(), CAL,
				Collections.emptyMap(), null), out, null));
		assertFalse(Files.exists(out));
		assertEquals(0, leftovers());
	}

	@Test
	void anExistingOutputIsNeverTouchedWithoutOverwrite() throws Exception {
		final Path out = dir.resolve("x_labels.ome.zarr");
		Files.createDirectories(out);
		Files.write(out.resolve("keep.txt"), "mine".getBytes(StandardCharsets.UTF_8));
		final OmeZarrExporter exporter = new OmeZarrExporter(OmeZarrOptions.defaults());
		final LabelImage l = new LabelImage("l", labels(), CAL, Collections.emptyMap(), null);
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> exporter
			.exportLabels(l, out, null));
		assertTrue(e.getMessage().contains("x_labels.ome.zarr"), e.getMessage());
		assertEquals("mine", new String(Files.readAllBytes(out.resolve("keep.txt")), StandardCharsets.UTF_8));
		new OmeZarrExporter(OmeZarrOptions.defaults().withOverwrite(true)).exportLabels(l, out, null);
		assertFalse(Files.exists(out.resolve("keep.txt")));
		assertTrue(Files.exists(out.resolve("zarr.json")));
		assertEquals(0, leftovers());
	}

	@Test
	void aFailureHalfwayLeavesNothingBehind() throws Exception {
		final RandomAccessibleInterval<? extends RealType<?>> good = labels();
		final RandomAccessibleInterval<? extends RealType<?>> failing = Rasters.planar(new long[] { W, H, Z, T },
			PixelType.UINT16, i -> {
				if (i == Z + 1) throw new IllegalStateException("disk on fire at t=1 z=1");
				return Rasters.plane(good, i % Z, i / Z);
			});
		final Path out = dir.resolve("fail_labels.ome.zarr");
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> new OmeZarrExporter(
			OmeZarrOptions.defaults()).exportLabels(new LabelImage("l", failing, CAL, Collections.emptyMap(), null), out,
				null));
		assertTrue(e.getMessage().contains("t=1 z=1"));
		assertFalse(Files.exists(out));
		assertEquals(0, leftovers());
	}

	@Test
	void progressIsReportedPerPlaneAndLabelsMustMatchTheirImage() throws Exception {
		final List<String> calls = new java.util.ArrayList<>();
		final RandomAccessibleInterval<? extends RealType<?>> data = labels();
		new OmeZarrExporter(OmeZarrOptions.defaults().withProgress((stage, done, total) -> calls.add(stage + " " +
			done + "/" + total))).exportLabels(new LabelImage("l", data, CAL, Collections.emptyMap(), null), dir.resolve(
				"p_labels.ome.zarr"), null);
		assertEquals(T * Z, calls.size());
		assertEquals("p_labels.ome.zarr 6/6", calls.get(calls.size() - 1));

		final IntensityImage image = new IntensityImage("img", Rasters.planar(new long[] { 4, 4, 1, 1, 1 },
			PixelType.UINT8, i -> new byte[16]), Calibration.NONE, Collections.singletonList(new ImageChannel("c", Rgb
				.of(255, 255, 255), 0, 255, 0, 255)));
		final Path out = dir.resolve("img.ome.zarr");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OmeZarrExporter(
			OmeZarrOptions.defaults()).exportImage(image, Collections.singletonList(new LabelImage("l", data, CAL,
				Collections.emptyMap(), null)), out));
		assertTrue(e.getMessage().contains("\"l\"") && e.getMessage().contains("\"img\""), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void unknownUnitsAreRefusedByName() {
		final RandomAccessibleInterval<? extends RealType<?>> h = Rasters.planar(new long[] { 2, 2, 1, 1 },
			PixelType.UINT8, i -> new byte[4]);
		final Calibration furlong = new Calibration(1, 1, 1, "furlong", 1, null);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OmeZarrExporter(
			OmeZarrOptions.defaults()).exportLabels(new LabelImage("l", h, furlong, Collections.emptyMap(), null),
				dir.resolve("u.ome.zarr"), null));
		assertTrue(e.getMessage().contains("furlong"), e.getMessage());
	}

	@Test
	void anEmptyLabelImageIsStillValid() throws Exception {
		final RandomAccessibleInterval<? extends RealType<?>> h = Rasters.planar(new long[] { 8, 8, 1, 1 },
			PixelType.UINT8, i -> new byte[64]);
		final Path out = dir.resolve("empty.ome.zarr");
		new OmeZarrExporter(OmeZarrOptions.defaults()).exportLabels(new LabelImage("l", h, Calibration.NONE,
			Collections.emptyMap(), null), out, null);
		final JsonNode attrs = IndependentReaders.readAttributes(ZarrFormat.V3, out, ".");
		NgffSchemas.assertValid(NgffVersion.V0_5, "strict_label", attrs);
		NgffSchemas.assertValid(NgffVersion.V0_5, "strict_image", attrs);
		assertFalse(NgffMetadata.members(attrs).get("multiscales").get(0).get("axes").get(0).has("unit"));
		assertArrayEquals(new byte[64], IndependentReaders.readArray(ZarrFormat.V3, out, "0").data);
	}

	private long leftovers() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
		}
	}

	static double[] doubles(final JsonNode a) {
		final double[] d = new double[a.size()];
		for (int i = 0; i < d.length; i++)
			d[i] = a.get(i).asDouble();
		return d;
	}

	static String names(final JsonNode axes) {
		final StringBuilder b = new StringBuilder("[");
		for (final JsonNode a : axes)
			b.append(b.length() > 1 ? "," : "").append('"').append(a.get("name").asText()).append('"');
		return b.append(']').toString();
	}

	static JsonNode find(final JsonNode list, final long value) {
		for (final JsonNode n : list)
			if (n.get("label-value").asLong() == value) return n;
		throw new AssertionError("no entry for label " + value + " in " + list);
	}

	static byte[] bytes(final RandomAccessibleInterval<? extends RealType<?>> h) {
		final ByteBuffer b = ByteBuffer.allocate((int) h.size() * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int t = 0; t < h.dimension(3); t++)
			for (int z = 0; z < h.dimension(2); z++)
				for (final short v : (short[]) Rasters.plane(h, z, t))
					b.putShort(v);
		return b.array();
	}

	static Map<Integer, Integer> counts(final byte[] uint16) {
		final Map<Integer, Integer> m = new HashMap<>();
		final ByteBuffer b = ByteBuffer.wrap(uint16).order(ByteOrder.LITTLE_ENDIAN);
		while (b.hasRemaining())
			m.merge(b.getShort() & 0xffff, 1, Integer::sum);
		return m;
	}

	static List<String> sorted(final Set<Integer> s) {
		return s.stream().sorted().map(String::valueOf).collect(Collectors.toList());
	}
}
