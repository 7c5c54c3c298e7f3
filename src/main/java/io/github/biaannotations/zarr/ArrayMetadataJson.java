package io.github.biaannotations.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Converts {@link ArraySpec} to and from the v2 {@code .zarray} and v3 {@code zarr.json} documents. */
final class ArrayMetadataJson {

	static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private ArrayMetadataJson() {}

	static ObjectNode toJson(final ArraySpec spec) {
		final ObjectNode n = MAPPER.createObjectNode();
		if (spec.format() == ZarrFormat.V2) {
			n.put("zarr_format", 2);
			longs(n.putArray("shape"), spec.shape());
			ints(n.putArray("chunks"), spec.chunks());
			n.put("dtype", spec.dataType().v2Name());
			n.set("compressor", spec.compression().toV2Json());
			n.put("fill_value", 0);
			n.put("order", "C");
			n.putNull("filters");
			n.put("dimension_separator", "/");
			return n;
		}
		n.put("zarr_format", 3);
		n.put("node_type", "array");
		longs(n.putArray("shape"), spec.shape());
		n.put("data_type", spec.dataType().v3Name());
		ints(n.putObject("chunk_grid").put("name", "regular").putObject("configuration").putArray(
			"chunk_shape"), spec.isSharded() ? spec.shards() : spec.chunks());
		n.putObject("chunk_key_encoding").put("name", "default").putObject("configuration").put("separator",
			"/");
		n.put("fill_value", 0);
		final ArrayNode codecs = n.putArray("codecs");
		if (spec.isSharded()) {
			final ObjectNode c = codecs.addObject().put("name", "sharding_indexed").putObject("configuration");
			ints(c.putArray("chunk_shape"), spec.chunks());
			innerCodecs(c.putArray("codecs"), spec);
			final ArrayNode index = c.putArray("index_codecs");
			index.addObject().put("name", "bytes").putObject("configuration").put("endian", "little");
			index.addObject().put("name", "crc32c");
			c.put("index_location", "end");
		}
		else {
			innerCodecs(codecs, spec);
		}
		n.putObject("attributes");
		if (spec.dimensionNames() != null) {
			final ArrayNode names = n.putArray("dimension_names");
			for (final String name : spec.dimensionNames())
				names.add(name);
		}
		return n;
	}

	private static void innerCodecs(final ArrayNode codecs, final ArraySpec spec) {
		codecs.addObject().put("name", "bytes").putObject("configuration").put("endian", "little");
		final ObjectNode compressor = spec.compression().toV3Json(spec.dataType().bytes());
		if (compressor != null) codecs.add(compressor);
	}

	/** Parses an array metadata document; {@code where} names the file for error messages. */
	static ArraySpec fromJson(final ZarrFormat format, final JsonNode n, final String where)
		throws IOException
	{
		try {
			if (format == ZarrFormat.V2) {
				if (n.path("zarr_format").asInt() != 2) throw new IOException(where +
					": zarr_format is not 2");
				if (!"C".equals(n.path("order").asText("C"))) throw new IOException(where +
					": only order \"C\" is supported");
				if (n.hasNonNull("filters") && n.get("filters").size() > 0) throw new IOException(where +
					": filters are not supported");
				final DataType type = dataType(n.path("dtype").asText(), where);
				checkZeroFill(n.get("fill_value"), where);
				if (!"/".equals(n.path("dimension_separator").asText(".")) && longs(n.get("shape")).length > 1)
					throw new IOException(where + ": only dimension_separator \"/\" is supported");
				return new ArraySpec(format, longs(n.get("shape")), ints(n.get("chunks")), null, type, Compression
					.fromV2Json(n.get("compressor")), null);
			}
			if (n.path("zarr_format").asInt() != 3 || !"array".equals(n.path("node_type").asText()))
				throw new IOException(where + ": not a Zarr v3 array");
			final DataType type = dataType(n.path("data_type").asText(), where);
			checkZeroFill(n.get("fill_value"), where);
			if (!"regular".equals(n.path("chunk_grid").path("name").asText())) throw new IOException(where +
				": only the regular chunk grid is supported");
			final JsonNode keyEncoding = n.path("chunk_key_encoding");
			if (!"default".equals(keyEncoding.path("name").asText()) || !"/".equals(keyEncoding.path(
				"configuration").path("separator").asText("/"))) throw new IOException(where +
					": only the default chunk key encoding with \"/\" is supported");
			final int[] grid = ints(n.path("chunk_grid").path("configuration").get("chunk_shape"));
			JsonNode codecs = n.get("codecs");
			int[] chunks = grid;
			int[] shards = null;
			if (codecs.size() == 1 && "sharding_indexed".equals(codecs.get(0).path("name").asText())) {
				final JsonNode c = codecs.get(0).get("configuration");
				shards = grid;
				chunks = ints(c.get("chunk_shape"));
				if (!"end".equals(c.path("index_location").asText("end"))) throw new IOException(where +
					": only index_location \"end\" is supported");
				codecs = c.get("codecs");
			}
			Compression compression = Compression.none();
			for (final JsonNode codec : codecs) {
				final String name = codec.path("name").asText();
				if ("bytes".equals(name)) {
					if (!"little".equals(codec.path("configuration").path("endian").asText("little")))
						throw new IOException(where + ": only little-endian data is supported");
				}
				else compression = Compression.fromV3Json(codec);
			}
			String[] names = null;
			if (n.hasNonNull("dimension_names")) {
				names = new String[n.get("dimension_names").size()];
				for (int i = 0; i < names.length; i++)
					names[i] = n.get("dimension_names").get(i).asText();
			}
			return new ArraySpec(format, longs(n.get("shape")), chunks, shards, type, compression, names);
		}
		catch (final IllegalArgumentException | NullPointerException e) {
			throw new IOException(where + ": invalid array metadata: " + e.getMessage(), e);
		}
	}

	private static DataType dataType(final String name, final String where) throws IOException {
		final DataType t = DataType.fromName(name);
		if (t == null) throw new IOException(where + ": unsupported data type \"" + name + "\"");
		return t;
	}

	private static void checkZeroFill(final JsonNode fill, final String where) throws IOException {
		if (fill != null && !fill.isNull() && fill.asDouble() != 0) throw new IOException(where +
			": only fill_value 0 is supported, found " + fill);
	}

	private static void longs(final ArrayNode a, final long[] v) {
		for (final long x : v)
			a.add(x);
	}

	private static void ints(final ArrayNode a, final int[] v) {
		for (final int x : v)
			a.add(x);
	}

	private static long[] longs(final JsonNode a) {
		final long[] v = new long[a.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = a.get(i).asLong();
		return v;
	}

	private static int[] ints(final JsonNode a) {
		final int[] v = new int[a.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = a.get(i).asInt();
		return v;
	}
}
