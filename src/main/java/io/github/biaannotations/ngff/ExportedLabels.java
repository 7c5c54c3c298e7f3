package io.github.biaannotations.ngff;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What was written for one label image: where, how many pyramid levels, and each label's statistics. */
public final class ExportedLabels {

	private final String name;
	private final String zarrPath;
	private final int levels;
	private final SortedMap<Long, LabelStatistics.Entry> statistics;

	ExportedLabels(final String name, final String zarrPath, final int levels,
		final TreeMap<Long, LabelStatistics.Entry> statistics)
	{
		this.name = name;
		this.zarrPath = zarrPath;
		this.levels = levels;
		this.statistics = Collections.unmodifiableSortedMap(statistics);
	}

	public String name() {
		return name;
	}

	/** The group path inside the OME-Zarr ("" for a standalone label image, "labels/&lt;name&gt;" otherwise). */
	public String zarrPath() {
		return zarrPath;
	}

	public int levels() {
		return levels;
	}

	/** Voxel count and bounding box of every non-zero label value, by value. */
	public SortedMap<Long, LabelStatistics.Entry> statistics() {
		return statistics;
	}
}
