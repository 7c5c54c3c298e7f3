package io.github.biaannotations.imagej;

import java.awt.Rectangle;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.gui.Roi;
import ij.io.RoiEncoder;

import io.github.biaannotations.model.AtomicFiles;

/**
 * Writes ROIs as a {@code RoiSet.zip} that ImageJ's ROI Manager opens, atomically: the zip appears only when
 * complete. ImageJ's format stores bounds as 16-bit numbers, so a ROI beyond 32767 pixels is refused with its
 * name rather than written wrongly.
 */
public final class RoiSetWriter {

	/** Largest coordinate ImageJ's .roi format can store. */
	public static final int MAX_COORDINATE = Short.MAX_VALUE;

	private RoiSetWriter() {}

	public static void write(final List<Roi> rois, final Path zip) throws IOException {
		for (int i = 0; i < rois.size(); i++)
			checkFits(rois.get(i), i + 1);
		AtomicFiles.write(zip, tmp -> {
			try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
				final DataOutputStream data = new DataOutputStream(out);
				final RoiEncoder encoder = new RoiEncoder(data);
				final Set<String> names = new HashSet<>();
				for (int i = 0; i < rois.size(); i++) {
					out.putNextEntry(new ZipEntry(entryName(rois.get(i), i + 1, names)));
					encoder.write(rois.get(i));
					data.flush();
				}
			}
		});
	}

	private static void checkFits(final Roi roi, final int index) {
		final Rectangle b = roi.getBounds();
		if (b.x < -MAX_COORDINATE || b.y < -MAX_COORDINATE || b.x + b.width > MAX_COORDINATE || b.y + b.height > MAX_COORDINATE)
			throw new IllegalArgumentException(RoisToAnnotations.describe(roi, index) + ": bounds " + b.x + "," + b.y + " " +
				b.width + "x" + b.height + " exceed " + MAX_COORDINATE + ", which ImageJ's .roi format cannot store " +
				"(keep the GeoJSON for such ROIs)");
	}

	/** The ROI's name as entry name, as the ROI Manager does, made unique and safe for zip paths. */
	private static String entryName(final Roi roi, final int index, final Set<String> used) {
		String base = roi.getName();
		if (base == null || base.isBlank()) base = String.format("%04d", index);
		base = base.replace('/', '_').replace('\\', '_');
		String name = base;
		for (int n = 2; !used.add(name); n++)
			name = base + "-" + n;
		return name + ".roi";
	}
}
