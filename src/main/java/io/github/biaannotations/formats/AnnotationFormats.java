package io.github.biaannotations.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The annotation formats export writes, in the order their files are listed: GeoJSON (always), COCO JSON and
 * points CSV (on request). A new format is one {@link AnnotationFormat} class, added here.
 */
public final class AnnotationFormats {

	public static final AnnotationFormat GEOJSON = new GeoJsonFormat();
	public static final AnnotationFormat COCO = new CocoFormat();
	public static final AnnotationFormat POINTS_CSV = new PointsCsvFormat();

	private static final List<AnnotationFormat> ALL = List.of(GEOJSON, COCO, POINTS_CSV);

	private AnnotationFormats() {}

	/** Every format, in file-list order. */
	public static List<AnnotationFormat> all() {
		return ALL;
	}

	/** The formats written only on request: the choices of {@code --format} and Fiji's checkboxes. */
	public static List<AnnotationFormat> optional() {
		final List<AnnotationFormat> list = new ArrayList<>();
		for (final AnnotationFormat f : ALL)
			if (!f.always()) list.add(f);
		return list;
	}

	/** The format users call {@code name} (or one of its aliases), in any case. */
	public static Optional<AnnotationFormat> byName(final String name) {
		final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final AnnotationFormat f : ALL)
			if (f.name().equals(n) || f.aliases().contains(n)) return Optional.of(f);
		return Optional.empty();
	}

	/** The names of {@code formats} for messages: "geojson, coco or csv". */
	public static String names(final List<AnnotationFormat> formats) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < formats.size(); i++)
			sb.append(i == 0 ? "" : i == formats.size() - 1 ? " or " : ", ").append(formats.get(i).name());
		return sb.toString();
	}

	/** {@code formats} in file-list order, each once. */
	public static List<AnnotationFormat> inOrder(final java.util.Collection<AnnotationFormat> formats) {
		final List<AnnotationFormat> list = new ArrayList<>();
		for (final AnnotationFormat f : ALL)
			if (formats.contains(f)) list.add(f);
		return list;
	}
}
