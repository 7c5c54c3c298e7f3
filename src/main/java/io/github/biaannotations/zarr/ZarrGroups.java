package io.github.biaannotations.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Group metadata in both formats: v2 keeps {@code .zgroup} and the attributes in {@code .zattrs}; v3 keeps
 * both in one {@code zarr.json} under {@code attributes}.
 */
public final class ZarrGroups {

	private ZarrGroups() {}

	/** Writes a group at {@code path} with the given attributes (may be empty, never null). */
	public static void write(final ZarrStore store, final ZarrFormat format, final String path,
		final ObjectNode attributes) throws IOException
	{
		final ObjectNode n = ArrayMetadataJson.MAPPER.createObjectNode();
		if (format == ZarrFormat.V2) {
			n.put("zarr_format", 2);
			store.put(format.groupMetadataKey(path), ArrayMetadataJson.MAPPER.writeValueAsBytes(n));
			store.put(ZarrFormat.join(path, ".zattrs"), ArrayMetadataJson.MAPPER.writeValueAsBytes(attributes));
			return;
		}
		n.put("zarr_format", 3);
		n.put("node_type", "group");
		n.set("attributes", attributes);
		store.put(format.groupMetadataKey(path), ArrayMetadataJson.MAPPER.writeValueAsBytes(n));
	}

	/**
	 * The format of the node at {@code path}: v3 when it has a {@code zarr.json}, v2 when it has a
	 * {@code .zgroup}, {@code .zarray} or {@code .zattrs}; throws when it is not a Zarr node.
	 */
	public static ZarrFormat detect(final ZarrStore store, final String path) throws IOException {
		if (store.contains(ZarrFormat.join(path, "zarr.json"))) return ZarrFormat.V3;
		if (store.contains(ZarrFormat.join(path, ".zgroup")) || store.contains(ZarrFormat.join(path,
			".zarray")) || store.contains(ZarrFormat.join(path, ".zattrs"))) return ZarrFormat.V2;
		throw new IOException(store.describe(path) + ": not a Zarr group or array (no zarr.json or .zgroup)");
	}

	/** The attributes of the node at {@code path} (an empty object when it has none). */
	public static ObjectNode readAttributes(final ZarrStore store, final String path) throws IOException {
		final ZarrFormat format = detect(store, path);
		final String key = format == ZarrFormat.V2 ? ZarrFormat.join(path, ".zattrs") : ZarrFormat.join(path,
			"zarr.json");
		final byte[] bytes = store.get(key);
		if (bytes == null) return ArrayMetadataJson.MAPPER.createObjectNode();
		final JsonNode n = readJson(bytes, store.describe(key));
		final JsonNode attributes = format == ZarrFormat.V2 ? n : n.get("attributes");
		if (attributes == null || attributes.isNull()) return ArrayMetadataJson.MAPPER.createObjectNode();
		if (!attributes.isObject()) throw new IOException(store.describe(key) +
			": attributes are not a JSON object");
		return (ObjectNode) attributes;
	}

	/** Parses a metadata file; malformed JSON (or none at all) fails naming the file. */
	static JsonNode readJson(final byte[] bytes, final String where) throws IOException {
		final JsonNode n;
		try {
			n = ArrayMetadataJson.MAPPER.readTree(bytes);
		}
		catch (final IOException e) {
			throw new IOException(where + ": not valid JSON: " + e.getMessage(), e);
		}
		if (n == null || n.isMissingNode()) throw new IOException(where + ": empty, expected JSON");
		return n;
	}
}
