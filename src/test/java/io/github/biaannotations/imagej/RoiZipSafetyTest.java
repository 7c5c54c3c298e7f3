package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;

/**
 * Hostile zips and ROI files (issue 7): zip bombs, entries leaving the zip (zip slip), duplicate entry names,
 * oversized files and ROI headers announcing more data than they hold. Each gives a {@link RoiFileException}
 * naming the file and entry, and nothing is handed on after the fault.
 */
class RoiZipSafetyTest {

	@TempDir
	Path tmp;

	private static byte[] rect(final String name) {
		final Roi r = new Roi(1, 2, 30, 40);
		r.setName(name);
		return RoiEncoder.saveAsByteArray(r);
	}

	private Path zip(final String file, final String[] names, final byte[][] contents) throws IOException {
		final Path f = tmp.resolve(file);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
			for (int i = 0; i < names.length; i++) {
				out.putNextEntry(new ZipEntry(names[i]));
				out.write(contents[i]);
				out.closeEntry();
			}
		}
		return f;
	}

	private static RoiFileException refused(final Path f, final List<Roi> got) {
		return assertThrows(RoiFileException.class, () -> RoiFiles.read(f, (r, o) -> got.add(r), w -> {}));
	}

	@Test
	void zipBombIsRefusedBeforeItFillsMemory() throws IOException {
		// 40 ROIs each padded with 1 MB of zeros: 40 MB from about 40 KB, a ratio near 1000
		final byte[] padded = new byte[1 << 20];
		final byte[] roi = rect("r");
		System.arraycopy(roi, 0, padded, 0, roi.length);
		final String[] names = new String[40];
		final byte[][] data = new byte[40][];
		for (int i = 0; i < names.length; i++) {
			names[i] = String.format("%04d.roi", i);
			data[i] = padded;
		}
		final Path f = zip("bomb.zip", names, data);
		assertTrue(Files.size(f) < 200_000, "the test zip is small: " + Files.size(f));
		final List<Roi> got = new ArrayList<>();
		final RoiFileException e = refused(f, got);
		assertTrue(e.getMessage().contains("bomb.zip") && e.getMessage().contains("zip bomb"), e.getMessage());
		assertTrue(got.size() < 20, "stopped early, after " + got.size() + " ROIs");
	}

	@Test
	void zipBombInEntriesThatAreNotRoisIsRefusedToo() throws IOException {
		final Path f = zip("bomb.zip", new String[] { "a.roi", "padding.txt" }, new byte[][] { rect("a"),
			new byte[40 << 20] });
		final RoiFileException e = refused(f, new ArrayList<>());
		assertTrue(e.getMessage().contains("padding.txt") && e.getMessage().contains("zip bomb"), e.getMessage());
	}

	@Test
	void ordinaryLargeRoiSetIsNoBomb() throws IOException {
		// 20,000 polygons of 200 random-ish vertices: over 16 MB expanded, compressing only a few times
		final Path f = tmp.resolve("RoiSet.zip");
		final java.util.Random random = new java.util.Random(7);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
			for (int i = 0; i < 20_000; i++) {
				final float[] x = new float[200], y = new float[200];
				for (int k = 0; k < x.length; k++) {
					x[k] = random.nextFloat() * 30000;
					y[k] = random.nextFloat() * 30000;
				}
				out.putNextEntry(new ZipEntry(String.format("%05d.roi", i)));
				out.write(RoiEncoder.saveAsByteArray(new PolygonRoi(x, y, Roi.POLYGON)));
				out.closeEntry();
			}
		}
		final int[] n = { 0 };
		assertEquals(20_000, RoiFiles.read(f, (r, o) -> n[0]++, w -> {}));
		assertEquals(20_000, n[0]);
	}

	@Test
	void entriesLeavingTheZipAreRefused() throws IOException {
		for (final String bad : new String[] { "../evil.roi", "a/../../evil.roi", "/etc/evil.roi", "..\\evil.roi",
			"C:/evil.roi" })
		{
			final Path f = zip("slip.zip", new String[] { "0001.roi", bad }, new byte[][] { rect("a"), rect("b") });
			final RoiFileException e = refused(f, new ArrayList<>());
			assertTrue(e.getMessage().contains("slip.zip") && e.getMessage().contains(bad) && e.getMessage()
				.contains("leaves the zip"), e.getMessage());
		}
	}

	@Test
	void entriesInSubfoldersAreFineAndNamedByTheirFileName() throws IOException {
		final Path f = zip("RoiSet.zip", new String[] { "cells/0001-0002.roi", "x..y.roi" }, new byte[][] {
			RoiEncoder.saveAsByteArray(new Roi(0, 0, 5, 5)), rect("kept") });
		final List<Roi> got = new ArrayList<>();
		assertEquals(2, RoiFiles.read(f, (r, o) -> got.add(r), w -> {}));
		assertEquals("0001-0002", got.get(0).getName());
		assertEquals("kept", got.get(1).getName());
	}

	@Test
	void duplicateEntryNamesAreRefused() throws IOException {
		// ZipOutputStream refuses duplicates, so write a.roi and b.roi and rename b to a in the raw bytes
		final Path f = zip("dup.zip", new String[] { "a.roi", "b.roi" }, new byte[][] { rect("first"), rect(
			"second") });
		final byte[] raw = Files.readAllBytes(f);
		final String text = new String(raw, StandardCharsets.ISO_8859_1).replace("b.roi", "a.roi");
		Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
		final List<Roi> got = new ArrayList<>();
		final RoiFileException e = refused(f, got);
		assertTrue(e.getMessage().contains("dup.zip") && e.getMessage().contains("'a.roi'") && e.getMessage()
			.contains("twice"), e.getMessage());
		assertEquals(1, got.size());
	}

	@Test
	void oversizedRoiFileIsRefusedWithoutReadingIt() throws IOException {
		final Path f = tmp.resolve("huge.roi");
		try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
			raf.setLength(RoiFiles.MAX_ROI_BYTES + 1); // sparse: no disk used
		}
		final RoiFileException e = refused(f, new ArrayList<>());
		assertTrue(e.getMessage().contains("huge.roi") && e.getMessage().contains("MB"), e.getMessage());
	}

	@Test
	void headerAskingForGigabytesIsDamagedNotOutOfMemory() throws IOException {
		// A polygon whose second header gives its name a length of 2^30 characters (ImageJ would allocate 2 GB)
		final Roi named = new PolygonRoi(new float[] { 0, 10, 5 }, new float[] { 0, 0, 8 }, Roi.POLYGON);
		named.setName("cell");
		final byte[] b = RoiEncoder.saveAsByteArray(named);
		final int h2 = getInt(b, 60);
		putInt(b, h2 + 20, 1 << 30);
		final Path f = tmp.resolve("name.roi");
		Files.write(f, b);
		final RoiFileException e = refused(f, new ArrayList<>());
		assertTrue(e.getMessage().contains("name.roi") && e.getMessage().contains("damaged ROI"), e.getMessage());
		// and a polygon announcing 2^31-1 coordinates
		final byte[] p = RoiEncoder.saveAsByteArray(new PolygonRoi(new int[] { 0, 10, 5 }, new int[] { 0, 0, 8 }, 3,
			Roi.POLYGON));
		p[16] = 0;
		p[17] = 0;
		putInt(p, 18, Integer.MAX_VALUE);
		Files.write(f, p);
		assertTrue(refused(f, new ArrayList<>()).getMessage().contains("coordinates"));
	}

	@Test
	void fuzzCrashersAreRegressionTests() throws IOException {
		// The inputs Jazzer found (src/test/resources/.../RoiFilesFuzzTestInputs) run in RoiFilesFuzzTest; this
		// keeps one readable here: a composite ROI whose name length overflows ImageJ's own bounds check.
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(rect("x"), 0, 64);
		final byte[] b = out.toByteArray();
		putInt(b, 36, 0x7fffffff); // composite shape size
		final Path f = tmp.resolve("shape.roi");
		Files.write(f, b);
		assertTrue(refused(f, new ArrayList<>()).getMessage().contains("composite shape"));
	}

	private static int getInt(final byte[] b, final int at) {
		return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
	}

	private static void putInt(final byte[] b, final int at, final int v) {
		b[at] = (byte) (v >> 24);
		b[at + 1] = (byte) (v >> 16);
		b[at + 2] = (byte) (v >> 8);
		b[at + 3] = (byte) v;
	}
}
