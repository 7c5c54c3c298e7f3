package io.github.biaannotations.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import ij.ImagePlus;
import ij.process.ShortProcessor;

import io.github.biaannotations.imagej.LabelImages;
import io.github.biaannotations.importing.LabelImageImport;
import io.github.biaannotations.model.Folders;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.ngff.OmeZarrExporter;
import io.github.biaannotations.ngff.OmeZarrOptions;

/**
 * Fuzzes reading our OME-Zarr label images back (metadata and arrays): a valid label OME-Zarr, 0.5 on Zarr v3 or
 * 0.4 on Zarr v2, has one of its files (group or array metadata, a chunk) replaced by the fuzzer's bytes. The
 * first byte chooses the store and the file. Reading must succeed or fail with a clear error naming the store.
 */
class OmeZarrFuzzTest {

	private static Path base;
	private static final List<Path> stores = new ArrayList<>();
	private static final List<List<Path>> files = new ArrayList<>();

	@BeforeAll
	static void stores() throws IOException {
		base = Files.createTempDirectory("fuzz-zarr");
		final ShortProcessor ip = new ShortProcessor(40, 30);
		for (int y = 5; y < 20; y++)
			for (int x = 5; x < 30; x++)
				ip.set(x, y, x < 15 ? 1 : 700);
		final ImagePlus imp = new ImagePlus("labels", ip);
		for (final NgffVersion v : NgffVersion.values()) {
			final Path out = base.resolve("v" + v.text() + "_labels.ome.zarr");
			new OmeZarrExporter(OmeZarrOptions.defaults().withVersion(v).withMaxPlaneSide(16))
				.exportLabels(LabelImages.fromImagePlus(imp, "labels", Map.of()).get(0), out, null);
			stores.add(out);
			try (Stream<Path> s = Files.walk(out)) {
				files.add(s.filter(Files::isRegularFile).sorted().collect(Collectors.toList()));
			}
		}
	}

	@AfterAll
	static void clean() throws IOException {
		Folders.deleteTree(base);
	}

	@FuzzTest(maxDuration = "20s")
	void omeZarr(final byte[] data) throws IOException {
		if (data.length == 0) return;
		final int which = data[0] & 0xff;
		final int store = which % stores.size();
		final List<Path> candidates = files.get(store);
		final Path original = candidates.get((which / stores.size()) % candidates.size());
		final Path copy = base.resolve("case");
		Folders.deleteTree(copy);
		copyTree(stores.get(store), copy);
		Files.write(copy.resolve(stores.get(store).relativize(original).toString()), java.util.Arrays.copyOfRange(data, 1, data.length));
		try {
			final ImagePlus back = LabelImageImport.read(copy, null);
			if (back.getWidth() <= 0 || back.getHeight() <= 0) throw new AssertionError("an empty image read without error");
		} catch (final IOException | RuntimeException e) {
			Expected.clearError(e, copy.getFileName().toString());
		}
	}

	private static void copyTree(final Path from, final Path to) throws IOException {
		try (Stream<Path> s = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
