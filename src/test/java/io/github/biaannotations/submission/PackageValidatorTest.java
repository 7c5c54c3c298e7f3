package io.github.biaannotations.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.labels.LabelMode;
import io.github.biaannotations.model.Progress;

/** validate finds what is wrong with a package, each problem naming its file. */
class PackageValidatorTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@TempDir
	Path tmp;

	private Path pkg;

	@BeforeEach
	void exportDemo() throws IOException {
		final SampleData.SampleFiles s = SampleData.standard().write(tmp.resolve("sample"));
		pkg = tmp.resolve("pkg");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(pkg).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(s.image, List.of(s.rois), List.of())), TODAY, Instant.parse("2026-11-29T10:00:00Z"));
	}

	private List<String> errors() throws IOException {
		return new PackageValidator(pkg, TODAY).run().stream().filter(PackageProblem::isError).map(PackageProblem::toString)
			.collect(Collectors.toList());
	}

	@Test
	void freshExportIsValidWithTheAnnotationsOnlyWarning() throws IOException {
		final List<PackageProblem> all = new PackageValidator(pkg, TODAY).run();
		assertEquals(List.of(), errors());
		assertTrue(all.stream().anyMatch(p -> p.message().startsWith("annotations-only package")), all.toString());
	}

	@Test
	void aReleaseDateBeforeTodayInUtcIsRefusedUnlessPushGivesAnother() throws IOException {
		// the package was exported on 2026-11-29; a day later (UTC, as the archive counts) its date is in the past
		final LocalDate tomorrow = TODAY.plusDays(1);
		final IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> PackageValidator
			.requireSubmittable(pkg, tomorrow));
		assertTrue(past.getMessage().contains("ReleaseDate 2026-11-29 is in the past (today is 2026-11-30 in UTC, as " +
			"the archive counts it)") && past.getMessage().contains("push with --release-date"), past.getMessage());
		PackageValidator.requireSubmittable(pkg, tomorrow, tomorrow); // push --release-date stands for it
		final IllegalArgumentException given = assertThrows(IllegalArgumentException.class, () -> PackageValidator
			.requireSubmittable(pkg, tomorrow, TODAY));
		assertTrue(given.getMessage().contains("the release date given to push, 2026-11-29, is in the past"), given
			.getMessage());
	}

	@Test
	void changedFileFailsItsChecksum() throws IOException {
		Files.writeString(pkg.resolve("annotations/nuclei/nuclei.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
		final List<String> e = errors();
		assertTrue(e.stream().anyMatch(s -> s.startsWith("ERROR annotations/nuclei/nuclei.geojson: size")), e.toString());
	}

	@Test
	void missingListedFileIsNamed() throws IOException {
		Files.delete(pkg.resolve("annotations/nuclei/nuclei.geojson"));
		final List<String> e = errors();
		assertTrue(e.contains("ERROR annotations.tsv line 2: 'annotations/nuclei/nuclei.geojson' is not in the package"), e.toString());
		assertTrue(e.contains("ERROR annotations/nuclei/nuclei.geojson: listed in the manifest but missing from the package"), e.toString());
	}

	@Test
	void aDamagedOmeZarrIsNamedAndTheOtherChecksGoOn() throws IOException {
		final Path zarr = Files.createDirectories(pkg.resolve("annotations/nuclei/broken.ome.zarr"));
		Files.writeString(zarr.resolve("zarr.json"), "{\"zarr_format\": 3, \"attributes\": {");
		Files.delete(pkg.resolve("mifa/Study.yaml"));
		final List<String> e = errors();
		assertTrue(e.stream().anyMatch(s -> s.startsWith("ERROR annotations/nuclei/broken.ome.zarr: Unexpected " +
			"end-of-input") && s.contains("(line 1, column ")), e.toString());
		assertTrue(e.stream().anyMatch(s -> s.startsWith("ERROR mifa")), "the metadata is still checked: " + e);
		assertTrue(e.stream().noneMatch(s -> s.contains("REDACTED")), e.toString());
	}

	@Test
	void labelColoursWithoutPropertiesForTheSameValuesAreErrorsBesideTheImageToo() throws IOException {
		final SampleData.SampleFiles s = SampleData.standard().write(tmp.resolve("sample2"));
		pkg = tmp.resolve("with-image");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(pkg).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(s.image, List.of(s.rois), List.of())).options(ExportOptions.builder()
				.includeImage(true).labelsFromRois(LabelMode.INSTANCE).build()), TODAY, Instant.parse(
					"2026-11-29T10:00:00Z"));
		assertEquals(List.of(), errors());
		// the form ome-zarr-models 1.7 refuses: a colour for background 0 but no properties entry for it
		final Path label;
		try (java.util.stream.Stream<Path> found = Files.list(pkg.resolve("annotations/nuclei"))) {
			label = found.filter(p -> p.getFileName().toString().endsWith(".ome.zarr")).findFirst().orElseThrow()
				.resolve("zarr.json");
		}
		final String name = pkg.relativize(label.getParent()).toString();
		final ObjectNode meta = (ObjectNode) new ObjectMapper().readTree(label.toFile());
		((ArrayNode) meta.path("attributes").path("ome").path("image-label").path("properties")).remove(0);
		new ObjectMapper().writeValue(label.toFile(), meta);
		final List<String> e = errors();
		assertTrue(e.stream().anyMatch(m -> m.startsWith("ERROR " + name + ": image-label: colors list label values " +
			"[0, 1,") && m.contains("but properties list [1, 2,")), e.toString());
	}

	@Test
	void symbolicLinksAreErrors() throws IOException {
		final Path secret = Files.writeString(tmp.resolve("secret.txt"), "not for the archive");
		Files.createSymbolicLink(pkg.resolve("annotations/leak.txt"), secret);
		assertTrue(errors().stream().anyMatch(s -> s.startsWith("ERROR annotations/leak.txt: a symbolic link")), errors()
			.toString());
	}

	@Test
	void pathsTheArchiveRefusesAreErrors() throws IOException {
		Files.writeString(pkg.resolve("annotations/notes#1.txt"), "x");
		assertTrue(errors().stream().anyMatch(s -> s.startsWith("ERROR annotations/notes#1.txt: the archive refuses this path")));
	}

	@Test
	void pastReleaseDateIsAnErrorOnTheDayItIsChecked() throws IOException {
		final List<PackageProblem> later = new PackageValidator(pkg, TODAY.plusDays(3)).run();
		assertTrue(later.stream().anyMatch(p -> p.isError() && p.message().startsWith("ReleaseDate 2026-11-29 is in the past")), later.toString());
	}

	@Test
	void invalidGeometryAndBrokenJsonAreFound() throws IOException {
		Files.writeString(pkg.resolve("annotations/nuclei/nuclei.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[" +
			"{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,4],[4,0],[0,4],[0,0]]]}," +
			"\"properties\":{\"name\":\"bowtie\"}}]}");
		assertTrue(errors().contains("ERROR annotations/nuclei/nuclei.geojson: 1 invalid geometries, the first 'bowtie'"), errors().toString());
		Files.writeString(pkg.resolve("annotations/nuclei/nuclei.geojson"), "{\"type\":");
		assertTrue(errors().stream().anyMatch(s -> s.contains("nuclei.geojson: not valid JSON")), errors().toString());
	}

	@Test
	void attributeNamesAreReadRegardlessOfCaseAsTheArchiveReadsThem() throws IOException {
		final Path submission = pkg.resolve("submission.json");
		Files.writeString(submission, Files.readString(submission).replace("\"ReleaseDate\"", "\"releasedate\"")
			.replace("\"AttachTo\"", "\"attachTo\"").replace("\"File List\"", "\"file list\""));
		final List<String> e = errors();
		assertTrue(e.stream().noneMatch(s -> s.contains("ReleaseDate") || s.contains("AttachTo") || s.contains(
			"File List")), e.toString());
		assertTrue(e.stream().anyMatch(s -> s.startsWith("ERROR submission.json")), "changed after the manifest: " + e);
	}

	@Test
	void missingManifestAndSubmissionAreReported() throws IOException {
		Files.delete(pkg.resolve("manifest.json"));
		Files.writeString(pkg.resolve("submission.json"), "{\"attributes\":[],\"section\":{\"type\":\"Study\"}}");
		final List<String> e = errors();
		assertTrue(e.contains("ERROR manifest.json: missing: re-export the package"), e.toString());
		assertTrue(e.contains("ERROR submission.json: ReleaseDate is required (YYYY-MM-DD)"), e.toString());
		assertTrue(e.contains("ERROR submission.json: no section has a File List"), e.toString());
	}

	@Test
	void fileListThatIsNotUtf8IsAnErrorNamingIt() throws IOException {
		Files.write(pkg.resolve("annotations.tsv"), new byte[] { 'F', 'i', 'l', 'e', 's', '\n', (byte) 0xff, 'x' });
		assertTrue(errors().contains("ERROR annotations.tsv: not UTF-8 text: the archive reads file lists as UTF-8"),
			errors().toString());
	}

	@Test
	void pathsNoFileCanHaveAreErrorsNotCrashes() throws IOException {
		Files.writeString(pkg.resolve("annotations.tsv"), "Files\tsource_image\nannotations/a\u0000.geojson\tnuclei\u0000.tif\n");
		final List<String> e = errors();
		assertTrue(e.contains("ERROR annotations.tsv line 2: path 'annotations/a\u0000.geojson' has characters the archive refuses"),
			e.toString());
	}

	@Test
	void aListedFolderWithAListedPathInsideItIsRefusedAsTheArchiveDoes() throws IOException {
		final Path list = pkg.resolve("annotations.tsv");
		Files.writeString(list, Files.readString(list) + "annotations/nuclei\tgeometrical_annotations\tnuclei.tif\n");
		final List<String> e = errors();
		assertTrue(e.stream().anyMatch(s -> s.startsWith("ERROR annotations.tsv: 'annotations/nuclei/nuclei.geojson' " +
			"is inside the folder 'annotations/nuclei', which annotations.tsv lists whole: the archive refuses a " +
			"folder listed together with a path inside it (a circular reference)")), e.toString());
	}

	@Test
	void anImageFolderListedWithItsLabelsListedInsideItIsRefused() throws IOException {
		// the --include-image form of earlier versions: images.tsv lists the image, annotations.tsv its labels/
		final SampleData.SampleFiles s = SampleData.standard().write(tmp.resolve("sample2"));
		final Path old = tmp.resolve("old");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(old).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(s.image, List.of(), List.of(s.labels))).options(ExportOptions.builder()
				.includeImage(true).build()), TODAY, Instant.parse("2026-11-29T10:00:00Z"));
		assertEquals(List.of(), errorsOf(old), "this version's form is accepted");
		Files.createDirectories(old.resolve("images/nuclei.ome.zarr/labels"));
		Files.move(old.resolve("annotations/nuclei/nuclei_labels.ome.zarr"), old.resolve(
			"images/nuclei.ome.zarr/labels/nuclei_labels"));
		final Path list = old.resolve("annotations.tsv");
		Files.writeString(list, Files.readString(list).replace("annotations/nuclei/nuclei_labels.ome.zarr\t",
			"images/nuclei.ome.zarr/labels/nuclei_labels\t"));
		final List<String> e = errorsOf(old);
		assertTrue(e.stream().anyMatch(x -> x.startsWith("ERROR annotations.tsv: 'images/nuclei.ome.zarr/labels/" +
			"nuclei_labels' is inside the folder 'images/nuclei.ome.zarr', which images.tsv lists whole")), e.toString());
	}

	@Test
	void theSourceImageColumnOfEarlierVersionsIsAWarning() throws IOException {
		final Path list = pkg.resolve("annotations.tsv");
		Files.writeString(list, Files.readString(list).replaceFirst("\tSource image\t", "\tsource_image\t"));
		final List<PackageProblem> all = new PackageValidator(pkg, TODAY).run();
		assertTrue(all.stream().anyMatch(p -> !p.isError() && p.where().equals("annotations.tsv") && p.message()
			.startsWith("column 'source_image': the archive's RO-Crate ingest does not read it as the source image")),
			all.toString());
		assertTrue(all.stream().anyMatch(p -> p.message().startsWith("annotations-only package: the source images " +
			"[nuclei.tif]")), "its values are still read: " + all);
	}

	private static List<String> errorsOf(final Path dir) throws IOException {
		return new PackageValidator(dir, TODAY).run().stream().filter(PackageProblem::isError).map(PackageProblem::toString)
			.collect(Collectors.toList());
	}
}
