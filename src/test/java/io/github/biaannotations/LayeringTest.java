package io.github.biaannotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layout of the README's Development section, checked on the sources' imports: which of our packages each
 * package may use, and that ImageJ, Swing, SciJava's user interface and picocli stay where they belong. A new
 * import that breaks a rule fails here, naming the file; a new package must be given its line.
 */
class LayeringTest {

	private static final Path SOURCES = Paths.get("src/main/java/io/github/biaannotations");
	private static final String ROOT = "io.github.biaannotations.";

	/** Each package and the packages of ours it may use (as in the README). */
	private static final Map<String, Set<String>> MAY_USE = new TreeMap<>();

	static {
		may("model");
		may("zarr");
		may("labels", "model");
		may("geojson", "model");
		may("coco", "model");
		may("csv", "model");
		may("metadata", "model");
		may("ngff", "model", "zarr", "labels");
		may("submission", "model", "metadata", "geojson", "ngff");
		may("formats", "model", "geojson", "coco", "csv", "submission");
		may("imagej", "model", "labels");
		may("export", "model", "metadata", "submission", "formats", "imagej", "labels", "ngff", "zarr");
		may("importing", "model", "geojson", "ngff", "imagej");
		may("batch", "model", "metadata", "submission", "export", "imagej");
		may("archive", "model", "metadata", "submission");
		may("archive.server", "model", "metadata");
		may("demo", "model", "metadata", "imagej", "labels");
		may("fiji", "model", "metadata", "export", "batch", "imagej", "importing");
		may("fiji.macro", "model");
		may("fiji.metadata", "model", "metadata");
		may("fiji.commands", "model", "metadata", "submission", "formats", "export", "imagej", "importing", "archive",
			"archive.server", "fiji", "fiji.macro", "fiji.metadata");
		may("cli", "model", "metadata", "submission", "formats", "export", "batch", "importing", "archive",
			"archive.server", "demo", "fiji", "fiji.commands", "fiji.macro");
	}

	private static void may(final String pkg, final String... uses) {
		MAY_USE.put(pkg, new TreeSet<>(List.of(uses)));
	}

	/** Packages that must not import ImageJ: the core works on the model, ImageJ comes in through imagej. */
	private static final Set<String> WITHOUT_IMAGEJ = Set.of("model", "zarr", "labels", "geojson", "coco", "csv",
		"metadata", "ngff", "submission", "formats", "archive", "archive.server");

	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
	private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.github\\.biaannotations\\.([a-z][\\w.]*?)\\.[A-Z]");

	@Test
	void everyPackageUsesOnlyWhatItsLineSays() throws IOException {
		final List<String> broken = new ArrayList<>();
		for (final Path file : sources()) {
			final String pkg = packageOf(file);
			final Set<String> allowed = MAY_USE.get(pkg);
			if (allowed == null) {
				broken.add(file + ": package " + pkg + " has no line in the layout (README, LayeringTest)");
				continue;
			}
			final String text = Files.readString(file, StandardCharsets.UTF_8);
			for (final String used : ourPackages(text))
				if (!used.equals(pkg) && !allowed.contains(used)) broken.add(file + ": " + pkg + " uses " + used);
			for (final String imported : imports(text)) {
				if (imported.startsWith("ij.") && WITHOUT_IMAGEJ.contains(pkg)) broken.add(file + ": ImageJ (" +
					imported + ") in " + pkg);
				if ((imported.startsWith("javax.swing.") || imported.startsWith("org.scijava.ui.") || imported
					.startsWith("org.scijava.widget.")) && !pkg.startsWith("fiji")) broken.add(file + ": " + imported +
						" outside fiji");
				if (imported.startsWith("picocli.") && !pkg.equals("cli")) broken.add(file + ": picocli outside cli");
			}
		}
		assertEquals(List.of(), broken);
	}

	@Test
	void theLayoutCoversEveryPackageThereIs() throws IOException {
		final Set<String> found = sources().stream().map(LayeringTest::packageOf).collect(Collectors.toCollection(
			TreeSet::new));
		assertEquals(MAY_USE.keySet(), found, "a package without a line, or a line without a package");
		assertTrue(found.contains("submission") && found.contains("export"));
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> s = Files.walk(SOURCES)) {
			return s.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals(
				"package-info.java")).sorted().collect(Collectors.toList());
		}
	}

	private static String packageOf(final Path file) {
		return SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
	}

	private static List<String> imports(final String text) {
		final List<String> found = new ArrayList<>();
		final Matcher m = IMPORT.matcher(text);
		while (m.find())
			found.add(m.group(1));
		return found;
	}

	/** Our packages a file names, in imports and fully qualified in the code. */
	private static Set<String> ourPackages(final String text) {
		final Set<String> used = new TreeSet<>();
		for (final String i : imports(text))
			if (i.startsWith(ROOT)) used.add(packageOfName(i.substring(ROOT.length())));
		final Matcher m = QUALIFIED.matcher(text);
		while (m.find())
			used.add(m.group(1));
		return used;
	}

	/** "export.ExportOptions.Builder" and "labels.EdgeList.x" (static) are in "export" and "labels". */
	private static String packageOfName(final String name) {
		final StringBuilder sb = new StringBuilder();
		for (final String part : name.split("\\.")) {
			if (!Character.isLowerCase(part.charAt(0))) break;
			sb.append(sb.length() == 0 ? "" : ".").append(part);
		}
		return sb.toString();
	}
}
