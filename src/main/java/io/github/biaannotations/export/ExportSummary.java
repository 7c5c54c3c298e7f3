package io.github.biaannotations.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.biaannotations.model.Annotation;

/** What an export wrote: annotation counts by kind, the files, and how many warnings were given. */
public final class ExportSummary {

	private final Path out;
	private final Map<Annotation.Kind, Long> counts = new EnumMap<>(Annotation.Kind.class);
	private final List<String> files = new ArrayList<>();
	private long rois;
	private long warnings;
	private int labelImages;

	public ExportSummary(final Path out) {
		this.out = out;
	}

	public void countRoi() { rois++; }
	public void added(final Annotation.Kind kind) { counts.merge(kind, 1L, Long::sum); }
	public void warned() { warnings++; }
	public void addFile(final String path) { files.add(path); }
	public void addedLabelImage() { labelImages++; }

	public Path out() { return out; }
	public long rois() { return rois; }
	public long annotations() { return counts.values().stream().mapToLong(Long::longValue).sum(); }
	public long count(final Annotation.Kind kind) { return counts.getOrDefault(kind, 0L); }
	public long warnings() { return warnings; }
	public int labelImages() { return labelImages; }
	/** Package-relative paths of the files written, manifest included. */
	public List<String> files() { return Collections.unmodifiableList(files); }

	@Override
	public String toString() {
		return rois + " ROIs -> " + annotations() + " features (" + count(Annotation.Kind.AREA) + " areas, " +
			count(Annotation.Kind.LINE) + " lines, " + count(Annotation.Kind.POINTS) + " point sets)" +
			(labelImages == 0 ? "" : ", " + labelImages + " label image" + (labelImages == 1 ? "" : "s")) + " in " + out;
	}
}
