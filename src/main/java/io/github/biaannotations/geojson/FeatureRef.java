package io.github.biaannotations.geojson;

/** Names a feature in messages ("cells.geojson: feature 12"); the text is made only when a message needs it. */
final class FeatureRef {

	private final String source;
	private final int index;

	FeatureRef(final String source, final int index) {
		this.source = source;
		this.index = index;
	}

	/** The feature's 1-based place in its file. */
	int index() {
		return index;
	}

	@Override
	public String toString() {
		return source + ": feature " + index;
	}
}
