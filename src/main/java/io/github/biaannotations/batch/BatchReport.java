package io.github.biaannotations.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What a batch did, image by image: exported, already done (skipped), or failed and left out. */
public final class BatchReport {

	/** The outcome for one image. */
	public enum Status {
		/** Exported in this run. */
		EXPORTED,
		/** Exported by an earlier run from the same inputs: reused. */
		DONE_BEFORE,
		/** Could not be exported: reported and left out of the package. */
		FAILED
	}

	/** One image's line of the report. */
	public static final class Row {

		public final String image;
		public final Status status;
		public final long rois;
		public final long annotations;
		public final long warnings;
		/** Why it failed; null otherwise. */
		public final String message;

		Row(final String image, final Status status, final long rois, final long annotations, final long warnings,
			final String message)
		{
			this.image = image;
			this.status = status;
			this.rois = rois;
			this.annotations = annotations;
			this.warnings = warnings;
			this.message = message;
		}
	}

	private final Path out;
	private final List<Row> rows = new ArrayList<>();
	private final List<Path> unmatched = new ArrayList<>();
	private boolean packageUpToDate;

	BatchReport(final Path out) {
		this.out = out;
	}

	void add(final Row row) { rows.add(row); }
	void unmatched(final List<Path> files) { unmatched.addAll(files); }
	void packageUpToDate(final boolean v) { packageUpToDate = v; }

	/** The package folder. */
	public Path out() { return out; }
	public List<Row> rows() { return Collections.unmodifiableList(rows); }
	/** ROI sets and label images that paired with no image. */
	public List<Path> unmatched() { return Collections.unmodifiableList(unmatched); }
	/** True when nothing changed since the last run, so the package was left as it was. */
	public boolean packageUpToDate() { return packageUpToDate; }

	public long count(final Status s) {
		return rows.stream().filter(r -> r.status == s).count();
	}

	/** Whether any image failed (the package lacks it). */
	public boolean hasFailures() {
		return count(Status.FAILED) > 0;
	}

	/** A fixed-width table: image, status, ROIs, annotations, warnings, then the reasons of failures. */
	public String table() {
		int w = "image".length();
		for (final Row r : rows)
			w = Math.max(w, r.image.length());
		final String fmt = "%-" + w + "s  %-11s  %8s  %11s  %8s%n";
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, fmt, "image", "status", "ROIs",
			"annotations", "warnings"));
		for (final Row r : rows)
			sb.append(String.format(Locale.ROOT, fmt, r.image, r.status.name().toLowerCase(Locale.ROOT).replace('_',
				' '), r.status == Status.FAILED ? "-" : r.rois, r.status == Status.FAILED ? "-" : r.annotations,
				r.status == Status.FAILED ? "-" : r.warnings));
		for (final Row r : rows)
			if (r.message != null) sb.append(r.message.startsWith(r.image + ": ") ? "" : r.image + ": ").append(r.message)
				.append('\n');
		for (final Path p : unmatched)
			sb.append(p.getFileName()).append(": pairs with no image (see the name rules); not exported\n");
		return sb.toString();
	}
}
