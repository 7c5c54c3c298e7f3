package io.github.biaannotations.ngff;

/** Receives progress of a long export; commands bridge it to a status bar, the CLI to a progress line. */
@FunctionalInterface
public interface ExportProgress {

	/** Does nothing: the default. */
	ExportProgress NONE = (stage, done, total) -> {};

	/** @param stage what is being written, e.g. "nuclei_labels.ome.zarr" */
	void progress(String stage, long done, long total);
}
