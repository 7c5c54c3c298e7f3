package io.github.biaannotations.export;

import java.util.Locale;

/**
 * The annotation formats export can write. GeoJSON is always written; the others on request, and only when the
 * image has annotations they hold (areas for COCO, points for the CSV).
 */
public enum ExportFormat {
	GEOJSON(".geojson"), COCO(".coco.json"), POINTS_CSV("_points.csv");

	private final String suffix;

	ExportFormat(final String suffix) {
		this.suffix = suffix;
	}

	/** File name for an image's annotations in this format. */
	public String fileName(final String imageBase) {
		return imageBase + suffix;
	}

	/** Parses the names users type: geojson, coco, csv (or points-csv). */
	public static ExportFormat parse(final String s) {
		switch (s.trim().toLowerCase(Locale.ROOT)) {
			case "geojson": return GEOJSON;
			case "coco": return COCO;
			case "csv":
			case "points-csv":
			case "points_csv": return POINTS_CSV;
			default: throw new IllegalArgumentException("Unknown format '" + s + "': expected geojson, coco or csv");
		}
	}
}
