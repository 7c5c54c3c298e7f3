package io.github.biaannotations.geojson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a file holds that the import cannot keep, tallied per kind (with how many features and the first of them), so
 * that each kind is reported once per file however many features carry it.
 */
final class DroppedMembers {

	/** Per reason: the number of features, then the first feature's index. */
	private final Map<String, int[]> tally = new LinkedHashMap<>();

	void add(final String reason, final FeatureRef where) {
		final int[] t = tally.computeIfAbsent(reason, r -> new int[] { 0, where.index() });
		t[0]++;
	}

	/** One warning per reason: "FILE: REASON (N features, first feature K)". */
	void report(final String source, final Consumer<String> warnings) {
		for (final Map.Entry<String, int[]> e : tally.entrySet()) {
			final int n = e.getValue()[0];
			warnings.accept(source + ": " + e.getKey() + " (" + n + (n == 1 ? " feature" : " features") +
				(n == 1 ? ": feature " : ", first feature ") + e.getValue()[1] + ")");
		}
	}
}
