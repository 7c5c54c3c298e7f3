package io.github.biaannotations.ngff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.labels.Downsampling;
import io.github.biaannotations.model.AtomicDirectory;
import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.IntensityImage;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.OptionException;
import io.github.biaannotations.zarr.FileSystemStore;
import io.github.biaannotations.zarr.ZarrFormat;
import io.github.biaannotations.zarr.ZarrGroups;
import io.github.biaannotations.zarr.ZarrStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes label images (and optionally their source image) as OME-Zarr: OME-NGFF 0.5 on Zarr v3 by default,
 * 0.4 on Zarr v2 on request. Output goes to a temporary sibling folder that is renamed into place only when
 * complete, so a failed or cancelled export leaves nothing behind and never damages an existing output.
 */
public final class OmeZarrExporter {

	private final OmeZarrOptions options;

	/** @throws IllegalArgumentException when the options contradict each other (sharding with 0.4) */
	public OmeZarrExporter(final OmeZarrOptions options) {
		if (options.shardFactor() > 0 && options.version().zarrFormat() != ZarrFormat.V3)
			throw new OptionException("shard", "sharding needs OME-NGFF 0.5 (Zarr v3), not " + options.version()
				.text());
		this.options = options;
	}

	/**
	 * Writes one label image as a standalone label OME-Zarr (conventionally {@code <image>_labels.ome.zarr}):
	 * a multiscale image with {@code image-label} metadata at the root.
	 *
	 * @param sourceImage relative path from {@code out} to the source image's OME-Zarr for
	 *          {@code image-label.source}, or {@code null} to omit it
	 */
	public ExportedLabels exportLabels(final LabelImage labels, final Path out, final String sourceImage)
		throws IOException
	{
		return exportLabels(labels, out, sourceImage, false);
	}

	/**
	 * As {@link #exportLabels(LabelImage, Path, String)} for a label image kept apart from the OME-Zarr of the
	 * image it annotates ({@code sourceImage}, relative to {@code out}): its axes are those it would have under the
	 * image's {@code labels/}, a channel axis of size 1 included when {@code image} has channels.
	 */
	public ExportedLabels exportLabels(final LabelImage labels, final Path out, final String sourceImage,
		final IntensityImage image) throws IOException
	{
		return exportLabels(labels, out, sourceImage, AxisLayout.of(RasterPlanes.of(image), false, options
			.maxPlaneSide()).hasC());
	}

	private ExportedLabels exportLabels(final LabelImage labels, final Path out, final String sourceImage,
		final boolean channelAxis) throws IOException
	{
		final AxisLayout layout = AxisLayout.of(RasterPlanes.of(labels), channelAxis, options.maxPlaneSide());
		layout.units(); // refuses unknown units before anything is written
		final List<ExportedLabels> result = new ArrayList<>();
		writeAtomically(out, store -> result.add(writeLabelGroup(store, "", labels, layout, sourceImage, out)));
		return result.get(0);
	}

	/**
	 * Writes an image as {@code <image>.ome.zarr} with its channels ({@code omero}), an
	 * {@code OME/METADATA.ome.xml}, and each label image under {@code labels/<name>} with {@code source}
	 * pointing back to the image. Label images must match the image in t, z, y and x.
	 */
	public List<ExportedLabels> exportImage(final IntensityImage image, final List<LabelImage> labels,
		final Path out) throws IOException
	{
		final RasterPlanes img = RasterPlanes.of(image);
		final AxisLayout layout = AxisLayout.of(img, false, options.maxPlaneSide());
		layout.units();
		final Set<String> names = new HashSet<>();
		final List<AxisLayout> labelLayouts = new ArrayList<>();
		for (final LabelImage l : labels) {
			if (!names.add(l.name())) throw new ImageException("two label images are named \"" + l
				.name() + "\"", l.name(), null);
			final RasterPlanes d = RasterPlanes.of(l);
			if (d.sizeT() != img.sizeT() || d.sizeZ() != img.sizeZ() || d.sizeY() != img.sizeY() || d
				.sizeX() != img.sizeX()) throw new ImageException("label image \"" + l.name() +
					"\" is " + size(d) + " but image \"" + image.name() + "\" is " + size(img) +
					": they must match in t, z, y and x", l.name(), null);
			labelLayouts.add(AxisLayout.of(d, layout.hasC(), options.maxPlaneSide()));
		}
		final List<ExportedLabels> result = new ArrayList<>();
		writeAtomically(out, store -> {
			final NgffVersion v = options.version();
			MultiscaleWriter.write(store, "", img, layout, options, Downsampling.Method.MEAN, null, out
				.getFileName().toString());
			final Map<String, JsonNode> members = new LinkedHashMap<>();
			members.put("multiscales", JsonNodeFactory.instance.arrayNode().add(NgffMetadata.multiscale(v, image
				.name(), layout, Downsampling.Method.MEAN.ngffType(), "image pyramid by 2x2 mean")));
			members.put("omero", NgffMetadata.omero(v, image.channels()));
			ZarrGroups.write(store, v.zarrFormat(), "", NgffMetadata.attributes(v, members));
			if (!labels.isEmpty()) {
				final ObjectNode labelList = JsonNodeFactory.instance.objectNode();
				final com.fasterxml.jackson.databind.node.ArrayNode list = labelList.putArray("labels");
				for (final LabelImage l : labels)
					list.add(l.name());
				ZarrGroups.write(store, v.zarrFormat(), "labels", NgffMetadata.attributes(v, Collections
					.singletonMap("labels", labelList.get("labels"))));
				for (int i = 0; i < labels.size(); i++)
					result.add(writeLabelGroup(store, "labels/" + labels.get(i).name(), labels.get(i), labelLayouts
						.get(i), "../../", out));
			}
			final ObjectNode series = JsonNodeFactory.instance.objectNode();
			series.putArray("series").add(".");
			ZarrGroups.write(store, v.zarrFormat(), "OME", NgffMetadata.attributes(v, Collections.singletonMap(
				"series", series.get("series"))));
			store.put("OME/METADATA.ome.xml", OmeXml.build(image).getBytes(StandardCharsets.UTF_8));
		});
		return result;
	}

	private ExportedLabels writeLabelGroup(final ZarrStore store, final String path, final LabelImage labels,
		final AxisLayout layout, final String source, final Path out) throws IOException
	{
		final NgffVersion v = options.version();
		final RasterPlanes d = RasterPlanes.of(labels);
		final LabelStatistics stats = new LabelStatistics();
		final Downsampling.Method method = options.labelDownsampling();
		MultiscaleWriter.write(store, path, d, layout, options, method, (plane, t, c, z) -> stats.addPlane(plane,
			d.sizeX(), t, z), out.getFileName() + (path.isEmpty() ? "" : "/" + path));
		final Map<String, JsonNode> members = new LinkedHashMap<>();
		members.put("multiscales", JsonNodeFactory.instance.arrayNode().add(NgffMetadata.multiscale(v, labels
			.name(), layout, method.ngffType(), "label pyramid by 2x2 " + method.ngffType() +
				" sampling: every level holds only full-resolution label values")));
		final TreeMap<Long, LabelStatistics.Entry> entries = stats.entries();
		members.put("image-label", NgffMetadata.imageLabel(v, labels, entries, layout.names(), source));
		ZarrGroups.write(store, v.zarrFormat(), path, NgffMetadata.attributes(v, members));
		return new ExportedLabels(labels.name(), path, layout.levels(), entries);
	}

	private static String size(final RasterPlanes h) {
		return "t=" + h.sizeT() + " z=" + h.sizeZ() + " y=" + h.sizeY() + " x=" + h.sizeX();
	}

	private interface StoreWork {

		void write(ZarrStore store) throws IOException;
	}

	private void writeAtomically(final Path out, final StoreWork work) throws IOException {
		final Path target = out.toAbsolutePath().normalize();
		if (Files.exists(target) && !options.overwrite()) throw new FileAlreadyExistsException(target
			.toString(), null, "output exists (allow overwriting to replace it)");
		try (AtomicDirectory dir = new AtomicDirectory(target, true)) {
			work.write(new FileSystemStore(dir.path(), false)); // the folder rename is the atomic step
			dir.commit();
		}
	}

}
