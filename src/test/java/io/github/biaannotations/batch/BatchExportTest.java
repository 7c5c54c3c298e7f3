package io.github.biaannotations.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.export.AnnotatedImage;
import io.github.biaannotations.export.ExportOptions;
import io.github.biaannotations.export.ExportRequest;
import io.github.biaannotations.export.PackageExport;
import io.github.biaannotations.formats.AnnotationFormats;
import io.github.biaannotations.metadata.InvalidMetadataException;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.submission.Manifest;

/** A folder of images and annotations in, one package out, read back as files; reruns and bad files. */
class BatchExportTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@TempDir
	Path tmp;

	private Path input;
	private SampleData.SampleFiles sample;
	private final List<String> warnings = new ArrayList<>();

	@BeforeEach
	void folder() throws IOException {
		input = tmp.resolve("input");
		sample = SampleData.standard().write(input);
		// second image: a copy with its labels in labels/; third: a damaged ROI set; and a stray ROI set
		Files.copy(sample.image, input.resolve("second.tif"));
		Files.createDirectories(input.resolve("labels"));
		Files.copy(sample.labels, input.resolve("labels/second.tif"));
		Files.copy(sample.image, input.resolve("third.tif"));
		Files.write(input.resolve("third.zip"), "not a zip".getBytes());
		Files.copy(sample.rois, input.resolve("stray_RoiSet.zip"));
	}

	private BatchReport run(final BatchRequest r) throws IOException {
		return new BatchExport(warnings::add, Progress.NONE).run(r, TODAY, NOW);
	}

	private static List<String> statuses(final BatchReport r) {
		return r.rows().stream().map(row -> row.image + " " + row.status).collect(Collectors.toList());
	}

	@Test
	void aBadFileIsReportedAndSkippedTheOthersFormOnePackage() throws IOException {
		final Path out = tmp.resolve("pkg");
		final BatchReport r = run(BatchRequest.of(input, out).metadata(DemoMetadata.create()));
		assertEquals(List.of("nuclei.tif EXPORTED", "second.tif EXPORTED", "third.tif FAILED"), statuses(r));
		assertTrue(r.hasFailures());
		assertTrue(r.rows().get(2).message.contains("third.zip"), r.rows().get(2).message);
		assertEquals(List.of("stray_RoiSet.zip"), r.unmatched().stream().map(p -> p.getFileName().toString())
			.collect(Collectors.toList()));
		assertTrue(r.table().contains("third.tif: "), r.table());
		// the package lists exactly the two good images' files, each with its source image
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		assertEquals(List.of("annotations/nuclei/nuclei.geojson", "annotations/nuclei/nuclei_labels.ome.zarr",
			"annotations/second/second.ome.zarr"), tsv.subList(1, tsv.size()).stream()
				.map(l -> l.split("\t")[0]).collect(Collectors.toList()));
		assertTrue(tsv.get(3).contains("\tsecond.tif"), tsv.get(3));
		assertTrue(tsv.get(2).contains("\tsegmentation_mask\t"), tsv.get(2));
		for (final String l : tsv.subList(1, tsv.size()))
			assertTrue(Files.exists(out.resolve(l.split("\t")[0])), l);
		assertEquals(3, MifaMetadata.load(out.resolve("mifa")).annotations().files().size());
		final JsonNode pageTab = new ObjectMapper().readTree(out.resolve("submission.json").toFile());
		assertTrue(pageTab.toString().contains("annotations.tsv"));
		final Manifest m = Manifest.read(out.resolve("manifest.json"));
		for (final Manifest.Entry e : m.files())
			assertEquals(Manifest.sha256(out.resolve(e.path)), e.sha256, e.path);
		assertFalse(m.files().stream().anyMatch(e -> e.path.contains("third")));
	}

	@Test
	void theBatchPackageMatchesASingleExportOfTheSameImages() throws IOException {
		Files.delete(input.resolve("third.tif"));
		Files.delete(input.resolve("third.zip"));
		final Path out = tmp.resolve("pkg");
		run(BatchRequest.of(input, out).metadata(DemoMetadata.create()));
		final Path single = tmp.resolve("single");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(single).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of(sample.labels)))
			.image(AnnotatedImage.ofFiles(input.resolve("second.tif"), List.of(), List.of(input.resolve("labels/second.tif")))),
			TODAY, NOW);
		assertEquals(Files.readAllLines(single.resolve("annotations.tsv")), Files.readAllLines(out.resolve("annotations.tsv")));
		assertEquals(new String(Files.readAllBytes(single.resolve("submission.json"))),
			new String(Files.readAllBytes(out.resolve("submission.json"))));
		assertEquals(tree(single.resolve("annotations")), tree(out.resolve("annotations")));
		for (final String f : tree(single.resolve("annotations")))
			assertEquals(Manifest.sha256(single.resolve("annotations").resolve(f)),
				Manifest.sha256(out.resolve("annotations").resolve(f)), f);
		// a kept part is the image's annotation files and their rows only: no package files of its own to write
		try (Stream<Path> s = Files.list(tmp.resolve(".pkg.batch/parts/second"))) {
			assertEquals(List.of("annotations", BatchPart.RECORD, "mifa"), s.map(p -> p.getFileName().toString())
				.sorted().collect(Collectors.toList()));
		}
	}

	@Test
	void theImagesCompressionAndShardsOfASingleExportWorkForABatchAndItsReruns() throws IOException {
		Files.delete(input.resolve("third.tif"));
		Files.delete(input.resolve("third.zip"));
		final ExportOptions options = ExportOptions.builder().includeImage(true).compression("blosc").shardFactor(2)
			.format(AnnotationFormats.COCO).build();
		final Path out = tmp.resolve("pkg");
		run(BatchRequest.of(input, out).metadata(DemoMetadata.create()).options(options));
		final Path single = tmp.resolve("single");
		new PackageExport(w -> {}, Progress.NONE).export(ExportRequest.to(single).metadata(DemoMetadata.create())
			.options(options).image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of(sample.labels)))
			.image(AnnotatedImage.ofFiles(input.resolve("second.tif"), List.of(), List.of(input.resolve(
				"labels/second.tif")))), TODAY, NOW);
		for (final String f : new String[] { "annotations.tsv", "images.tsv" })
			assertEquals(Files.readAllLines(single.resolve(f)), Files.readAllLines(out.resolve(f)), f);
		assertEquals(new String(Files.readAllBytes(single.resolve("submission.json"))),
			new String(Files.readAllBytes(out.resolve("submission.json"))));
		for (final String dir : new String[] { "annotations", "images" }) {
			assertEquals(tree(single.resolve(dir)), tree(out.resolve(dir)), dir);
			for (final String f : tree(single.resolve(dir)))
				assertEquals(Manifest.sha256(single.resolve(dir).resolve(f)), Manifest.sha256(out.resolve(dir).resolve(f)),
					f);
		}
		assertTrue(Files.readString(out.resolve("images/nuclei.ome.zarr/0/zarr.json")).contains("sharding_indexed"));
		assertTrue(Files.readString(out.resolve("annotations/nuclei/nuclei_labels.ome.zarr/0/zarr.json")).contains(
			"blosc"));
		// a rerun with the same options reuses every part; another codec exports every image again
		assertEquals(2, run(BatchRequest.of(input, out).metadata(DemoMetadata.create()).options(options)).count(
			BatchReport.Status.DONE_BEFORE));
		final BatchReport zstd = run(BatchRequest.of(input, out).metadata(DemoMetadata.create()).options(options
			.toBuilder().compression("zstd").build()));
		assertEquals(2, zstd.count(BatchReport.Status.EXPORTED));
		assertFalse(Files.readString(out.resolve("images/nuclei.ome.zarr/0/zarr.json")).contains("blosc"));
	}

	@Test
	void aRerunSkipsWhatIsDoneAndPicksUpTheFixedFile() throws IOException {
		final Path out = tmp.resolve("pkg");
		run(BatchRequest.of(input, out).metadata(DemoMetadata.create()));
		final FileTime written = Files.getLastModifiedTime(out.resolve("manifest.json"));
		final BatchReport again = run(BatchRequest.of(input, out).metadata(DemoMetadata.create()));
		assertEquals(List.of("nuclei.tif DONE_BEFORE", "second.tif DONE_BEFORE", "third.tif FAILED"), statuses(again));
		assertTrue(again.packageUpToDate(), "nothing changed: the package stays as it is");
		assertEquals(written, Files.getLastModifiedTime(out.resolve("manifest.json")));
		assertEquals(again.rows().get(0).rois, 42, "counts of a reused part come from its record");

		Files.copy(sample.rois, input.resolve("third.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		final BatchReport fixed = run(BatchRequest.of(input, out).metadata(DemoMetadata.create()));
		assertEquals(List.of("nuclei.tif DONE_BEFORE", "second.tif DONE_BEFORE", "third.tif EXPORTED"), statuses(fixed));
		assertFalse(fixed.hasFailures());
		assertFalse(fixed.packageUpToDate());
		assertTrue(Files.readAllLines(out.resolve("annotations.tsv")).stream()
			.anyMatch(l -> l.startsWith("annotations/third/third.geojson\t")));

		Files.delete(input.resolve("second.tif"));
		final BatchReport fewer = run(BatchRequest.of(input, out).metadata(DemoMetadata.create()));
		assertEquals(List.of("nuclei.tif DONE_BEFORE", "third.tif DONE_BEFORE"), statuses(fewer));
		assertFalse(Files.exists(tmp.resolve(".pkg.batch/parts/second")), "the part of a removed image is dropped");
		assertFalse(Files.exists(out.resolve("annotations/second")));
		assertTrue(fewer.unmatched().stream().anyMatch(p -> p.endsWith("labels/second.tif")));

		final MifaMetadata changed = DemoMetadata.create();
		changed.study().title("Another title for the same files");
		final BatchReport retitled = run(BatchRequest.of(input, out).metadata(changed));
		assertFalse(retitled.packageUpToDate(), "new study metadata rewrites the package, not the parts");
		assertEquals(2, retitled.count(BatchReport.Status.DONE_BEFORE));
		assertEquals("Another title for the same files", MifaMetadata.load(out.resolve("mifa")).study().title());
	}

	@Test
	void invalidMetadataIsRefusedBeforeAnythingIsWritten() {
		final MifaMetadata m = DemoMetadata.create();
		m.study().title("");
		final Path out = tmp.resolve("pkg");
		assertThrows(InvalidMetadataException.class, () -> run(BatchRequest.of(input, out).metadata(m)));
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(tmp.resolve(".pkg.batch")));
	}

	@Test
	void aFolderThatIsNotAPackageIsNotReplaced() throws IOException {
		final Path out = tmp.resolve("thesis");
		Files.createDirectories(out);
		Files.write(out.resolve("chapter1.txt"), "precious".getBytes());
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
			() -> run(BatchRequest.of(input, out)));
		assertTrue(e.getMessage().contains("not a package"), e.getMessage());
		assertEquals("precious", new String(Files.readAllBytes(out.resolve("chapter1.txt"))));
	}

	@Test
	void whenEveryImageFailsNoPackageIsWritten() throws IOException {
		final Path only = tmp.resolve("bad");
		Files.createDirectories(only);
		Files.copy(sample.image, only.resolve("x.tif"));
		Files.write(only.resolve("x.zip"), "junk".getBytes());
		final IOException e = assertThrows(IOException.class, () -> run(BatchRequest.of(only, tmp.resolve("pkg"))));
		assertTrue(e.getMessage().contains("x.zip"), e.getMessage());
		assertFalse(Files.exists(tmp.resolve("pkg")));
	}

	private static List<String> tree(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().collect(Collectors.toList());
		}
	}
}
