package io.github.biaannotations.fiji.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.gui.Roi;

import io.github.biaannotations.fiji.metadata.MetadataPreview;

/** Counts the ROIs of an export by type and plane for the metadata dialog's preview. */
final class ExportPreview {

	private ExportPreview() {}

	static MetadataPreview of(final String source, final List<Roi> rois, final int labelImages, final int formats) {
		final Map<String, Integer> byType = new LinkedHashMap<>();
		final Map<String, Integer> byPlane = new LinkedHashMap<>();
		for (final Roi r : rois) {
			byType.merge(r.getTypeAsString(), 1, Integer::sum);
			byPlane.merge(plane(r), 1, Integer::sum);
		}
		final int files = (rois.isEmpty() ? 0 : formats) + labelImages;
		return new MetadataPreview(source, byType, byPlane, labelImages, files, -1);
	}

	private static String plane(final Roi r) {
		final StringBuilder sb = new StringBuilder();
		if (r.getCPosition() > 0) sb.append("c=").append(r.getCPosition()).append(' ');
		if (r.getZPosition() > 0) sb.append("z=").append(r.getZPosition()).append(' ');
		if (r.getTPosition() > 0) sb.append("t=").append(r.getTPosition()).append(' ');
		if (sb.length() == 0 && r.getPosition() > 0) sb.append("slice ").append(r.getPosition());
		return sb.length() == 0 ? "all planes" : sb.toString().trim();
	}
}
