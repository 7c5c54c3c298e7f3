package io.github.biaannotations.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ShortProcessor;

import io.github.biaannotations.testutil.ConformanceInputs;
import io.github.biaannotations.testutil.Consumers;
import io.github.biaannotations.zarr.IndependentReaders;
import io.github.biaannotations.zarr.ZarrFormat;

/**
 * Our OME-Zarr exports, made with the command line from {@link ConformanceInputs}, read by the programs that
 * read OME-Zarr: ome-zarr-models 1.7 (validation), zarr-python 3.1.6 and tensorstore 0.1.85 (every array),
 * ome-zarr-py 0.16.0 (napari's reader: labels, colours, properties, its warnings), Fiji's N5 reader (n5-zarr)
 * and zarrita. Six packages: 2D and 3D, OME-NGFF 0.4 and 0.5, with the image (its label images beside it, each
 * naming it as their source) and without, sharded, blosc, labels from ROIs (instance and semantic), and a 2-channel label
 * image beside a 2-channel image large enough for a 5-level pyramid and shards of several chunks.
 */
class OmeZarrConsumersTest {

	/** Warnings ome-zarr-py gives on any 0.4 group (it asks for 0.5 first) and on labels without an image. */
	private static final String V04_WARNING = "WARNING ome_zarr.io: version mismatch: detected: FormatV04, " +
		"requested: FormatV05";
	private static final Pattern NO_PARENT_WARNING = Pattern.compile(
		"WARNING ome_zarr\\.reader: no parent found for <ome_zarr\\.reader\\.Label object at 0x[0-9a-f]+>: None");

	@TempDir
	static Path dir;

	private static ConformanceInputs in;
	private static Path channels, channelLabels;
	/**
	 * The packages: 2D 0.5 with the image, blosc; 2D 0.4 without; 3D 0.5 with, sharded; 3D 0.4 with, blosc;
	 * 2-channel 0.5 with, sharded; 3D 0.5 without, sharded.
	 */
	private static Path p2d05, p2d04, p3d05, p3d04, pChannels, p3d05Labels;
	private static final List<Path> ALL = new ArrayList<>();

	@BeforeAll
	static void export() throws IOException {
		in = ConformanceInputs.write(dir.resolve("in"));
		channels = dir.resolve("in/channels.tif");
		channelLabels = dir.resolve("in/channels_labels.tif");
		writeChannels();
		p2d05 = in.export(dir.resolve("2d-0.5"), "--image", in.image2d, "--rois", in.rois2d, "--labels", in.labels2d,
			"--labels-from-rois", "instance", "--include-image", "--compression", "blosc");
		p2d04 = in.export(dir.resolve("2d-0.4"), "--image", in.image2d, "--rois", in.rois2d, "--labels", in.labels2d,
			"--labels-from-rois", "semantic", "--zarr-version", "0.4");
		p3d05 = in.export(dir.resolve("3d-0.5"), "--image", in.stack, "--rois", in.stackRois, "--labels",
			in.stackLabels, "--labels-from-rois", "instance", "--include-image", "--shard", "2");
		p3d04 = in.export(dir.resolve("3d-0.4"), "--image", in.stack, "--labels", in.stackLabels, "--include-image",
			"--zarr-version", "0.4", "--compression", "blosc");
		pChannels = in.export(dir.resolve("channels-0.5"), "--image", channels, "--labels", channelLabels,
			"--include-image", "--shard", "2");
		p3d05Labels = in.export(dir.resolve("3d-0.5-labels"), "--image", in.stack, "--rois", in.stackRois, "--labels",
			in.stackLabels, "--labels-from-rois", "semantic", "--shard", "2");
		ALL.addAll(Arrays.asList(p2d05, p2d04, p3d05, p3d04, pChannels, p3d05Labels));
	}

	/** Every group is valid as the model its metadata names, and label groups as image labels, not plain images. */
	@Test
	void omeZarrModelsValidatesEveryImageAndLabelGroup() {
		final Consumers.Verdict v = Consumers.python("ome-zarr-models-validate", ALL.toArray()).assertAccepted();
		final Map<String, String> expected = new LinkedHashMap<>();
		final String image05 = "ome_zarr_models.v05.image.Image ", labels05 = "ome_zarr_models.v05.labels.Labels ",
			label05 = "ome_zarr_models.v05.image_label.ImageLabel ";
		// 0.4: the group models cannot run under the venv's pydantic; the attribute models (every rule) then do
		final String image04 = "ome_zarr_models.v04.image.Image", labels04 = "ome_zarr_models.v04.labels.Labels",
			label04 = "ome_zarr_models.v04.image_label.ImageLabel";
		expected.put(p2d05 + "/images/cells.ome.zarr", image05);
		expected.put(p2d05 + "/annotations/cells/cells_labels.ome.zarr", label05);
		expected.put(p2d05 + "/annotations/cells/cells_roi_labels.ome.zarr", label05);
		expected.put(p2d04 + "/annotations/cells/cells_labels.ome.zarr", label04);
		expected.put(p2d04 + "/annotations/cells/cells_roi_labels.ome.zarr", label04);
		expected.put(p3d05 + "/images/stack.ome.zarr", image05);
		expected.put(p3d05 + "/annotations/stack/stack_labels.ome.zarr", label05);
		expected.put(p3d05 + "/annotations/stack/stack_roi_labels.ome.zarr", label05);
		expected.put(p3d04 + "/images/stack.ome.zarr", image04);
		expected.put(p3d04 + "/annotations/stack/stack_labels.ome.zarr", label04);
		expected.put(pChannels + "/images/channels.ome.zarr", image05);
		expected.put(pChannels + "/annotations/channels/channels_labels_c1.ome.zarr", label05);
		expected.put(pChannels + "/annotations/channels/channels_labels_c2.ome.zarr", label05);
		expected.put(p3d05Labels + "/annotations/stack/stack_labels.ome.zarr", label05);
		expected.put(p3d05Labels + "/annotations/stack/stack_roi_labels.ome.zarr", label05);
		for (final Map.Entry<String, String> e : expected.entrySet())
			assertEquals(1, v.lines("  " + e.getKey() + ": valid " + e.getValue()).size(), () -> e.getKey() +
				" is not valid as " + e.getValue() + ":\n" + v);
		assertEquals(expected.size(), v.output.split(": valid ", -1).length - 1, () -> "groups validated:\n" + v);
		// at 0.5 the models check the arrays too: a label image has its image's axes and as many levels
		assertEquals(1, v.lines("  " + pChannels + "/images/channels.ome.zarr: valid " + image05 +
			"(zarr v3, OME-Zarr 0.5); axes c,y,x; levels 0,1,2,3,4; members ['0', '1', '2', '3', '4']").size(),
			v::toString);
		assertEquals(1, v.lines("  " + pChannels + "/annotations/channels/channels_labels_c1.ome.zarr: valid " +
			label05 + "(zarr v3, OME-Zarr 0.5); axes c,y,x; levels 0,1,2,3,4;").size(), v::toString);
	}

	/** zarr-python and tensorstore read every array whole and agree; the shards group chunks along every axis. */
	@Test
	void zarrPythonAndTensorstoreReadEveryArray() {
		final Consumers.Verdict v = Consumers.python("zarr-read", ALL.toArray()).assertAccepted();
		final int arrays = v.output.split(": zarr v[23] shape ", -1).length - 1;
		// 1 + 2 + 2 + 3 + 2 + 5 x 3 + 2 arrays: pyramids of one level, but five for the 2100 x 1100 image
		assertEquals(27, arrays, v::toString);
		assertEquals(arrays, v.output.split("; same values as zarr-python", -1).length - 1, v::toString);
		// 3D sharded: a shard holds both frames and both channels, not one chunk (issue 12, item 9)
		assertLine(v, "  " + p3d05 + "/images/stack.ome.zarr/0: zarr v3 shape (2, 2, 4, 48, 64) dtype uint16 " +
			"chunks (1, 1, 4, 48, 64) shards (2, 2, 4, 48, 64) ");
		assertLine(v, "  " + p3d05 + "/annotations/stack/stack_labels.ome.zarr/0: zarr v3 shape (2, 1, 4, 48, 64) " +
			"dtype uint16 chunks (1, 1, 4, 48, 64) shards (2, 1, 4, 48, 64) ");
		assertLine(v, "  " + p3d05Labels + "/annotations/stack/stack_labels.ome.zarr/0: zarr v3 shape (2, 4, 48, 64) " +
			"dtype uint16 chunks (1, 4, 48, 64) shards (2, 4, 48, 64) ");
		// both channels and 2 x 2 chunks (partial at the edges) in one shard
		assertLine(v, "  " + pChannels + "/images/channels.ome.zarr/0: zarr v3 shape (2, 1100, 2100) dtype uint16 " +
			"chunks (1, 1024, 2048) shards (2, 2048, 4096) ");
		assertLine(v, "  " + pChannels + "/annotations/channels/channels_labels_c2.ome.zarr/4: zarr v3 shape " +
			"(1, 69, 132) ");
		assertTrue(v.lines("  " + p2d05 + "/annotations/cells/cells_labels.ome.zarr/0: zarr v3 shape (160, 200) ")
			.get(0).contains("{\"name\": \"blosc\""), v::toString);
		assertTrue(v.lines("  " + p3d04 + "/annotations/stack/stack_labels.ome.zarr/0: zarr v2 shape (2, 1, 4, " +
			"48, 64) ").get(0).contains("compressor Blosc(cname='zstd'"), v::toString);
	}

	/**
	 * ome-zarr-py finds every label image with its colours and properties (background 0 included), and warns
	 * only that 0.4 is not the version it asks for first and that labels without their image have no parent.
	 */
	@Test
	void omeZarrPyReadsTheLabelsTheirColoursAndProperties() {
		final Consumers.Verdict v = Consumers.python("ome-zarr-read", ALL.toArray()).assertAccepted();
		final List<String> labelNodes = new ArrayList<>();
		String group = null, version = null;
		for (final String line : v.output.split("\n")) {
			final Matcher top = Pattern.compile("^  (\\S.*): parse_url: OME-Zarr version (\\S+)$").matcher(line);
			if (top.matches()) {
				group = top.group(1);
				version = top.group(2);
			}
			else if (line.startsWith("    node ") && line.contains("specs ['Label', 'Multiscales']")) {
				labelNodes.add(line);
				final Matcher m = Pattern.compile("'colors': '(\\d+) .*'properties': [\"'](\\d+) ").matcher(line);
				assertTrue(m.find(), () -> "no colours or properties: " + line);
				assertEquals(m.group(1), m.group(2), () -> "as many properties as colours: " + line);
			}
			else if (line.startsWith("    log ")) {
				final String log = line.substring(8), where = group;
				// without --include-image a label image has no image to name as its source
				final boolean standalone = group != null && (group.startsWith(p2d04.toString()) || group.startsWith(
					p3d05Labels.toString()));
				assertTrue("0.4".equals(version) && log.equals(V04_WARNING) || standalone && NO_PARENT_WARNING.matcher(log)
					.matches(), () -> "ome-zarr-py warned about " + where + ": " + log + "\n" + v);
			}
		}
		assertEquals(11, labelNodes.size(), () -> "label images found:\n" + v);
		// 12 ellipses, a label with a hole, one of two parts, and background: 15 values with colour and properties
		assertNode(v, p2d05 + "/annotations/cells/cells_labels.ome.zarr: specs ['Label', 'Multiscales'], levels " +
			"[(160, 200)]", "'colors': '15 (e.g. {0: [0.0, 0.0, 0.0, 0.0]", "'properties': \"15 (e.g. {0: {'name': " +
				"'background', 'voxel count': ");
		assertNode(v, p2d04 + "/annotations/cells/cells_labels.ome.zarr: specs ['Label', 'Multiscales'], levels " +
			"[(160, 200)]", "'colors': '15 ");
		// labels from ROIs keep the image's calibration
		assertNode(v, p2d05 + "/annotations/cells/cells_roi_labels.ome.zarr: specs ['Label', 'Multiscales']",
			"'axes': [{'name': 'y', 'type': 'space', 'unit': 'micrometer'}");
		assertNode(v, p3d05 + "/annotations/stack/stack_labels.ome.zarr: specs ['Label', 'Multiscales'], levels " +
			"[(2, 1, 4, 48, 64)]", "'colors': '4 ");
		assertNode(v, pChannels + "/annotations/channels/channels_labels_c1.ome.zarr: specs ['Label', " +
			"'Multiscales'], levels [(1, 1100, 2100), (1, 550, 1050), (1, 275, 525), (1, 138, 263), (1, 69, 132)]",
			"'colors': '" + (CELLS + 1) + " ");
		assertNode(v, pChannels + "/annotations/channels/channels_labels_c2.ome.zarr: specs ['Label', " +
			"'Multiscales']", "'colors': '4 ");
		// the image, read itself and as the source (parent) each of its two label images names
		final String image = "    node " + pChannels + "/images/channels.ome.zarr: specs ['Multiscales', 'OMERO'], " +
			"levels [(2, 1100, 2100), (2, 550, 1050), (2, 275, 525), (2, 138, 263), (2, 69, 132)], visible ";
		assertEquals(1, v.lines(image + "True").size(), v::toString);
		assertEquals(2, v.lines(image + "False").size(), () -> "the label images' source is not their image:\n" + v);
		assertTrue(v.lines(image + "True").get(0).contains("'channel_names': ['Channel 1', 'Channel 2']"), v::toString);
	}

	/**
	 * Fiji's N5 reader lists and reads every dataset (blosc, zstd, sharded, 0.4 and 0.5), reads the values we
	 * were given, and parses every multiscale with its scales.
	 */
	@Test
	void fijisN5ReaderReadsEveryDataset() throws IOException {
		final Object[][] trees = { //
			{ p2d05.resolve("images/cells.ome.zarr"), 1, 1 }, //
			{ p2d05.resolve("annotations/cells/cells_labels.ome.zarr"), 1, 1 }, //
			{ p2d05.resolve("annotations/cells/cells_roi_labels.ome.zarr"), 1, 1 }, //
			{ p2d04.resolve("annotations/cells/cells_roi_labels.ome.zarr"), 1, 1 }, //
			{ p3d05.resolve("images/stack.ome.zarr"), 1, 1 }, //
			{ p3d05.resolve("annotations/stack/stack_labels.ome.zarr"), 1, 1 }, //
			{ p3d04.resolve("annotations/stack/stack_labels.ome.zarr"), 1, 1 }, //
			{ pChannels.resolve("images/channels.ome.zarr"), 5, 1 }, //
			{ p3d05Labels.resolve("annotations/stack/stack_labels.ome.zarr"), 1, 1 } };
		final Map<String, Consumers.Verdict> read = new LinkedHashMap<>();
		for (final Object[] t : trees) {
			final Consumers.Verdict v = Consumers.n5Zarr((Path) t[0], "--strict").assertAccepted();
			assertEquals(1, v.lines("result: OK").size(), v::toString);
			assertEquals((int) t[1], v.lines("  summary: ").size(), () -> "datasets read:\n" + v);
			assertEquals(1, v.lines("ngff: " + t[2] + " multiscales parsed by n5-universe").size(), v::toString);
			read.put(((Path) t[0]).toString(), v);
		}
		// the values of level 0 are those of the TIFFs exported, in C order
		final Consumers.Verdict stack = read.get(p3d05.resolve("images/stack.ome.zarr").toString());
		assertLine(stack, "  summary: 0 shape=[2, 2, 4, 48, 64] dtype=uint16 sha256=" + sha256(tiffBytes(in.stack)));
		final Consumers.Verdict stackLabels = read.get(p3d05.resolve("annotations/stack/stack_labels.ome.zarr")
			.toString());
		assertLine(stackLabels, "  summary: 0 shape=[2, 1, 4, 48, 64] dtype=uint16 sha256=" + sha256(tiffBytes(
			in.stackLabels)));
		// image and labels: each one shard of several chunks, read whole and chunk by chunk alike
		for (final Consumers.Verdict v : Arrays.asList(stack, stackLabels))
			assertEquals(1, v.lines("  shards: 1 read, 0 missing; whole-shard readBlock sha256 matches chunk-wise " +
				"read").size(), v::toString);
		final Consumers.Verdict big = read.get(pChannels.resolve("images/channels.ome.zarr").toString());
		assertLine(big, "  summary: 0 shape=[2, 1100, 2100] dtype=uint16 sha256=" + sha256(tiffBytes(channels)));
		assertLine(read.get(p3d04.resolve("annotations/stack/stack_labels.ome.zarr").toString()), "  summary: 0 " +
			"shape=[2, 1, 4, 48, 64] dtype=uint16 sha256=" + sha256(tiffBytes(in.stackLabels)));
		assertLine(read.get(p2d05.resolve("annotations/cells/cells_labels.ome.zarr").toString()), "  summary: 0 " +
			"shape=[160, 200] dtype=uint16 sha256=" + sha256(tiffBytes(in.labels2d)));
		// the labels drawn from ROIs are at the image's scale, in its unit
		final Consumers.Verdict roiLabels = read.get(p2d05.resolve("annotations/cells/cells_roi_labels.ome.zarr")
			.toString());
		assertTrue(roiLabels.output.contains("multiscales[0]: name=cells_roi_labels version=0.5 (ome.version) " +
			"axes=[y:space:micrometer,x:space:micrometer]"), roiLabels::toString);
	}

	/** zarrita reads the sharded arrays, shards of several chunks along c and t included, as the TIFFs hold them. */
	@Test
	void zarritaReadsTheShardedArrays() throws Exception {
		final Path stack = p3d05.resolve("images/stack.ome.zarr");
		assertArrayEquals(tiffBytes(in.stack), IndependentReaders.readArray(ZarrFormat.V3, stack, "0").data);
		assertArrayEquals(tiffBytes(in.stackLabels), IndependentReaders.readArray(ZarrFormat.V3, p3d05.resolve(
			"annotations/stack/stack_labels.ome.zarr"), "0").data);
		assertArrayEquals(tiffBytes(channels), IndependentReaders.readArray(ZarrFormat.V3, pChannels.resolve(
			"images/channels.ome.zarr"), "0").data);
	}

	private static void assertLine(final Consumers.Verdict v, final String start) {
		assertEquals(1, v.lines(start).size(), () -> "no line starting '" + start + "':\n" + v);
	}

	private static void assertNode(final Consumers.Verdict v, final String node, final String... parts) {
		final List<String> found = v.lines("    node " + node);
		assertEquals(1, found.size(), () -> "no node '" + node + "':\n" + v);
		for (final String p : parts)
			assertTrue(found.get(0).contains(p), () -> "'" + p + "' not in " + found.get(0));
	}

	/** Cells of the 2-channel label image's first channel (instance labels); its second holds 3 classes. */
	private static final int CELLS = 40;

	/** A 2-channel 2100 x 1100 image and its 2-channel label image: instance cells, and 3 semantic bands. */
	private static void writeChannels() throws IOException {
		final int w = 2100, h = 1100;
		final ImageStack image = new ImageStack(w, h), labels = new ImageStack(w, h);
		for (int c = 0; c < 2; c++) {
			final ShortProcessor ip = new ShortProcessor(w, h), lp = new ShortProcessor(w, h);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					ip.set(x, y, (x * (c + 3) + y * 7) % 3000);
			if (c == 0) for (int i = 0; i < CELLS; i++) {
				final int cx = 100 + i % 10 * 200, cy = 120 + i / 10 * 260, r = 40 + i;
				for (int y = cy - r; y <= cy + r; y++)
					for (int x = cx - r; x <= cx + r; x++)
						if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) lp.set(x, y, i + 1);
			}
			else for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					lp.set(x, y, y < 300 ? 0 : 1 + x * 3 / w);
			image.addSlice(ip);
			labels.addSlice(lp);
		}
		save(image, "channels", channels);
		save(labels, "channels_labels", channelLabels);
	}

	private static void save(final ImageStack stack, final String title, final Path file) throws IOException {
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(2, 1, 1);
		final Calibration cal = new Calibration();
		cal.pixelWidth = 0.25;
		cal.pixelHeight = 0.25;
		cal.setUnit("micron");
		imp.setCalibration(cal);
		if (!new FileSaver(imp).saveAsTiffStack(file.toString())) throw new IOException("could not save " + file);
	}

	/** A TIFF's 16-bit values in the C order of its OME-Zarr array (t, c, z, y, x), little-endian. */
	private static byte[] tiffBytes(final Path tiff) {
		final ImagePlus imp = IJ.openImage(tiff.toString());
		final ByteBuffer b = ByteBuffer.allocate(imp.getStackSize() * imp.getWidth() * imp.getHeight() * 2).order(
			ByteOrder.LITTLE_ENDIAN);
		for (int t = 1; t <= imp.getNFrames(); t++)
			for (int c = 1; c <= imp.getNChannels(); c++)
				for (int z = 1; z <= imp.getNSlices(); z++)
					for (final short s : (short[]) imp.getStack().getPixels(imp.getStackIndex(c, z, t)))
						b.putShort(s);
		return b.array();
	}

	private static String sha256(final byte[] bytes) {
		try {
			final StringBuilder hex = new StringBuilder();
			for (final byte x : MessageDigest.getInstance("SHA-256").digest(bytes))
				hex.append(String.format("%02x", x));
			return hex.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
