package io.github.biaannotations.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.biaannotations.imagej.ImageFiles;

/**
 * Pairs the images of a folder with their annotations by file name. For an image {@code img.tif} (or
 * {@code .tiff}, {@code .ome.tif}, {@code .ome.tiff}) in the folder:
 * <ul>
 * <li>ROI sets: {@code img.zip}, {@code img_RoiSet.zip}, {@code img.roi} beside it;</li>
 * <li>label images: {@code img_labels.tif} (or {@code .tiff}) beside it and {@code labels/img.tif} (or
 * {@code .tiff}) in a {@code labels} subfolder.</li>
 * </ul>
 * Files named {@code *_labels.tif} are label images, never source images. An image with neither ROI sets nor
 * labels is exported from its own overlay. ROI sets and label images that pair with no image are listed as
 * unmatched, so that a misspelt name does not go unnoticed.
 */
public final class BatchPairing {

	/** The subfolder of label images named like their images. */
	public static final String LABELS_DIR = "labels";

	private static final String[] IMAGE_EXTENSIONS = { ".ome.tiff", ".ome.tif", ".tiff", ".tif" };
	private static final String LABELS_SUFFIX = "_labels";

	private final List<BatchItem> items = new ArrayList<>();
	private final List<Path> unmatched = new ArrayList<>();

	private BatchPairing() {}

	/** The pairs of a folder (not its subfolders, but {@code labels/}), images in name order. */
	public static BatchPairing scan(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "no such input folder");
		final List<Path> files = list(dir);
		final Path labelsDir = dir.resolve(LABELS_DIR);
		final List<Path> labelDirFiles = Files.isDirectory(labelsDir) ? list(labelsDir) : new ArrayList<>();
		final Set<Path> used = new LinkedHashSet<>();
		final BatchPairing p = new BatchPairing();
		for (final Path f : files) {
			if (!isImage(f) || isLabelName(f)) continue;
			final String base = ImageFiles.baseName(f);
			final List<Path> rois = new ArrayList<>();
			for (final String name : new String[] { base + ".zip", base + "_RoiSet.zip", base + ".roi" })
				addIfPresent(files, name, rois);
			final List<Path> labels = new ArrayList<>();
			for (final String ext : new String[] { ".tif", ".tiff" })
				addIfPresent(files, base + LABELS_SUFFIX + ext, labels);
			for (final String ext : new String[] { ".tif", ".tiff" })
				addIfPresent(labelDirFiles, base + ext, labels);
			used.add(f);
			used.addAll(rois);
			used.addAll(labels);
			p.items.add(new BatchItem(f, rois, labels));
		}
		for (final Path f : files)
			if (!used.contains(f) && isAnnotationName(f)) p.unmatched.add(f);
		for (final Path f : labelDirFiles)
			if (!used.contains(f) && isImage(f)) p.unmatched.add(f);
		return p;
	}

	public List<BatchItem> items() { return items; }

	/** ROI sets and label images that pair with no image. */
	public List<Path> unmatched() { return unmatched; }

	private static List<Path> list(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
				.sorted().collect(Collectors.toList());
		}
	}

	private static void addIfPresent(final List<Path> files, final String name, final List<Path> to) {
		for (final Path f : files)
			if (f.getFileName().toString().equals(name)) to.add(f);
	}

	static boolean isImage(final Path f) {
		final String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
		for (final String ext : IMAGE_EXTENSIONS)
			if (n.endsWith(ext)) return true;
		return false;
	}

	private static boolean isLabelName(final Path f) {
		return ImageFiles.baseName(f).endsWith(LABELS_SUFFIX);
	}

	private static boolean isAnnotationName(final Path f) {
		final String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".zip") || n.endsWith(".roi") || isImage(f) && isLabelName(f);
	}
}
