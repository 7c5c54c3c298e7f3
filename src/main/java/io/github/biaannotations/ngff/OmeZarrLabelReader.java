package io.github.biaannotations.ngff;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.model.Calibration;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.LabelInfo;
import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.model.Rasters;
import io.github.biaannotations.model.Rgb;
import io.github.biaannotations.zarr.ArraySpec;
import io.github.biaannotations.zarr.DataType;
import io.github.biaannotations.zarr.FileSystemStore;
import io.github.biaannotations.zarr.Planes;
import io.github.biaannotations.zarr.ZarrArrayReader;
import io.github.biaannotations.zarr.ZarrFormat;
import io.github.biaannotations.zarr.ZarrGroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a label image back from an OME-Zarr (0.4 or 0.5): either a standalone label OME-Zarr or one of the
 * {@code labels/<name>} of an image's OME-Zarr. Returns the full-resolution labels with calibration, names,
 * classes and colours, ready to become an ImagePlus.
 */
public final class OmeZarrLabelReader {

	private OmeZarrLabelReader() {}

	/** The label names listed in {@code labels/} of an image's OME-Zarr (empty when there are none). */
	public static List<String> labelNames(final Path root) throws IOException {
		final FileSystemStore store = new FileSystemStore(root);
		final List<String> names = new ArrayList<>();
		if (!store.contains("labels/zarr.json") && !store.contains("labels/.zattrs")) return names;
		for (final JsonNode n : NgffMetadata.members(ZarrGroups.readAttributes(store, "labels")).path("labels"))
			names.add(n.asText());
		return names;
	}

	/**
	 * Reads a label image. With {@code name == null} the root must be a label image, or an image with
	 * exactly one label image; otherwise {@code labels/<name>} is read.
	 */
	public static LabelImage read(final Path root, final String name) throws IOException {
		if (!Files.isDirectory(root)) throw new IOException(root + ": no such OME-Zarr folder");
		final FileSystemStore store = new FileSystemStore(root);
		String group = "";
		JsonNode members = NgffMetadata.members(ZarrGroups.readAttributes(store, ""));
		if (name != null || !members.has("image-label")) {
			final List<String> names = labelNames(root);
			final String chosen;
			if (name != null) {
				if (!names.contains(name)) throw new IOException(root + ": no label image \"" + name + "\" (" + (names
					.isEmpty() ? "it has none under labels/" : "it has " + String.join(", ", names)) + ")");
				chosen = name;
			}
			else if (names.size() == 1) chosen = names.get(0);
			else throw new IOException(root + (names.isEmpty()
				? ": neither a label image (no image-label) nor an image with labels/"
				: ": holds several label images " + names + ": name one"));
			group = "labels/" + chosen;
			members = NgffMetadata.members(ZarrGroups.readAttributes(store, group));
		}
		final String where = store.describe(group);
		final JsonNode ms = members.path("multiscales").path(0);
		if (ms.isMissingNode()) throw new IOException(where + ": no multiscales in the group metadata");
		final List<String> axes = new ArrayList<>();
		final Map<String, String> units = new HashMap<>();
		for (final JsonNode a : ms.path("axes")) {
			final String n = a.isTextual() ? a.asText() : a.path("name").asText();
			axes.add(n);
			if (a.hasNonNull("unit")) units.put(n, a.get("unit").asText());
		}
		for (final String a : axes)
			if (!Arrays.asList("t", "c", "z", "y", "x").contains(a)) throw new IOException(where + ": axis \"" + a +
				"\" is not one of t, c, z, y, x");
		final JsonNode ds = ms.path("datasets").path(0);
		final String path = ds.path("path").asText(null);
		if (path == null) throw new IOException(where + ": multiscales[0].datasets[0].path missing");
		final ZarrArrayReader array = ZarrArrayReader.open(store, ZarrFormat.join(group, path));
		final ArraySpec spec = array.spec();
		if (spec.rank() != axes.size()) throw new IOException(where + ": " + axes.size() + " axes but array " +
			path + " has rank " + spec.rank());
		if (!"y".equals(axes.get(axes.size() - 2)) || !"x".equals(axes.get(axes.size() - 1)))
			throw new IOException(where + ": the last two axes must be y and x, found " + axes);
		final DataType type = spec.dataType();
		if (type.isFloatingPoint() || type.bytes() == 8) throw new IOException(where + ": label data type " + type
			.v3Name() + " is not supported (8 to 32-bit integers)");
		final int sizeT = size(spec, axes, "t"), sizeC = size(spec, axes, "c"), sizeZ = size(spec, axes, "z");
		if (sizeC != 1) throw new IOException(where + ": a label image has one channel, found c=" + sizeC);
		final double[] scale = new double[axes.size()];
		Arrays.fill(scale, 1);
		for (final JsonNode ct : ds.path("coordinateTransformations"))
			if ("scale".equals(ct.path("type").asText())) for (int i = 0; i < scale.length; i++)
				scale[i] = ct.path("scale").path(i).asDouble(1);
		final Calibration cal = new Calibration(scale[axes.indexOf("x")], scale[axes.indexOf(
			"y")], axes.contains("z") ? scale[axes.indexOf("z")] : 1, units.get("x"), axes.contains("t")
				? scale[axes.indexOf("t")] : 1, units.get("t"));
		checkFitsInMemory(spec, where);
		final Object[] planes = new Object[sizeZ * sizeT];
		final byte[][] read = array.readAllPlanes(); // by leading index in row-major order
		for (int i = 0; i < read.length; i++) {
			int rest = i, t = 0, z = 0;
			for (int d = axes.size() - 3; d >= 0; d--) {
				final int at = rest % (int) spec.shape(d);
				rest /= (int) spec.shape(d);
				if ("t".equals(axes.get(d))) t = at;
				else if ("z".equals(axes.get(d))) z = at;
			}
			planes[t * sizeZ + z] = Planes.fromBytes(read[i], type); // z fastest, as the raster's planes
			read[i] = null; // converted: the bytes can go
		}
		final long[] dims = { spec.shape(spec.rank() - 1), spec.shape(spec.rank() - 2), sizeZ, sizeT };
		return new LabelImage(group.isEmpty() ? ms.path("name").asText("labels") : group.substring(7), Rasters
			.planar(dims, pixelType(type), i -> planes[i]), cal, labelInfo(members.path("image-label")), null);
	}

	/** The raster pixel type of a Zarr integer type (8 to 32 bits). */
	private static PixelType pixelType(final DataType t) {
		switch (t) {
			case UINT8: return PixelType.UINT8;
			case INT8: return PixelType.INT8;
			case UINT16: return PixelType.UINT16;
			case INT16: return PixelType.INT16;
			case UINT32: return PixelType.UINT32;
			default: return PixelType.INT32;
		}
	}

	/** The whole label image is read into memory: refuse, naming the array, what cannot fit (or overflows). */
	private static void checkFitsInMemory(final ArraySpec spec, final String where) throws IOException {
		final int n = spec.rank();
		final long[] shape = new long[n];
		double bytes = spec.dataType().bytes();
		for (int d = 0; d < n; d++) {
			shape[d] = spec.shape(d);
			bytes *= shape[d];
		}
		final double planeBytes = (double) shape[n - 2] * shape[n - 1] * spec.dataType().bytes();
		if (bytes > Runtime.getRuntime().maxMemory() || planeBytes > Integer.MAX_VALUE - 8)
			throw new IOException(where + ": a label image of shape " + Arrays.toString(shape) + " (" + Math.round(
				bytes / (1 << 20)) + " MB) is too large to read into memory here");
	}

	private static int size(final ArraySpec spec, final List<String> axes, final String axis) {
		final int i = axes.indexOf(axis);
		return i < 0 ? 1 : (int) spec.shape(i);
	}

	private static Map<Long, LabelInfo> labelInfo(final JsonNode imageLabel) {
		final Map<Long, Rgb> colours = new HashMap<>();
		for (final JsonNode c : imageLabel.path("colors")) {
			final JsonNode rgba = c.path("rgba");
			if (c.has("label-value") && rgba.size() >= 3) colours.put(c.get("label-value").asLong(), Rgb.of(rgba
				.get(0).asInt(), rgba.get(1).asInt(), rgba.get(2).asInt()));
		}
		final Map<Long, LabelInfo> info = new HashMap<>();
		for (final JsonNode p : imageLabel.path("properties")) {
			final long v = p.path("label-value").asLong();
			if (v == 0) continue; // background, not a label
			info.put(v, new LabelInfo(p.path("name").asText(null), p.path("class").asText(null), colours.remove(v)));
		}
		colours.remove(0L);
		for (final Map.Entry<Long, Rgb> e : colours.entrySet())
			info.put(e.getKey(), new LabelInfo(null, null, e.getValue()));
		return info;
	}
}
