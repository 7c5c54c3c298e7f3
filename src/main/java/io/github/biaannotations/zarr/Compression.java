package io.github.biaannotations.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.scalableminds.bloscjava.Blosc;

import java.util.Arrays;
import java.util.Locale;

/**
 * How chunks are compressed: zstd (the default, level 3), blosc (with an inner compressor and shuffle) or
 * none. Knows its own Zarr v2 {@code compressor} and v3 {@code codecs} JSON, so writer and reader agree.
 */
public final class Compression {

	/** The codec family. */
	public enum Kind {
		NONE, ZSTD, BLOSC
	}

	/** Blosc's shuffle filters, with their v2 integer and v3 string names. */
	public enum Shuffle {
		NOSHUFFLE(0, "noshuffle"), SHUFFLE(1, "shuffle"), BITSHUFFLE(2, "bitshuffle");

		final int v2;
		final String v3;

		Shuffle(final int v2, final String v3) {
			this.v2 = v2;
			this.v3 = v3;
		}
	}

	private final Kind kind;
	private final int level;
	private final String bloscCompressor;
	private final Shuffle shuffle;
	/** One zstd context per thread: creating one per chunk costs more than compressing a sparse chunk. */
	private final ThreadLocal<ZstdCompressCtx> zstdContext;

	private Compression(final Kind kind, final int level, final String bloscCompressor,
		final Shuffle shuffle)
	{
		this.kind = kind;
		this.level = level;
		this.bloscCompressor = bloscCompressor;
		this.shuffle = shuffle;
		this.zstdContext = kind == Kind.ZSTD ? ThreadLocal.withInitial(() -> new ZstdCompressCtx().setLevel(
			level).setContentSize(true).setChecksum(false)) : null;
	}

	/** zstd at the given level (1-22; 3 is zstd's own default and a good speed/size balance). */
	public static Compression zstd(final int level) {
		if (level < 1 || level > 22) throw new IllegalArgumentException("zstd level must be 1-22, got " + level);
		return new Compression(Kind.ZSTD, level, null, null);
	}

	/** zstd at level 3: the project's default. */
	public static Compression zstd() {
		return zstd(3);
	}

	/**
	 * blosc with an inner compressor ({@code lz4}, {@code lz4hc}, {@code blosclz}, {@code zstd}, {@code zlib}),
	 * level 0-9 and a shuffle filter.
	 */
	public static Compression blosc(final String compressor, final int level, final Shuffle shuffle) {
		final String cname = compressor.toLowerCase(Locale.ROOT);
		boolean known = false;
		for (final Blosc.Compressor c : Blosc.Compressor.values())
			known |= c.getValue().equals(cname);
		if (!known) throw new IllegalArgumentException("unknown blosc compressor \"" + compressor +
			"\" (lz4, lz4hc, blosclz, zstd or zlib)");
		if (level < 0 || level > 9) throw new IllegalArgumentException("blosc level must be 0-9, got " + level);
		return new Compression(Kind.BLOSC, level, cname, shuffle);
	}

	/** blosc with zstd inside, level 5, byte shuffle: what ome-zarr-py writes by default. */
	public static Compression blosc() {
		return blosc("zstd", 5, Shuffle.SHUFFLE);
	}

	/** No compression. */
	public static Compression none() {
		return new Compression(Kind.NONE, 0, null, null);
	}

	/**
	 * Parses a codec as users type it on a command line: {@code zstd}, {@code zstd:5}, {@code blosc},
	 * {@code blosc:lz4}, {@code blosc:lz4:5}, {@code blosc:zstd:5:bitshuffle} or {@code none}.
	 *
	 * @throws IllegalArgumentException naming the text and the accepted forms
	 */
	public static Compression parse(final String text) {
		final String[] p = text.trim().toLowerCase(Locale.ROOT).split(":");
		try {
			switch (p[0]) {
				case "zstd":
					if (p.length <= 2) return p.length == 1 ? zstd() : zstd(Integer.parseInt(p[1]));
					break;
				case "blosc":
					if (p.length <= 4) {
						Shuffle shuffle = Shuffle.SHUFFLE;
						if (p.length == 4) shuffle = Shuffle.valueOf(p[3].toUpperCase(Locale.ROOT));
						return p.length == 1 ? blosc() : blosc(p[1], p.length > 2 ? Integer.parseInt(p[2]) : 5, shuffle);
					}
					break;
				case "none":
					if (p.length == 1) return none();
					break;
				default:
			}
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("bad codec \"" + text + "\": " + e.getMessage() +
				" (use zstd[:level], blosc[:cname[:level[:shuffle]]] or none)", e);
		}
		throw new IllegalArgumentException("bad codec \"" + text +
			"\" (use zstd[:level], blosc[:cname[:level[:shuffle]]] or none)");
	}

	public Kind kind() {
		return kind;
	}

	/** Compresses one chunk's raw little-endian bytes; never returns {@code raw} itself (callers reuse it). */
	public byte[] encode(final byte[] raw, final int typeSize) {
		switch (kind) {
			case ZSTD:
				return zstd(raw);
			case BLOSC:
				return Blosc.compress(raw, typeSize, Blosc.Compressor.fromString(bloscCompressor), level,
					Blosc.Shuffle.fromInt(shuffle.v2), 0, 1);
			default:
				return raw.clone();
		}
	}

	/** One output buffer per thread: zstd-jni would otherwise allocate a worst-case buffer per chunk. */
	private static final ThreadLocal<byte[]> ZSTD_OUT = new ThreadLocal<>();

	private byte[] zstd(final byte[] raw) {
		final int bound = (int) Zstd.compressBound(raw.length);
		byte[] out = ZSTD_OUT.get();
		if (out == null || out.length < bound) ZSTD_OUT.set(out = new byte[bound]);
		final int size = zstdContext.get().compress(out, raw);
		return Arrays.copyOf(out, size);
	}

	/** Decompresses one chunk; {@code rawSize} is the chunk's uncompressed size in bytes. */
	public byte[] decode(final byte[] encoded, final int rawSize) {
		switch (kind) {
			case ZSTD:
				return Zstd.decompress(encoded, rawSize);
			case BLOSC:
				return Blosc.decompress(encoded);
			default:
				return encoded;
		}
	}

	/** The v2 {@code compressor} member ({@code null} for none). */
	public JsonNode toV2Json() {
		final JsonNodeFactory f = JsonNodeFactory.instance;
		switch (kind) {
			case ZSTD:
				return f.objectNode().put("id", "zstd").put("level", level);
			case BLOSC:
				return f.objectNode().put("id", "blosc").put("cname", bloscCompressor).put("clevel", level)
					.put("shuffle", shuffle.v2).put("blocksize", 0);
			default:
				return f.nullNode();
		}
	}

	/** The v3 bytes-to-bytes codec entry ({@code null} for none). */
	public ObjectNode toV3Json(final int typeSize) {
		final JsonNodeFactory f = JsonNodeFactory.instance;
		final ObjectNode codec = f.objectNode();
		switch (kind) {
			case ZSTD:
				codec.put("name", "zstd").putObject("configuration").put("level", level).put("checksum", false);
				return codec;
			case BLOSC:
				codec.put("name", "blosc").putObject("configuration").put("cname", bloscCompressor).put("clevel",
					level).put("shuffle", shuffle.v3).put("typesize", typeSize).put("blocksize", 0);
				return codec;
			default:
				return null;
		}
	}

	/** Reads a v2 {@code compressor} member; throws naming the codec when it is not one we support. */
	public static Compression fromV2Json(final JsonNode node) {
		if (node == null || node.isNull()) return none();
		final String id = node.path("id").asText();
		if ("zstd".equals(id)) return zstd(Math.max(1, node.path("level").asInt(3)));
		if ("blosc".equals(id)) return blosc(node.path("cname").asText("lz4"), node.path("clevel").asInt(5),
			Shuffle.values()[Math.max(0, Math.min(2, node.path("shuffle").asInt(1)))]);
		throw new IllegalArgumentException("unsupported Zarr v2 compressor \"" + id + "\"");
	}

	/** Reads a v3 bytes-to-bytes codec entry; throws naming the codec when it is not one we support. */
	public static Compression fromV3Json(final JsonNode node) {
		final String name = node.path("name").asText();
		final JsonNode c = node.path("configuration");
		if ("zstd".equals(name)) return zstd(Math.max(1, c.path("level").asInt(3)));
		if ("blosc".equals(name)) {
			Shuffle s = Shuffle.NOSHUFFLE;
			for (final Shuffle candidate : Shuffle.values())
				if (candidate.v3.equals(c.path("shuffle").asText())) s = candidate;
			return blosc(c.path("cname").asText("lz4"), c.path("clevel").asInt(5), s);
		}
		throw new IllegalArgumentException("unsupported Zarr v3 codec \"" + name + "\"");
	}

	@Override
	public String toString() {
		switch (kind) {
			case ZSTD:
				return "zstd(level " + level + ")";
			case BLOSC:
				return "blosc(" + bloscCompressor + ", level " + level + ", " + shuffle.v3 + ")";
			default:
				return "none";
		}
	}
}
