package io.github.biaannotations.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Warnings;

/** What an export wrote: annotation counts by kind, the files, and how many warnings it gave, all of them. */
public final class ExportSummary {

	private final Path out;
	private final Map<Annotation.Kind, Long> counts = new EnumMap<>(Annotation.Kind.class);
	private final List<String> files = new ArrayList<>();
	private final Warnings warnings;
	private long rois;
	private int labelImages;

	/** @param warnings the export's warnings, which every step adds to */
	public ExportSummary(final Path out, final Warnings warnings) {
		this.out = out;
		this.warnings = warnings;
	}

	public void countRoi() { rois++; }
	public void added(final Annotation.Kind kind) { counts.merge(kind, 1L, Long::sum); }
	public void addFile(final String path) { files.add(path); }
	public void addedLabelImage() { labelImages++; }

	public Path out() { return out; }
	public long rois() { return rois; }
	public long annotations() { return counts.values().stream().mapToLong(Long::longValue).sum(); }
	public long count(final Annotation.Kind kind) { return counts.getOrDefault(kind, 0L); }
	/** Every warning the export gave, of every step: ROIs, label images, formats, metadata. */
	public long warnings() { return warnings.count(); }
	public int labelImages() { return labelImages; }
	/** The list every step of the export adds its warnings to. */
	Warnings warningList() { return warnings; }
	/** Package-relative paths of the files written, manifest included. */
	public List<String> files() { return Collections.unmodifiableList(files); }

	@Override
	public String toString() {
		return rois + " ROIs -> " + annotations() + " features (" + count(Annotation.Kind.AREA) + " areas, " +
			count(Annotation.Kind.LINE) + " lines, " + count(Annotation.Kind.POINTS) + " point sets)" +
			(labelImages == 0 ? "" : ", " + labelImages + " label image" + (labelImages == 1 ? "" : "s")) + " in " + out;
	}
}
