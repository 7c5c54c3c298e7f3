package io.github.biaannotations.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;

import io.github.biaannotations.demo.DemoMetadata;
import io.github.biaannotations.demo.SampleData;
import io.github.biaannotations.importing.LabelImageImport;
import io.github.biaannotations.labels.LabelMode;
import io.github.biaannotations.model.ImageException;
import io.github.biaannotations.model.Progress;
import io.github.biaannotations.ngff.NgffVersion;
import io.github.biaannotations.submission.OmeZarrCheck;
import io.github.biaannotations.submission.PackageProblem;
import io.github.biaannotations.submission.PackageValidator;

/** Label images in the package: standalone label OME-Zarr, labels made from ROIs, the image included. */
class LabelPackageTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@TempDir
	Path tmp;

	private SampleData.SampleFiles sample;

	@BeforeEach
	void sample() throws IOException {
		sample = SampleData.standard().write(tmp.resolve("sample"));
	}

	private Path export(final ExportRequest r) throws IOException {
		new PackageExport(w -> {}, Progress.NONE).export(r, TODAY, Instant.parse("2026-11-29T10:00:00Z"));
		return r.out();
	}

	private static short[] pixels(final ImagePlus imp) {
		return (short[]) imp.getProcessor().getPixels();
	}

	@Test
	void labelImageBecomesItsOwnOmeZarrAndReadsBackIdentically() throws IOException {
		final Path out = export(ExportRequest.to(tmp.resolve("pkg")).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(sample.image, List.of(), List.of(sample.labels))));
		final Path zarr = out.resolve("annotations/nuclei/nuclei_labels.ome.zarr");
		assertTrue(Files.exists(zarr.resolve("zarr.json")), "OME-NGFF 0.5 on Zarr v3 by default");
		assertEquals(List.of(), OmeZarrCheck.check(zarr));
		final ImagePlus back = LabelImageImport.read(zarr, null);
		assertArrayEquals(pixels(IJ.openImage(sample.labels.toString())), pixels(back));
		assertArrayEquals(pixels(back), pixels(LabelImageImport.read(zarr, " ")), "a blank name is no name");
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		assertTrue(tsv.get(1).startsWith("annotations/nuclei/nuclei_labels.ome.zarr\tsegmentation_mask\tnuclei.tif"), tsv.get(1));
		assertEquals(List.of(), new PackageValidator(out, TODAY).run().stream().filter(PackageProblem::isError)
			.map(PackageProblem::toString).collect(java.util.stream.Collectors.toList()));
	}

	@Test
	void outlinesOfATwoChannelLabelImageAreListedAsTheFilesWritten() throws IOException {
		final ImagePlus one = IJ.openImage(sample.labels.toString());
		final ij.ImageStack stack = new ij.ImageStack(one.getWidth(), one.getHeight());
		stack.addSlice(one.getProcessor());
		stack.addSlice(one.getProcessor().duplicate());
		final ImagePlus two = new ImagePlus("nuclei_labels", stack);
		two.setDimensions(2, 1, 1);
		final Path out = export(ExportRequest.to(tmp.resolve("pkg")).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofImage(IJ.openImage(sample.image.toString()), "nuclei.tif", List.of(), List.of(two)))
			.options(ExportOptions.builder().roisFromLabels(true).build()));
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		for (final String c : new String[] { "c1", "c2" }) {
			final String file = "annotations/nuclei/nuclei_labels_" + c + "_outlines.geojson";
			assertTrue(Files.isRegularFile(out.resolve(file)), file);
			assertTrue(tsv.stream().anyMatch(l -> l.startsWith(file + "\t")), tsv.toString());
		}
		assertFalse(tsv.stream().anyMatch(l -> l.startsWith("annotations/nuclei/nuclei_labels_outlines.geojson")),
			tsv.toString());
		assertEquals(List.of(), new PackageValidator(out, TODAY).run().stream().filter(PackageProblem::isError)
			.map(PackageProblem::toString).collect(java.util.stream.Collectors.toList()));
	}

	@Test
	void instanceLabelsFromRoisMatchTheLabelsTheRoisWereTracedFrom() throws IOException {
		final Path out = export(ExportRequest.to(tmp.resolve("pkg"))
			.image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of()))
			.options(ExportOptions.builder().labelsFromRois(LabelMode.INSTANCE).build()));
		final ImagePlus back = LabelImageImport.read(out.resolve("annotations/nuclei/nuclei_labels.ome.zarr"), null);
		final short[] original = pixels(IJ.openImage(sample.labels.toString())), made = pixels(back);
		for (int i = 0; i < original.length; i++)
			assertEquals(original[i] == 0, made[i] == 0, "pixel " + i);
	}

	@Test
	void aLabelImageFromRoisIsMadeFromTheRoisTheAnnotationFilesHold() throws IOException {
		// the overlay is the image's ROIs only when neither ROIs nor label images are given: with a label image
		// and no ROIs, there are no ROIs to make another label image from (the overlay was taken for it alone)
		final ImagePlus imp = IJ.openImage(sample.image.toString());
		imp.setOverlay(new ij.gui.Overlay(new ij.gui.Roi(10, 10, 20, 20)));
		final ImagePlus labels = IJ.openImage(sample.labels.toString());
		final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> export(ExportRequest.to(tmp.resolve("pkg")).image(AnnotatedImage.ofImage(imp, "nuclei.tif", List.of(),
				List.of(labels))).options(ExportOptions.builder().labelsFromRois(LabelMode.INSTANCE).build())));
		assertTrue(e.getMessage().startsWith("nuclei.tif: no ROIs to make a label image from"), e.getMessage());
		final Path out = export(ExportRequest.to(tmp.resolve("pkg2")).image(AnnotatedImage.ofImage(imp, "nuclei.tif",
			List.of(), List.of())).options(ExportOptions.builder().labelsFromRois(LabelMode.INSTANCE).build()));
		assertTrue(Files.isDirectory(out.resolve("annotations/nuclei/nuclei_labels.ome.zarr")), "from the overlay");
		assertEquals(1, new ObjectMapper().readTree(out.resolve("annotations/nuclei/nuclei.geojson").toFile()).get(
			"features").size(), "the same ROIs as the GeoJSON");
	}

	@Test
	void theLabelOmeZarrHasTheUsersOrdinaryPermissions() throws IOException {
		final Path out = export(ExportRequest.to(tmp.resolve("pkg")).image(AnnotatedImage.ofFiles(sample.image, List.of(),
			List.of(sample.labels))));
		final Path plain = Files.createDirectory(tmp.resolve("plain"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out.resolve(
			"annotations/nuclei/nuclei_labels.ome.zarr")), "not a temporary folder's owner-only permissions");
	}

	@Test
	void aLabelImageWithoutLabelsIsExportedWithAWarning() throws IOException {
		final Path empty = tmp.resolve("empty_labels.tif");
		new ij.io.FileSaver(new ImagePlus("empty", new ij.process.ShortProcessor(256, 256))).saveAsTiff(empty.toString());
		final List<String> warnings = new java.util.ArrayList<>();
		new PackageExport(warnings::add, Progress.NONE).export(ExportRequest.to(tmp.resolve("pkg")).image(AnnotatedImage
			.ofFiles(sample.image, List.of(), List.of(empty))), TODAY, Instant.parse("2026-11-29T10:00:00Z"));
		assertTrue(warnings.stream().anyMatch(w -> w.startsWith("label image \"empty_labels\" has no labels")), warnings
			.toString());
	}

	@Test
	void aLabelImageOfAnotherSizeIsRefusedWithOrWithoutTheImage() throws IOException {
		final Path other = tmp.resolve("other_labels.tif");
		new ij.io.FileSaver(new ImagePlus("other", new ij.process.ShortProcessor(300, 200))).saveAsTiff(other.toString());
		for (final boolean include : new boolean[] { false, true }) {
			final Path out = tmp.resolve("pkg" + include);
			final ImageException e = org.junit.jupiter.api.Assertions.assertThrows(ImageException.class,
				() -> export(ExportRequest.to(out).image(AnnotatedImage.ofFiles(sample.image, List.of(),
					List.of(other))).options(ExportOptions.builder().includeImage(include).build())));
			assertEquals(java.util.Optional.of("other_labels"), e.image());
			assertTrue(e.getMessage().contains("\"other_labels\" is t=1 z=1 y=200 x=300") && e.getMessage().contains(
				"must match"), e.getMessage());
			assertFalse(Files.exists(out), "nothing written");
		}
	}

	@Test
	void roiFilesAreReadOnceForTheirAnnotationsAndTheLabelsMadeFromThem() throws IOException {
		// a RoiSet.zip with an entry that is not a ROI: its warning is given once, not once per reading
		final Path zip = tmp.resolve("with-notes_RoiSet.zip");
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(sample.rois));
			java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip)))
		{
			for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
				out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
				in.transferTo(out);
			}
			out.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
			out.write("not a ROI".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		final List<String> warnings = new java.util.ArrayList<>();
		final ExportRequest r = ExportRequest.to(tmp.resolve("pkg"))
			.image(AnnotatedImage.ofFiles(sample.image, List.of(zip), List.of()))
			.options(ExportOptions.builder().labelsFromRois(LabelMode.INSTANCE).build());
		new PackageExport(warnings::add, Progress.NONE).export(r, TODAY, Instant.parse("2026-11-29T10:00:00Z"));
		assertEquals(1, warnings.stream().filter(w -> w.contains("'notes.txt' is not a ROI")).count(), warnings.toString());
		final short[] made = pixels(LabelImageImport.read(r.out().resolve("annotations/nuclei/nuclei_labels.ome.zarr"), null));
		final short[] original = pixels(IJ.openImage(sample.labels.toString()));
		for (int i = 0; i < original.length; i++)
			assertEquals(original[i] == 0, made[i] == 0, "pixel " + i);
	}

	@Test
	void includedImageHasItsFileListAndTheLabelsNameItAsTheirSource() throws IOException {
		final Path out = export(ExportRequest.to(tmp.resolve("pkg")).metadata(DemoMetadata.create())
			.image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of(sample.labels)))
			.options(ExportOptions.builder().includeImage(true).build()));
		final Path image = out.resolve("images/nuclei.ome.zarr");
		assertEquals(List.of(), OmeZarrCheck.check(image));
		assertTrue(Files.exists(image.resolve("OME/METADATA.ome.xml")));
		assertFalse(Files.exists(image.resolve("labels")), "the label images are not inside the listed image folder");
		assertEquals(List.of("Files\tdescription", "images/nuclei.ome.zarr\tsource image as OME-Zarr"),
			Files.readAllLines(out.resolve("images.tsv")));
		final List<String> tsv = Files.readAllLines(out.resolve("annotations.tsv"));
		assertEquals(3, tsv.size(), tsv.toString());
		assertTrue(tsv.get(1).startsWith("annotations/nuclei/nuclei.geojson\t"), tsv.get(1));
		assertTrue(tsv.get(2).startsWith("annotations/nuclei/nuclei_labels.ome.zarr\tsegmentation_mask\t" +
			"images/nuclei.ome.zarr\t"), "the label image, listed apart from its image, names it: " + tsv.get(2));
		for (final String row : tsv.subList(1, 3))
			assertTrue(row.contains("\timages/nuclei.ome.zarr\t"), "Source image names the included image: " + row);
		final JsonNode label = new ObjectMapper().readTree(out.resolve(
			"annotations/nuclei/nuclei_labels.ome.zarr/zarr.json").toFile()).path("attributes").path("ome");
		assertEquals("../../../images/nuclei.ome.zarr", label.path("image-label").path("source").path("image").asText());
		assertTrue(Files.isDirectory(out.resolve("annotations/nuclei/nuclei_labels.ome.zarr").resolve(label.path(
			"image-label").path("source").path("image").asText()).normalize()), "the source path resolves to the image");
		final List<PackageProblem> problems = new PackageValidator(out, TODAY).run();
		assertFalse(problems.stream().anyMatch(p -> p.message().startsWith("annotations-only")), problems.toString());
		assertFalse(problems.stream().anyMatch(PackageProblem::isError), problems.toString());
		assertTrue(Files.readString(out.resolve("submission.json")).contains("images.tsv"));
	}

	@Test
	void shardedZstdLevel1ReadsBackIdentically() throws IOException {
		final Path out = export(ExportRequest.to(tmp.resolve("pkg"))
			.image(AnnotatedImage.ofFiles(sample.image, List.of(), List.of(sample.labels)))
			.options(ExportOptions.builder().shardFactor(2)
				.compression(io.github.biaannotations.zarr.Compression.parse("zstd:1")).build()));
		final Path zarr = out.resolve("annotations/nuclei/nuclei_labels.ome.zarr");
		assertTrue(Files.readString(zarr.resolve("0/zarr.json")).contains("sharding_indexed"));
		assertArrayEquals(pixels(IJ.openImage(sample.labels.toString())), pixels(LabelImageImport.read(zarr, null)));
	}

	@Test
	void validateChecksEveryOmeZarrAgainstTheOfficialSchemasWhenGivenThem() throws IOException {
		final Path schemas = io.github.biaannotations.testutil.SharedReference.require("ngff");
		for (final NgffVersion v : NgffVersion.values()) {
			final Path out = export(ExportRequest.to(tmp.resolve("pkg" + v)).metadata(DemoMetadata.create())
				.image(AnnotatedImage.ofFiles(sample.image, List.of(sample.rois), List.of(sample.labels)))
				.options(ExportOptions.builder().includeImage(true).ngffVersion(v)
					.labelsFromRois(LabelMode.SEMANTIC).build()));
			final List<PackageProblem> problems = new PackageValidator(out, TODAY).ngffSchemas(schemas).run();
			assertFalse(problems.stream().anyMatch(PackageProblem::isError), v + ": " + problems);
		}
		final Path broken = tmp.resolve("pkg" + NgffVersion.V0_5).resolve("annotations/nuclei/nuclei_labels.ome.zarr/zarr.json");
		Files.writeString(broken, Files.readString(broken).replace("\"image-label\"", "\"image-label\":{},\"x-ignored\""));
		final List<PackageProblem> problems = new PackageValidator(tmp.resolve("pkg" + NgffVersion.V0_5), TODAY).ngffSchemas(schemas).run();
		assertTrue(problems.stream().anyMatch(p -> p.isError() && p.where().equals("annotations/nuclei/nuclei_labels.ome.zarr") &&
			p.message().startsWith("strict_label 0.5")),
			problems.toString());
	}

	@Test
	void ngff04WritesZarrV2() throws IOException {
		final Path out = export(ExportRequest.to(tmp.resolve("pkg"))
			.image(AnnotatedImage.ofFiles(sample.image, List.of(), List.of(sample.labels)))
			.options(ExportOptions.builder().ngffVersion(NgffVersion.V0_4).build()));
		final Path zarr = out.resolve("annotations/nuclei/nuclei_labels.ome.zarr");
		assertTrue(Files.exists(zarr.resolve(".zattrs")));
		assertEquals(List.of(), OmeZarrCheck.check(zarr));
		assertArrayEquals(pixels(IJ.openImage(sample.labels.toString())), pixels(LabelImageImport.read(zarr, null)));
	}
}
