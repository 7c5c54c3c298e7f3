package io.github.biaannotations.zarr;

import java.io.IOException;

/**
 * A key-value store holding a Zarr hierarchy: keys are '/'-separated paths relative to the store root
 * ({@code "0/zarr.json"}, {@code "0/c/0/1/2"}). Kept this small so a zip or cloud store is one new class.
 */
public interface ZarrStore {

	/** Writes the value of a key, replacing any earlier value; a reader never sees a half-written value. */
	void put(String key, byte[] value) throws IOException;

	/** Returns the value of a key, or {@code null} when the key is absent. */
	byte[] get(String key) throws IOException;

	/** Tells whether a key is present. */
	default boolean contains(final String key) throws IOException {
		return get(key) != null;
	}

	/** A description of where the store lives, for error messages. */
	String describe(String key);
}
