package io.github.biaannotations.imagej;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;

/**
 * Reads ROIs from the files ImageJ writes: single {@code .roi} files, {@code RoiSet.zip} files from the ROI
 * Manager, and the overlay of an ImageJ TIFF. ROIs are handed over one at a time so that a set of a million
 * never has to sit in memory. Damaged input fails with a {@link RoiFileException} naming the file and entry.
 */
public final class RoiFiles {

	/** Largest single .roi entry accepted (ImageJ's own are far smaller; this bounds zip bombs). */
	static final long MAX_ROI_BYTES = 64L << 20;

	/**
	 * Most bytes a zip may expand to per compressed byte read, once it has expanded to more than
	 * {@link #BOMB_FLOOR_BYTES}. ImageJ's ROI sets compress about 2-10 times; a zip bomb, thousands of times.
	 */
	static final int MAX_EXPANSION_RATIO = 200;

	/** Expansion below this is never called a zip bomb, whatever the ratio. */
	static final long BOMB_FLOOR_BYTES = 16L << 20;

	/** Receives each ROI with a label of where it came from ("RoiSet.zip: 0001-0023.roi"). */
	public interface RoiSink {

		void accept(Roi roi, String origin) throws IOException;
	}

	private RoiFiles() {}

	/**
	 * Reads every ROI of a file, choosing the format by its extension ({@code .roi}, {@code .zip}, else an
	 * image whose overlay is read).
	 *
	 * @param warnings receives one line for each entry that is skipped (zip entries that are not ROIs)
	 * @return the number of ROIs read
	 * @throws RoiFileException if the file is damaged or holds no ROI
	 */
	public static int read(final Path file, final RoiSink sink, final Consumer<String> warnings) throws IOException {
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such ROI file");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final int n;
		if (name.endsWith(".roi")) n = readRoi(file, sink);
		else if (name.endsWith(".zip")) n = readZip(file, sink, warnings);
		else n = readOverlay(file, sink);
		if (n == 0) throw new RoiFileException(file, "contains no ROIs");
		return n;
	}

	private static int readRoi(final Path file, final RoiSink sink) throws IOException {
		if (Files.size(file) > MAX_ROI_BYTES) throw new RoiFileException(file, "larger than " +
			(MAX_ROI_BYTES >> 20) + " MB, not an ImageJ ROI");
		sink.accept(decode(Files.readAllBytes(file), file.getFileName().toString(), file.toString()), file.toString());
		return 1;
	}

	private static int readZip(final Path file, final RoiSink sink, final Consumer<String> warnings) throws IOException {
		int n = 0;
		// 64-bit hashes of the names, 8-16 bytes each: a set of Strings took 120 MB for a million ROIs
		// (MillionRoisRoundTripBenchmark). Two names sharing a hash (odds about 1e-8 for a million) read as
		// duplicates.
		final NameHashes seen = new NameHashes();
		long expanded = 0;
		try (CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
			ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw)))
		{
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				final String entry = e.getName();
				final String where = file + ": entry '" + entry + "'";
				if (unsafe(entry)) throw new RoiFileException(where, "a path that leaves the zip ('..', " +
					"an absolute path or a drive); ImageJ never writes such entries, refusing the file");
				if (!seen.add(entry)) throw new RoiFileException(where, "appears twice; a RoiSet.zip has unique " +
					"entry names, and tools disagree on which copy counts, refusing the file");
				if (e.isDirectory()) continue;
				if (!entry.toLowerCase(Locale.ROOT).endsWith(".roi")) {
					warnings.accept(file + ": entry '" + entry + "' is not a ROI; skipped");
					expanded += skipEntry(zip, where, raw, expanded);
					continue;
				}
				final byte[] bytes = readEntry(zip, where, raw, expanded);
				expanded += bytes.length;
				final String at = file + ": " + entry;
				sink.accept(decode(bytes, baseName(entry), at), at);
				n++;
			}
		} catch (final ZipException | java.io.EOFException | IllegalArgumentException ex) {
			if (ex instanceof RoiFileException) throw ex;
			// IllegalArgumentException: ZipInputStream's answer to entry names that are not valid UTF-8
			throw new RoiFileException(file, "damaged or truncated zip after " + n + " ROIs (" + ex.getMessage() + ")", ex);
		}
		if (n == 0 && Files.size(file) > 0 && !looksLikeZip(file))
			throw new RoiFileException(file, "not a zip file");
		return n;
	}

	/** True for entry names that would leave the folder a zip is unpacked into (zip slip). */
	static boolean unsafe(final String entry) {
		final String p = entry.replace('\\', '/');
		if (p.startsWith("/") || p.indexOf('\0') >= 0 || p.matches("^[A-Za-z]:.*")) return true;
		for (final String part : p.split("/")) {
			if (part.equals("..")) return true;
		}
		return false;
	}

	/** The file name part of an entry: ImageJ names a ROI without a stored name after it. */
	private static String baseName(final String entry) {
		final String p = entry.replace('\\', '/');
		return p.substring(p.lastIndexOf('/') + 1);
	}

	/** A set of 64-bit hashes of entry names, open addressing in one long[] (0 marks a free slot). */
	private static final class NameHashes {

		private long[] table = new long[1024];
		private int size;

		/** Adds the name; false when it (or another name with the same 64-bit hash) was there already. */
		boolean add(final String name) {
			long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 code units, then mixed
			for (int i = 0; i < name.length(); i++) {
				h = (h ^ name.charAt(i)) * 0x100000001b3L;
			}
			h ^= h >>> 33;
			h *= 0xff51afd7ed558ccdL;
			h ^= h >>> 33;
			if (h == 0) h = 1;
			if (2 * (size + 1) > table.length) grow();
			if (!insert(table, h)) return false;
			size++;
			return true;
		}

		private static boolean insert(final long[] t, final long h) {
			int i = (int) (h & (t.length - 1));
			while (t[i] != 0) {
				if (t[i] == h) return false;
				i = (i + 1) & (t.length - 1);
			}
			t[i] = h;
			return true;
		}

		private void grow() {
			final long[] bigger = new long[table.length * 2];
			for (final long h : table) {
				if (h != 0) insert(bigger, h);
			}
			table = bigger;
		}
	}

	/** Counts the bytes read from the file, to compare a zip's expanded size with its compressed size. */
	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(final InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			final int b = super.read();
			if (b >= 0) count++;
			return b;
		}

		@Override
		public int read(final byte[] b, final int off, final int len) throws IOException {
			final int r = super.read(b, off, len);
			if (r > 0) count += r;
			return r;
		}

		@Override
		public long skip(final long n) throws IOException {
			final long r = super.skip(n);
			count += r;
			return r;
		}
	}

	private static boolean looksLikeZip(final Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K';
		}
	}

	/** Reads past an entry that is not a ROI, with the same zip bomb check; returns its size. */
	private static long skipEntry(final InputStream in, final String where, final CountingInputStream compressed,
		final long expandedBefore) throws IOException
	{
		final byte[] buf = new byte[8192];
		long size = 0;
		int r;
		while ((r = in.read(buf)) > 0) {
			size += r;
			checkExpansion(where, compressed, expandedBefore + size);
		}
		return size;
	}

	private static void checkExpansion(final String where, final CountingInputStream compressed, final long expanded) {
		if (expanded > BOMB_FLOOR_BYTES && expanded > MAX_EXPANSION_RATIO * Math.max(1, compressed.count()))
			throw new RoiFileException(where, "the zip expands more than " + MAX_EXPANSION_RATIO + " times (" +
				expanded + " bytes from " + compressed.count() + "), a zip bomb, not a RoiSet; refusing it");
	}

	/**
	 * Reads one entry, refusing it beyond {@link #MAX_ROI_BYTES} or when the zip (of which {@code compressed}
	 * counts the bytes read so far) has expanded more than {@link #MAX_EXPANSION_RATIO} times.
	 */
	private static byte[] readEntry(final InputStream in, final String where, final CountingInputStream compressed,
		final long expandedBefore) throws IOException
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buf = new byte[8192];
		int r;
		while ((r = in.read(buf)) > 0) {
			out.write(buf, 0, r);
			if (out.size() > MAX_ROI_BYTES)
				throw new RoiFileException(where, "larger than " + (MAX_ROI_BYTES >> 20) + " MB, not an ImageJ ROI");
			checkExpansion(where, compressed, expandedBefore + out.size());
		}
		return out.toByteArray();
	}

	private static int readOverlay(final Path file, final RoiSink sink) throws IOException {
		final ImagePlus imp = ImageFiles.open(file);
		final Overlay overlay = imp.getOverlay();
		if (overlay == null) return 0;
		for (int i = 0; i < overlay.size(); i++)
			sink.accept(overlay.get(i), file + ": overlay element " + (i + 1));
		return overlay.size();
	}

	/** Decodes one ROI, turning ImageJ's varied failures into one message naming the input. */
	static Roi decode(final byte[] bytes, final String name, final String where) {
		if (bytes.length < 64 || bytes[0] != 'I' || bytes[1] != 'o' || bytes[2] != 'u' || bytes[3] != 't')
			throw new RoiFileException(where, "not an ImageJ ROI (" + bytes.length + " bytes, no 'Iout' header)");
		RoiHeader.check(bytes, where);
		// ImageJ fits a spline while decoding, with as many points as half the outline's length: a damaged
		// ROI with far-flung vertices asks for billions (found by fuzzing). The fit is done here, bounded.
		final boolean splineFit = (bytes[OPTIONS + 1] & SPLINE_FIT) != 0;
		final byte[] data = splineFit ? bytes.clone() : bytes;
		if (splineFit) data[OPTIONS + 1] &= ~SPLINE_FIT;
		final Roi roi;
		try {
			roi = new RoiDecoder(data, name).getRoi();
		} catch (final IOException | RuntimeException e) {
			throw new RoiFileException(where, "damaged ROI (" + e.getClass().getSimpleName() +
				(e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
		}
		if (roi == null) throw new RoiFileException(where, "ROI type not readable by ImageJ");
		if (splineFit && roi instanceof PolygonRoi) {
			final double length = ((PolygonRoi) roi).getUncalibratedLength();
			if (!(length / 2 <= MAX_SPLINE_POINTS))
				throw new RoiFileException(where, "damaged ROI (a spline-fit outline " + length + " pixels long)");
			((PolygonRoi) roi).fitSpline();
		}
		return roi;
	}

	/** Offset of the options field in a .roi header (big-endian 16 bits), and its spline-fit flag. */
	private static final int OPTIONS = 50, SPLINE_FIT = 1;
	/** Most points a spline fit may have: outlines up to 20 million pixels long. */
	private static final double MAX_SPLINE_POINTS = 1e7;
}
