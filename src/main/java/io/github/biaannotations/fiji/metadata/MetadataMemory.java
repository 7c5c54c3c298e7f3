package io.github.biaannotations.fiji.metadata;

import java.io.IOException;
import java.nio.file.Paths;

import org.scijava.prefs.PrefService;

import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.model.InputException;

/**
 * Remembers the lab profile ({@link MetadataProfile}: authors, organisations, licence, funding) between exports
 * in SciJava's {@link PrefService}, so the next export's dialog starts filled in.
 */
public final class MetadataMemory {

	static final String KEY = "lab-profile";

	private final PrefService prefs;

	public MetadataMemory(final PrefService prefs) {
		this.prefs = prefs;
	}

	/** The remembered profile, or an empty one when nothing (or nothing readable) is stored. */
	public MetadataProfile recall() {
		final String yaml = prefs == null ? null : prefs.get(MetadataMemory.class, KEY, null);
		try {
			if (yaml != null) return MetadataProfile.fromYaml(yaml, Paths.get("(remembered lab profile)"));
		}
		catch (final IOException | InputException e) {
			// a stored profile from an older version that no longer reads: start afresh rather than fail
		}
		return MetadataProfile.of(new MifaMetadata());
	}

	/** Fills the empty reusable fields of {@code m} from the remembered profile. */
	public void prefill(final MifaMetadata m) {
		recall().applyTo(m, false);
	}

	/** Remembers the reusable part of {@code m} for the next export. */
	public void remember(final MifaMetadata m) {
		if (prefs != null) prefs.put(MetadataMemory.class, KEY, MetadataProfile.of(m).toYaml());
	}

	/** Forgets the remembered profile. */
	public void forget() {
		if (prefs != null) prefs.remove(MetadataMemory.class, KEY);
	}
}
