package io.github.biaannotations.model;

/**
 * Progress of long work: the Fiji commands bridge it to the status bar, the CLI to a progress line.
 * {@link #NONE} ignores everything.
 */
public interface Progress {

	Progress NONE = (stage, done, total) -> {};

	/**
	 * @param stage what is being done, for people ("Reading RoiSet.zip")
	 * @param done units done so far
	 * @param total units in all, or -1 when unknown
	 */
	void update(String stage, long done, long total);
}
