package io.github.biaannotations.imagej;

import java.util.HashMap;
import java.util.Map;

import io.github.biaannotations.model.Annotation;

/**
 * The ImageJ group of each classification in one file: the group our own export recorded ({@link ImageJKeys#GROUP}),
 * else one group per classification in order of first appearance, skipping the groups recorded in the file. Point
 * counters' classifications get none: the counter stands for them.
 */
final class ClassGroups {

	/** ImageJ's groups are 1-255. */
	static final int MAX_GROUPS = 255;

	private final Map<String, Integer> byName = new HashMap<>();
	private final boolean[] taken = new boolean[MAX_GROUPS + 1];
	private int next = 1;
	private int ungrouped;

	ClassGroups(final Iterable<Annotation> file) {
		for (final Annotation a : file) {
			final int g;
			try {
				g = RoiStyle.group(a);
			} catch (final IllegalArgumentException e) {
				// named with its feature when that feature is converted
				continue;
			}
			if (g < 1 || g > MAX_GROUPS) continue;
			taken[g] = true;
			a.classification().ifPresent(c -> byName.putIfAbsent(c, g));
		}
	}

	/** The annotation's group, or 0 for none. */
	int groupOf(final Annotation a) {
		final int recorded = RoiStyle.group(a);
		if (recorded != 0 || !a.classification().isPresent() || a.metadata().containsKey(ImageJKeys.COUNTER))
			return recorded;
		final Integer known = byName.get(a.classification().get());
		if (known != null) return known;
		while (next <= MAX_GROUPS && taken[next])
			next++;
		if (next > MAX_GROUPS) {
			ungrouped++;
			return 0;
		}
		taken[next] = true;
		byName.put(a.classification().get(), next);
		return next;
	}

	/** How many annotations got no group because every group was taken. */
	int ungrouped() {
		return ungrouped;
	}
}
