package io.github.biaannotations.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes arrays with every format, codec and sharding choice, then reads them back with our reader and
 * with an independent one (zarrita for v3, zarr-python for v2); all must agree byte for byte.
 */
class ZarrRoundTripTest {

	private static final long[] SHAPE = { 3, 37, 53 }; // z, y, x: odd sizes give partial edge chunks
	private static final int[] CHUNKS = { 2, 16, 16 };

	@TempDir
	Path dir;

	static Stream<Arguments> variants() {
		return Stream.of(//
			Arguments.of(ZarrFormat.V2, Compression.zstd(), false), //
			Arguments.of(ZarrFormat.V2, Compression.blosc(), false), //
			Arguments.of(ZarrFormat.V2, Compression.blosc("lz4", 5, Compression.Shuffle.BITSHUFFLE), false), //
			Arguments.of(ZarrFormat.V2, Compression.none(), false), //
			Arguments.of(ZarrFormat.V3, Compression.zstd(), false), //
			Arguments.of(ZarrFormat.V3, Compression.blosc(), false), //
			Arguments.of(ZarrFormat.V3, Compression.none(), false), //
			Arguments.of(ZarrFormat.V3, Compression.zstd(), true), //
			Arguments.of(ZarrFormat.V3, Compression.none(), true), //
			Arguments.of(ZarrFormat.V3, Compression.blosc("lz4", 5, Compression.Shuffle.SHUFFLE), true));
	}

	@ParameterizedTest(name = "{0} {1} sharded={2}")
	@MethodSource("variants")
	void uint16ReadsBackIdenticallyWithOursAndAnIndependentReader(final ZarrFormat format,
		final Compression compression, final boolean sharded) throws Exception
	{
		final short[][] planes = new short[(int) SHAPE[0]][];
		for (int z = 0; z < SHAPE[0]; z++)
			planes[z] = pattern(z);
		final ArraySpec spec = new ArraySpec(format, SHAPE, CHUNKS, sharded ? new int[] { 4, 32, 32 } : null,
			DataType.UINT16, compression, new String[] { "z", "y", "x" });
		final FileSystemStore store = new FileSystemStore(dir.resolve("a.zarr"));
		try (PlaneStreamWriter w = new PlaneStreamWriter(ZarrArrayWriter.create(store, "0", spec), 2)) {
			for (int z = 0; z < SHAPE[0]; z++)
				w.writePlane(new long[] { z }, planes[z]);
		}

		final ZarrArrayReader ours = ZarrArrayReader.open(store, "0");
		assertEquals(spec.toString(), ours.spec().toString());
		final byte[][] all = ours.readAllPlanes(); // each chunk decoded once, for the planes it spans
		assertEquals(SHAPE[0], all.length);
		for (int z = 0; z < SHAPE[0]; z++) {
			assertArrayEquals(planes[z], (short[]) Planes.fromBytes(ours.readPlane(new long[] { z }),
				DataType.UINT16), "plane " + z);
			assertArrayEquals(planes[z], (short[]) Planes.fromBytes(all[z], DataType.UINT16), "plane " + z + " of all");
		}

		final IndependentReaders.Result theirs = IndependentReaders.readArray(format, store.root(), "0");
		assertEquals("[3,37,53]", theirs.report.get("shape").toString());
		assertArrayEquals(expectedBytes(planes), theirs.data);
	}

	@Test
	void shardsGroupingFramesAndChannelsReadBackWithOursAndZarrita() throws Exception {
		// t, c, z, y, x: a shard spans z and c whole and 2 of the 3 frames, so the last shard in t is partial
		final long[] shape = { 3, 2, 3, 37, 53 };
		final ArraySpec spec = new ArraySpec(ZarrFormat.V3, shape, new int[] { 1, 1, 2, 16, 16 }, new int[] { 2, 2, 4,
			32, 32 }, DataType.UINT16, Compression.zstd(), new String[] { "t", "c", "z", "y", "x" });
		final FileSystemStore store = new FileSystemStore(dir.resolve("tczyx.zarr"));
		final short[][] planes = new short[18][];
		try (PlaneStreamWriter w = new PlaneStreamWriter(ZarrArrayWriter.create(store, "0", spec), 2)) {
			for (int i = 0; i < planes.length; i++) {
				planes[i] = pattern(i);
				w.writePlane(new long[] { i / 6, i / 3 % 2, i % 3 }, planes[i]);
			}
		}
		assertTrue(Files.exists(dir.resolve("tczyx.zarr/0/c/1/0/0/1/1")), "last shard in t missing");
		assertFalse(Files.exists(dir.resolve("tczyx.zarr/0/c/0/1/0/0/0")), "a shard past the channels written");
		final ZarrArrayReader ours = ZarrArrayReader.open(store, "0");
		for (int i = 0; i < planes.length; i++)
			assertArrayEquals(planes[i], (short[]) Planes.fromBytes(ours.readPlane(new long[] { i / 6, i / 3 % 2, i %
				3 }), DataType.UINT16), "plane " + i);
		final IndependentReaders.Result theirs = IndependentReaders.readArray(ZarrFormat.V3, store.root(), "0");
		assertEquals("[3,2,3,37,53]", theirs.report.get("shape").toString());
		assertArrayEquals(expectedBytes(planes), theirs.data);
	}

	@Test
	void shardsThatWouldHoldPlanesOutOfOrderAreRefused() throws Exception {
		// grouping two frames while z is split over shards would need every plane of the first frame at once
		final ArraySpec spec = new ArraySpec(ZarrFormat.V3, new long[] { 2, 6, 8, 8 }, new int[] { 1, 2, 8, 8 },
			new int[] { 2, 4, 8, 8 }, DataType.UINT16, Compression.zstd(), null);
		final ZarrArrayWriter writer = ZarrArrayWriter.create(new FileSystemStore(dir.resolve("split.zarr")), "",
			spec);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlaneStreamWriter(
			writer, 1));
		assertTrue(e.getMessage().contains("spans every later dimension"), e.getMessage());
	}

	@Test
	void shardShapesGroupChunksAlongEveryAxisTheyCan() {
		final long budget = ChunkShapes.SLAB_BUDGET_BYTES;
		// a stack chunked 16 planes deep: shards 2 chunks deep too, not one (issue 12, item 9)
		assertArrayEquals(new int[] { 32, 512, 512 }, ChunkShapes.shards(new long[] { 100, 512, 512 }, new int[] {
			16, 256, 512 }, 2, 2, budget));
		// z whole in one shard: channels and frames are grouped as well
		assertArrayEquals(new int[] { 2, 2, 4, 48, 64 }, ChunkShapes.shards(new long[] { 2, 2, 4, 48, 64 },
			new int[] { 1, 1, 4, 48, 64 }, 2, 2, budget));
		assertArrayEquals(new int[] { 3, 1, 4, 48, 64 }, ChunkShapes.shards(new long[] { 5, 1, 4, 48, 64 },
			new int[] { 1, 1, 4, 48, 64 }, 3, 2, budget));
		// z split over shards: nothing before it is grouped
		assertArrayEquals(new int[] { 1, 8, 48, 64 }, ChunkShapes.shards(new long[] { 3, 10, 48, 64 }, new int[] {
			1, 4, 48, 64 }, 2, 2, budget));
		// never past the last chunk: 3 planes in chunks 2 deep give shards 4 deep, 37 rows in 16 give 48
		assertArrayEquals(new int[] { 4, 48, 64 }, ChunkShapes.shards(new long[] { 3, 37, 53 }, new int[] { 2, 16,
			16 }, 4, 2, budget));
		// within the budget: 8 MB planes in 4-plane chunks give shards 8 planes deep; 128 MB planes one plane
		assertArrayEquals(new int[] { 8, 1024, 2048 }, ChunkShapes.shards(new long[] { 64, 2048, 2048 }, new int[] {
			4, 512, 1024 }, 2, 2, budget));
		assertArrayEquals(new int[] { 1, 2048, 4096 }, ChunkShapes.shards(new long[] { 10, 8192, 8192 }, new int[] {
			1, 1024, 2048 }, 2, 2, budget));
		assertArrayEquals(new int[] { 4, 512, 1024 }, ChunkShapes.shards(new long[] { 64, 2048, 2048 }, new int[] {
			4, 512, 1024 }, 1, 2, budget), "factor 1: one chunk per shard");
	}

	@Test
	void allZeroChunksAndShardsAreNotWritten() throws Exception {
		final ArraySpec spec = new ArraySpec(ZarrFormat.V3, SHAPE, CHUNKS, new int[] { 2, 32, 32 },
			DataType.UINT16, Compression.zstd(), null);
		final FileSystemStore store = new FileSystemStore(dir.resolve("z.zarr"));
		try (PlaneStreamWriter w = new PlaneStreamWriter(ZarrArrayWriter.create(store, "", spec), 1)) {
			w.writePlane(new long[] { 0 }, new short[37 * 53]);
			w.writePlane(new long[] { 1 }, new short[37 * 53]);
			w.writePlane(new long[] { 2 }, pattern(2));
		}
		assertFalse(Files.exists(dir.resolve("z.zarr/c/0/0/0")), "all-zero shard written");
		assertTrue(Files.exists(dir.resolve("z.zarr/c/1/0/0")), "non-zero shard missing");
		assertArrayEquals(new short[37 * 53], (short[]) Planes.fromBytes(ZarrArrayReader.open(store, "")
			.readPlane(new long[] { 0 }), DataType.UINT16));
	}

	@Test
	void otherElementTypesRoundTrip() throws Exception {
		for (final ZarrFormat format : ZarrFormat.values()) {
			final FileSystemStore store = new FileSystemStore(dir.resolve("types-" + format + ".zarr"));
			final int[] ints = { 0, 1, -1, Integer.MAX_VALUE, 70000, 5 };
			final float[] floats = { 0f, 1.5f, -2.25f, Float.MAX_VALUE, 1e-9f, 7f };
			final byte[] bytes = { 0, 1, (byte) 255, 17, 0, 3 };
			write(store, "u4", format, DataType.UINT32, ints);
			write(store, "f4", format, DataType.FLOAT32, floats);
			write(store, "u1", format, DataType.UINT8, bytes);
			assertArrayEquals(ints, (int[]) Planes.fromBytes(ZarrArrayReader.open(store, "u4").readPlane(
				new long[0]), DataType.UINT32));
			assertArrayEquals(floats, (float[]) Planes.fromBytes(ZarrArrayReader.open(store, "f4").readPlane(
				new long[0]), DataType.FLOAT32));
			final IndependentReaders.Result u1 = IndependentReaders.readArray(format, store.root(), "u1");
			assertArrayEquals(bytes, u1.data);
			final IndependentReaders.Result f4 = IndependentReaders.readArray(format, store.root(), "f4");
			final ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
			b.asFloatBuffer().put(floats);
			assertArrayEquals(b.array(), f4.data);
		}
	}

	@Test
	void planesOutOfOrderAreRefused() throws Exception {
		final ArraySpec spec = new ArraySpec(ZarrFormat.V3, SHAPE, CHUNKS, null, DataType.UINT16, Compression
			.zstd(), null);
		final PlaneStreamWriter w = new PlaneStreamWriter(ZarrArrayWriter.create(new FileSystemStore(dir
			.resolve("o.zarr")), "", spec), 1);
		assertThrows(IllegalStateException.class, () -> w.writePlane(new long[] { 1 }, pattern(1)));
		final IOException e = assertThrows(IOException.class, w::close);
		assertTrue(e.getMessage().contains("only 0 of 3 planes"), e.getMessage());
	}

	@Test
	void badMetadataIsReportedWithItsFile() throws Exception {
		final Path root = dir.resolve("bad.zarr");
		Files.createDirectories(root.resolve("0"));
		Files.write(root.resolve("0/zarr.json"), ("{\"zarr_format\":3,\"node_type\":\"array\",\"shape\":[2],"
			+ "\"data_type\":\"complex64\"}").getBytes(StandardCharsets.UTF_8));
		final IOException e = assertThrows(IOException.class, () -> ZarrArrayReader.open(new FileSystemStore(
			root), "0"));
		assertTrue(e.getMessage().contains("zarr.json") && e.getMessage().contains("complex64"), e
			.getMessage());
	}

	@Test
	void codecsParseAsTypedOnACommandLine() {
		assertEquals("zstd(level 3)", Compression.parse("zstd").toString());
		assertEquals("zstd(level 7)", Compression.parse("ZSTD:7").toString());
		assertEquals("blosc(zstd, level 5, shuffle)", Compression.parse("blosc").toString());
		assertEquals("blosc(lz4, level 2, bitshuffle)", Compression.parse("blosc:lz4:2:bitshuffle").toString());
		assertEquals("none", Compression.parse("none").toString());
		for (final String bad : new String[] { "gzip", "zstd:99", "blosc:snappy", "zstd:x", "none:1" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compression.parse(
				bad));
			assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
		}
	}

	@Test
	void chunkShapesAimAtFourMegabytes() {
		assertArrayEquals(new int[] { 4, 512, 1024 }, ChunkShapes.choose(new long[] { 64, 2048, 2048 }, 0, 2,
			ChunkShapes.DEFAULT_TARGET_BYTES));
		assertArrayEquals(new int[] { 32, 256, 256 }, ChunkShapes.choose(new long[] { 64, 256, 256 }, 0, 2,
			ChunkShapes.DEFAULT_TARGET_BYTES));
		assertArrayEquals(new int[] { 1, 1024, 2048 }, ChunkShapes.choose(new long[] { 1, 2048, 2048 }, -1, 2,
			ChunkShapes.DEFAULT_TARGET_BYTES));
		assertArrayEquals(new int[] { 2, 1024, 1024 }, ChunkShapes.choose(new long[] { 2, 2048, 2048 }, 0, 2,
			ChunkShapes.DEFAULT_TARGET_BYTES));
		// a 128 MB plane: one plane deep, so a writer never holds several such planes
		assertArrayEquals(new int[] { 1, 1024, 2048 }, ChunkShapes.choose(new long[] { 10, 8192, 8192 }, 0, 2,
			ChunkShapes.DEFAULT_TARGET_BYTES));
		assertArrayEquals(new int[] { 1, 100, 20000 }, ChunkShapes.choose(new long[] { 1, 100, 20000 }, 0, 1,
			ChunkShapes.DEFAULT_TARGET_BYTES));
		// the 2 MB target asked for explicitly
		assertArrayEquals(new int[] { 4, 512, 512 }, ChunkShapes.choose(new long[] { 64, 2048, 2048 }, 0, 2, 2 << 20));
	}

	private static void write(final FileSystemStore store, final String path, final ZarrFormat format,
		final DataType type, final Object plane) throws IOException
	{
		final ArraySpec spec = new ArraySpec(format, new long[] { 2, 3 }, new int[] { 2, 2 }, null, type,
			Compression.zstd(), null);
		try (PlaneStreamWriter w = new PlaneStreamWriter(ZarrArrayWriter.create(store, path, spec), 1)) {
			w.writePlane(new long[0], plane);
		}
	}

	private static short[] pattern(final int z) {
		final short[] p = new short[37 * 53];
		for (int i = 0; i < p.length; i++)
			p[i] = (short) (z == 0 && i < 600 ? 0 : (i * 31 + z * 1000) % 65536);
		return p;
	}

	private static byte[] expectedBytes(final short[][] planes) {
		final ByteBuffer b = ByteBuffer.allocate(planes.length * planes[0].length * 2).order(
			ByteOrder.LITTLE_ENDIAN);
		for (final short[] p : planes)
			for (final short v : p)
				b.putShort(v);
		return b.array();
	}
}
