package io.github.biaannotations.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.metadata.InvalidMetadataException;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.model.ArchivePaths;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.submission.Manifest;
import io.github.biaannotations.testutil.SharedReference;

/** The whole package as export writes it, read back as files. */
class PackageExportTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@TempDir
	Path tmp;

	private SampleData.SampleFiles sample;
	private final List<String> warnings = new ArrayList<>();

	@BeforeEach
	void sample() throws IOException {
		sample = SampleData.standard().write(tmp.resolve("sample"));
	}

	private ExportRequest request(final Path out) {
		return ExportRequest.to(out).image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of()));
	}

	private Path export(final ExportRequest r) throws IOException {
		new PackageExport(warnings::add, Progress.NONE).export(r, TODAY, NOW);
		return r.out();
	}

	@Test
	void typesDeclaredForTheSetGoOnEveryRowWhenTheySayHowTheAnnotationsWereMade() throws IOException {
		final MifaMetadata m = DemoMetadata.create();
		m.annotations().types().add("class_labels");
		m.annotations().types().add("segmentation_mask");
		final Path out = export(ExportRequest.to(tmp.resolve("pkg")).metadata(m)
			.image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of()))
			.options(ExportOptions.builder().format(AnnotationFormats.POINTS_CSV).build()));
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		assertTrue(tsv.get(1).startsWith("annotations/nuclei/nuclei.geojson\tgeometrical_annotations, point_annotations, " +
			"class_labels\t"), tsv.get(1));
		assertTrue(tsv.get(2).startsWith("annotations/nuclei/nuclei_points.csv\tpoint_annotations, class_labels\t"),
			"a content type no file has (segmentation_mask) goes on no row: " + tsv.get(2));
		final MifaMetadata back = MifaMetadata.load(out.resolve("mifa"));
		assertEquals(List.of(), back.annotations().types(), "Annotations.yaml has no set-level annotation_type");
		assertEquals(List.of("geometrical_annotations", "point_annotations", "class_labels"),
			back.annotations().files().get(0).types());
		final String pageTab = Files.readString(out.resolve("submission.json"));
		assertTrue(pageTab.contains("\"class_labels\"") && !pageTab.contains("segmentation_mask"),
			"the PageTab's Annotation Type lists the rows' types: " + pageTab);
	}

	@Test
	void aDefaultedReleaseDateIsTodayInUtcSaidSoAndNotRecordedAsChosen() throws IOException {
		// issue 13: a release date of today makes the study public at once, so push asks unless the user chose it
		final Path defaulted = export(request(tmp.resolve("defaulted")).metadata(DemoMetadata.create()));
		assertTrue(warnings.stream().anyMatch(w -> w.startsWith("no release date given: it is today, 2026-11-29 (UTC), " +
			"which makes the study public as soon as the archive has processed it")), warnings.toString());
		assertFalse(Manifest.read(defaulted.resolve("manifest.json")).releaseDateChosen());
		warnings.clear();
		final Path chosen = export(request(tmp.resolve("chosen")).metadata(DemoMetadata.create())
			.options(ExportOptions.builder().releaseDate(TODAY).build()));
		assertFalse(warnings.stream().anyMatch(w -> w.startsWith("no release date given")), warnings.toString());
		assertTrue(Manifest.read(chosen.resolve("manifest.json")).releaseDateChosen());
	}

	@Test
	void withMetadataThePackageHasPageTabMifaFileListAndManifest() throws IOException {
		final Path out = export(request(tmp.resolve("pkg")).metadata(DemoMetadata.create())
			.options(ExportOptions.builder().format(AnnotationFormats.POINTS_CSV).build()));
		final JsonNode pageTab = new ObjectMapper().readTree(out.resolve("submission.json").toFile());
		assertEquals("BioImages", attribute(pageTab.get("attributes"), "AttachTo"));
		assertEquals("2026-11-29", attribute(pageTab.get("attributes"), "ReleaseDate"));
		assertTrue(pageTab.toString().contains("\"File List\""));
		assertTrue(pageTab.toString().contains("annotations.tsv"));
		final MifaMetadata back = MifaMetadata.load(out.resolve("mifa"));
		assertEquals(DemoMetadata.create().study().title(), back.study().title());
		assertEquals(2, back.annotations().files().size(), "one row per annotation file");
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		assertTrue(tsv.get(0).startsWith("Files\tannotation_type\tSource image"), tsv.get(0));
		assertEquals(3, tsv.size());
		assertTrue(tsv.get(1).startsWith("annotations/nuclei/nuclei.geojson\tgeometrical_annotations, point_annotations\tnuclei.tif"), tsv.get(1));
		assertTrue(tsv.get(2).startsWith("annotations/nuclei/nuclei_points.csv\tpoint_annotations\tnuclei.tif"), tsv.get(2));
		final Manifest m = Manifest.read(out.resolve("manifest.json"));
		assertTrue(m.files().stream().anyMatch(e -> e.path.equals("submission.json")));
		assertTrue(m.files().stream().anyMatch(e -> e.path.equals("mifa/Study.yaml")));
		for (final Manifest.Entry e : m.files())
			assertTrue(ArchivePaths.isValid(e.path), e.path);
	}

	private static String attribute(final JsonNode attributes, final String name) {
		for (final JsonNode a : attributes)
			if (name.equals(a.path("name").asText())) return a.path("value").asText();
		return null;
	}

	@Test
	void theArchivesOwnMifaFilesAreAccepted() throws IOException {
		final Path mifa = SharedReference.require("mifa");
		final Path study = Files.createDirectories(tmp.resolve("lab"));
		for (final String n : new String[] { "Study", "Annotations", "Version" })
			Files.copy(mifa.resolve(n + "_S-BIAD634.yaml"), study.resolve(n + ".yaml"));
		final Path out = export(request(tmp.resolve("pkg")).metadata(MifaMetadata.load(study)));
		assertTrue(Files.readString(out.resolve("submission.json")).contains("An annotated fluorescence image dataset"));
	}

	@Test
	void incompleteMetadataIsRefusedNamingTheFieldAndNothingIsWritten() {
		final MifaMetadata m = DemoMetadata.create();
		m.study().title(null);
		m.study().authors().get(0).orcidId("0000-0002-1825-0098");
		final Path out = tmp.resolve("pkg");
		final InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> export(request(out).metadata(m)));
		assertTrue(e.getMessage().contains("title"), e.getMessage());
		assertTrue(e.getMessage().contains("authors[1].orcid_id") || e.getMessage().contains("orcid"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void draftBuildsAPackageAnywayWithWarnings() throws IOException {
		final Path out = export(request(tmp.resolve("pkg")).options(ExportOptions.builder().draft(true).build()));
		assertTrue(Files.exists(out.resolve("submission.json")));
		assertTrue(warnings.stream().anyMatch(w -> w.startsWith("metadata: Study title: missing") && w.endsWith(
			"(needed before submitting)")), warnings.toString());
		assertTrue(warnings.stream().noneMatch(w -> w.contains("ERROR")), "a warning line has no second severity: " +
			warnings);
	}

	@Test
	void pastReleaseDateIsRefused() {
		final InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
			() -> export(request(tmp.resolve("pkg")).metadata(DemoMetadata.create())
				.options(ExportOptions.builder().releaseDate(TODAY.minusDays(1)).build())));
		assertTrue(e.getMessage().contains("release"), e.getMessage());
	}

	@Test
	void overwriteReplacesAnEarlierPackageOnlyAndNeverTheInputs() throws IOException {
		// a folder that is not a package is kept, whatever it holds
		final Path notes = tmp.resolve("notes");
		Files.createDirectories(notes);
		Files.writeString(notes.resolve("thesis.txt"), "chapter 1");
		final FileAlreadyExistsException foreign = assertThrows(FileAlreadyExistsException.class, () -> export(
			request(notes).options(ExportOptions.builder().overwrite(true).build())));
		assertTrue(foreign.getMessage().contains("is not a package"), foreign.getMessage());
		assertEquals("chapter 1", Files.readString(notes.resolve("thesis.txt")));
		// an earlier package is replaced, but not when the inputs are inside it
		final Path pkg = export(request(tmp.resolve("pkg")));
		export(request(pkg).options(ExportOptions.builder().overwrite(true).build()));
		final Path image = pkg.resolve("nuclei.tif");
		Files.copy(sample.image, image);
		final IllegalArgumentException inside = assertThrows(IllegalArgumentException.class, () -> export(ExportRequest
			.to(pkg).options(ExportOptions.builder().overwrite(true).build()).image(AnnotatedImage.ofFiles(image, List.of(
				sample.rois), List.of()))));
		assertTrue(inside.getMessage().startsWith(image + " is inside the output folder"), inside.getMessage());
		assertTrue(Files.exists(image));
	}

	@Test
	void anAbandonedPartialFolderIsRemovedAndThePackageHasOrdinaryPermissions() throws IOException {
		// left by an export whose process was killed (its id is no running process)
		final Path abandoned = Files.createDirectories(tmp.resolve(".pkg.partial-999999999-x1/annotations"));
		final Path pkg = export(request(tmp.resolve("pkg")));
		assertFalse(Files.exists(abandoned.getParent()), "removed by the next export to the same folder");
		// created as any folder is (the user's umask), not owner-only like a temporary folder
		final Path plain = Files.createDirectory(tmp.resolve("plain"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(pkg));
		try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no partial folder left");
		}
	}

	@Test
	void withoutMetadataOnlyAnnotationFilesAndManifest() throws IOException {
		final Path out = export(request(tmp.resolve("pkg")));
		assertFalse(Files.exists(out.resolve("submission.json")));
		assertTrue(Files.exists(out.resolve("annotations/nuclei/nuclei.geojson")));
		assertTrue(Files.exists(out.resolve("manifest.json")));
	}

	@Test
	void everyLongStepReportsProgressAndEveryWarningIsCounted() throws IOException {
		final Path empty = tmp.resolve("empty_labels.tif");
		new ij.io.FileSaver(new ij.ImagePlus("empty", new ij.process.ShortProcessor(256, 256))).saveAsTiff(empty
			.toString());
		final List<String> stages = new ArrayList<>();
		final ExportSummary s = new PackageExport(warnings::add, (stage, done, total) -> stages.add(stage + " " + done +
			"/" + total)).export(ExportRequest.to(tmp.resolve("pkg")).metadata(DemoMetadata.create())
				.image(AnnotatedImage.ofFiles(sample.image, List.of(), List.of(sample.labels, empty)))
				.options(ExportOptions.builder().roisFromLabels(true).includeImage(true).format(AnnotationFormats.POINTS_CSV)
					.build()), TODAY, NOW);
		// the OME-Zarr of each label image and of the image plane by plane, the outlines, the checksums
		for (final String stage : new String[] { "nuclei_labels.ome.zarr 1/1", "empty_labels.ome.zarr 1/1",
			"nuclei.ome.zarr 1/1", "GeoJSON of nuclei_labels 1/1", "Exporting nuclei.tif 0/1" })
			assertTrue(stages.contains(stage), stage + " in " + stages);
		assertTrue(stages.stream().anyMatch(st -> st.matches("Checksums of the package's files (\\d+)/\\1")), stages
			.toString());
		// the warnings of every step go to one list, which the summary counts
		assertEquals(warnings.size(), s.warnings(), warnings.toString());
		for (final String w : new String[] { "no release date given", "label image \"empty_labels\" has no labels",
			"nuclei.tif: points CSV not written: only label images given" })
			assertTrue(warnings.stream().anyMatch(x -> x.startsWith(w)), w + " in " + warnings);
	}

	@Test
	void labelOutlinesOnRequest() throws IOException {
		final Path out = export(ExportRequest.to(tmp.resolve("pkg"))
			.image(AnnotatedImage.ofFiles(sample.image, List.of(), List.of(sample.labels)))
			.options(ExportOptions.builder().roisFromLabels(true).build()));
		final JsonNode fc = new ObjectMapper().readTree(out.resolve("annotations/nuclei/nuclei_labels_outlines.geojson").toFile());
		assertEquals(40, fc.get("features").size());
		// the outlines' file-level row gives the label image's pixel size, as its COCO's does
		final Path withRows = export(ExportRequest.to(tmp.resolve("rows")).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(sample.image, List.of(), List.of(sample.labels)))
			.options(ExportOptions.builder().roisFromLabels(true).format(AnnotationFormats.COCO).build()));
		final List<String> tsv = Files.readAllLines(withRows.resolve("annotations.tsv"));
		for (final String file : new String[] { "nuclei_labels_outlines.geojson", "nuclei_labels.coco.json" })
			assertTrue(tsv.stream().anyMatch(l -> l.startsWith("annotations/nuclei/" + file + "\t") && l.contains(
				"pixel size 0.65 x 0.65 micrometer")), file + ": " + tsv);
	}

	@Test
	void namesAreMadeSafeForTheArchiveAndTheRenamingKept() throws IOException {
		final Path odd = tmp.resolve("sample/cellules été#1.tif");
		Files.copy(sample.image, odd);
		final Path out = export(ExportRequest.to(tmp.resolve("pkg")).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(odd, List.of(sample.rois), List.of())));
		assertTrue(Files.exists(out.resolve("annotations/cellules ete_1/cellules ete_1.geojson")));
		assertEquals("annotations/cellules ete_1", Manifest.read(out.resolve("manifest.json")).renamed().get("cellules été#1.tif"));
	}
}
