package io.github.biaannotations.fiji.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an export will write, for the metadata dialog's preview: ROI counts by type and by plane, label images,
 * files and their estimated total size. A plain value the caller computes; the dialog only shows it.
 */
public final class MetadataPreview {

	private final String source;
	private final Map<String, Integer> roisByType;
	private final Map<String, Integer> roisByPlane;
	private final int labelImages;
	private final int files;
	private final long estimatedBytes;

	/**
	 * @param source the image or file being exported (shown as the preview's heading); may be null
	 * @param roisByType e.g. {@code Polygon -> 12, Point -> 40}, in display order
	 * @param roisByPlane e.g. {@code "z=1" -> 30, "all planes" -> 22}, in display order
	 * @param labelImages number of label images
	 * @param files number of files the export writes
	 * @param estimatedBytes their estimated total size, negative when unknown
	 */
	public MetadataPreview(final String source, final Map<String, Integer> roisByType,
		final Map<String, Integer> roisByPlane, final int labelImages, final int files, final long estimatedBytes)
	{
		this.source = source;
		this.roisByType = Collections.unmodifiableMap(new LinkedHashMap<>(roisByType));
		this.roisByPlane = Collections.unmodifiableMap(new LinkedHashMap<>(roisByPlane));
		this.labelImages = labelImages;
		this.files = files;
		this.estimatedBytes = estimatedBytes;
	}

	/** A preview with nothing in it, for callers that have nothing to show. */
	public static MetadataPreview empty() {
		return new MetadataPreview(null, Collections.emptyMap(), Collections.emptyMap(), 0, 0, -1);
	}

	public String source() { return source; }
	public Map<String, Integer> roisByType() { return roisByType; }
	public Map<String, Integer> roisByPlane() { return roisByPlane; }
	public int labelImages() { return labelImages; }
	public int files() { return files; }
	public long estimatedBytes() { return estimatedBytes; }

	public int totalRois() {
		int n = 0;
		for (final int c : roisByType.values())
			n += c;
		return n;
	}

	/** The preview as lines of text, as the dialog shows it. */
	public String describe() {
		final StringBuilder sb = new StringBuilder();
		if (source != null) sb.append("Source: ").append(source).append('\n');
		sb.append("ROIs: ").append(totalRois()).append('\n');
		roisByType.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
		if (!roisByPlane.isEmpty()) sb.append("ROIs by plane:\n");
		roisByPlane.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
		sb.append("Label images: ").append(labelImages).append('\n');
		sb.append("Files: ").append(files);
		if (estimatedBytes >= 0) sb.append(", about ").append(humanSize(estimatedBytes));
		return sb.append('\n').toString();
	}

	/** Bytes in B, KB, MB, GB (powers of 1000), one decimal from KB up. */
	static String humanSize(final long bytes) {
		if (bytes < 1000) return bytes + " B";
		final String[] units = { "KB", "MB", "GB", "TB" };
		double v = bytes;
		int u = -1;
		while (v >= 1000 && u < units.length - 1) {
			v /= 1000;
			u++;
		}
		return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
	}
}
