package io.github.biaannotations.testutil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ij.gui.Roi;
import ij.io.RoiDecoder;

/** RoiSet.zip files as ImageJ's own decoder reads them (not through our reader). */
public final class RoiZips {

	private RoiZips() {}

	/** The ROIs of a RoiSet.zip in order, as the ROI Manager opens them (a ROI without a name takes its entry's). */
	public static List<Roi> read(final Path zip) throws IOException {
		return read(zip, true);
	}

	/**
	 * The ROIs of a RoiSet.zip by the names they carry themselves, in order; a ROI without a name by "#" and its
	 * index (the entry name is not given to the decoder, which would name it after the entry).
	 */
	public static Map<String, Roi> byName(final Path zip) throws IOException {
		final Map<String, Roi> rois = new LinkedHashMap<>();
		for (final Roi roi : read(zip, false))
			rois.put(roi.getName() != null ? roi.getName() : "#" + rois.size(), roi);
		return rois;
	}

	private static List<Roi> read(final Path zip, final boolean entryNames) throws IOException {
		final List<Roi> rois = new ArrayList<>();
		try (ZipFile z = new ZipFile(zip.toFile())) {
			for (final Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
				final ZipEntry entry = e.nextElement();
				final byte[] bytes = z.getInputStream(entry).readAllBytes();
				rois.add(entryNames ? new RoiDecoder(bytes, entry.getName()).getRoi() : RoiDecoder.openFromByteArray(
					bytes));
			}
		}
		return rois;
	}
}
