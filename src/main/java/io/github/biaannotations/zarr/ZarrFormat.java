package io.github.biaannotations.zarr;

/** The Zarr storage format version: v2 ({@code .zarray}/{@code .zattrs}) or v3 ({@code zarr.json}). */
public enum ZarrFormat {
	V2, V3;

	/** The key of an array's metadata document under its path, e.g. {@code "0/.zarray"}. */
	public String arrayMetadataKey(final String path) {
		return join(path, this == V2 ? ".zarray" : "zarr.json");
	}

	/** The key of a group's metadata document under its path. */
	public String groupMetadataKey(final String path) {
		return join(path, this == V2 ? ".zgroup" : "zarr.json");
	}

	/** Joins store path segments with '/', ignoring empty ones. */
	public static String join(final String path, final String name) {
		if (path == null || path.isEmpty()) return name;
		if (name == null || name.isEmpty()) return path;
		return path.endsWith("/") ? path + name : path + "/" + name;
	}
}
