package io.github.biaannotations.imagej;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
		if (n == 0) throw new RoiFileException(file + ": contains no ROIs");
		return n;
	}

	private static int readRoi(final Path file, final RoiSink sink) throws IOException {
		sink.accept(decode(Files.readAllBytes(file), file.getFileName().toString(), file.toString()), file.toString());
		return 1;
	}

	private static int readZip(final Path file, final RoiSink sink, final Consumer<String> warnings) throws IOException {
		int n = 0;
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				final String entry = e.getName();
				if (e.isDirectory()) continue;
				if (!entry.toLowerCase(Locale.ROOT).endsWith(".roi")) {
					warnings.accept(file + ": entry '" + entry + "' is not a ROI; skipped");
					continue;
				}
				final byte[] bytes = readEntry(zip, file + ": entry '" + entry + "'");
				final String where = file + ": " + entry;
				sink.accept(decode(bytes, entry, where), where);
				n++;
			}
		} catch (final ZipException | java.io.EOFException ex) {
			throw new RoiFileException(file + ": damaged or truncated zip after " + n + " ROIs (" + ex.getMessage() + ")", ex);
		}
		if (n == 0 && Files.size(file) > 0 && !looksLikeZip(file))
			throw new RoiFileException(file + ": not a zip file");
		return n;
	}

	private static boolean looksLikeZip(final Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K';
		}
	}

	private static byte[] readEntry(final InputStream in, final String where) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buf = new byte[8192];
		int r;
		while ((r = in.read(buf)) > 0) {
			out.write(buf, 0, r);
			if (out.size() > MAX_ROI_BYTES)
				throw new RoiFileException(where + ": larger than " + (MAX_ROI_BYTES >> 20) + " MB, not an ImageJ ROI");
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
			throw new RoiFileException(where + ": not an ImageJ ROI (" + bytes.length + " bytes, no 'Iout' header)");
		final Roi roi;
		try {
			roi = new RoiDecoder(bytes, name).getRoi();
		} catch (final IOException | RuntimeException e) {
			throw new RoiFileException(where + ": damaged ROI (" + e.getClass().getSimpleName() +
				(e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
		}
		if (roi == null) throw new RoiFileException(where + ": ROI type not readable by ImageJ");
		return roi;
	}
}
