package io.github.biaannotations.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.PackagePusher;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.PushResult;
import io.github.biaannotations.archive.RetryPolicy;
import io.github.biaannotations.archive.server.LocalArchiveServer;
import io.github.biaannotations.submission.PackageProblem;
import io.github.biaannotations.submission.PackageValidator;
import io.github.biaannotations.testutil.ConformanceInputs;
import io.github.biaannotations.testutil.Consumers;

/**
 * The archive's own ingest on our packages, unmodified (../shared/consumers/python): bia-ingest
 * ({@code bia-ingest-package}) builds the study, one annotation method, one dataset per annotation section and
 * study component, a file reference per listed file, and links every annotation file of an included image to
 * that image's file reference; ro-crate-ingest in strict mode ({@code ro-crate-ingest-package}) converts the
 * package, and its combined file list pairs each annotation file with its image; bia-mifa-models' JSON Schema
 * ({@code mifa-schema-validate}) accepts every {@code mifa/*.yaml}. What the real submission server would refuse
 * is checked too: {@code validate} (which refuses a circular reference as the server does) and a push to the
 * local archive. Packages come from {@link ConformanceInputs}: annotations only, with the image included, with
 * label images and outlines, with COCO and points CSV.
 */
class ArchiveIngestConsumersTest {

	private static final String PASSWORD = "conformance";
	/** The accession the consumers' BioStudies stand-in gives a package that has none. */
	private static final String ACCNO = "S-BIAD0";
	private static final String ANNOTATIONS_DATASET = "#Annotations-1";
	private static final String IMAGES_DATASET = "#Study%20Component-1";

	@TempDir
	static Path tmp;

	private static ConformanceInputs in;
	private static LocalArchiveServer archive;

	@BeforeAll
	static void inputsAndArchive() throws IOException {
		in = ConformanceInputs.write(tmp.resolve("in"));
		archive = LocalArchiveServer.start(new LocalArchiveServer.Options().store(tmp.resolve("archive")).user("alice",
			PASSWORD.toCharArray()).stageDelayMillis(0));
	}

	@AfterAll
	static void stopArchive() {
		if (archive != null) archive.close();
	}

	@Test
	void annotationsOnly() throws Exception {
		final Path pkg = in.export(tmp.resolve("annotations-only"), "--image", in.image2d, "--rois", in.rois2d);
		check(pkg, List.of("annotations/cells/cells.geojson"), null, "cells.tif");
	}

	@Test
	void withTheImageIncluded() throws Exception {
		final Path pkg = in.export(tmp.resolve("include-image"), "--image", in.stack, "--rois", in.stackRois,
			"--labels", in.stackLabels, "--include-image");
		check(pkg, List.of("annotations/stack/stack.geojson", "annotations/stack/stack_labels.ome.zarr"),
			"images/stack.ome.zarr", "images/stack.ome.zarr");
	}

	@Test
	void withLabelImagesAndOutlines() throws Exception {
		final Path pkg = in.export(tmp.resolve("labels"), "--image", in.image2d, "--rois", in.rois2d, "--labels",
			in.labels2d, "--labels-from-rois", "instance", "--rois-from-labels");
		check(pkg, List.of("annotations/cells/cells.geojson", "annotations/cells/cells_labels.ome.zarr",
			"annotations/cells/cells_roi_labels.ome.zarr", "annotations/cells/cells_labels_outlines.geojson"), null,
			"cells.tif");
	}

	@Test
	void withCocoAndPointsCsv() throws Exception {
		final Path pkg = in.export(tmp.resolve("coco-csv"), "--image", in.image2d, "--rois", in.rois2d, "--format",
			"coco,csv");
		check(pkg, List.of("annotations/cells/cells.geojson", "annotations/cells/cells.coco.json",
			"annotations/cells/cells_points.csv"), null, "cells.tif");
	}

	/**
	 * Runs every check on a package.
	 *
	 * @param annotations the annotation files the package must list
	 * @param image the included image's path, or null for an annotations-only package
	 * @param source what each annotation file names as its source image
	 */
	private static void check(final Path pkg, final List<String> annotations, final String image, final String source)
		throws Exception
	{
		final List<String> all = new ArrayList<>(annotations);
		if (image != null) all.add(image);
		biaIngest(pkg, annotations, image, source, all.size());
		roCrateIngest(pkg, annotations, image, source, all.size());
		mifaSchema(pkg);
		submissionServer(pkg);
	}

	/** bia-ingest (v4 processing) built the study, 1 annotation method, the datasets, every file reference and link. */
	private static void biaIngest(final Path pkg, final List<String> annotations, final String image, final String source,
		final int files) throws IOException
	{
		final Consumers.Verdict v = Consumers.python("bia-ingest-package", pkg).assertAccepted();
		assertEquals(1, v.lines("  bia-ingest status: Success").size(), v::toString);
		final String result = only(v, "  bia-ingest result: ");
		assertTrue(result.startsWith("  bia-ingest result: processing version v4,"), "full (v4) processing: " + result);
		final Map<String, Integer> created = counts(result.substring(result.indexOf("created {")));
		assertEquals(1, created.get("Study"), result);
		assertEquals(1, created.get("AnnotationMethod"), result);
		assertEquals(image == null ? 1 : 2, created.get("Dataset"), "one per annotation section and study component: " +
			result);
		assertEquals(files, created.get("FileReference"), result);
		assertTrue(result.contains("validation errors none"), result);
		assertEquals("  objects written by bia-ingest: annotation_method 1, dataset " + (image == null ? 1 : 2) +
			", file_reference " + files + ", study 1", only(v, "  objects written by bia-ingest: "), "what it persisted");
		final Map<String, String> refs = new HashMap<>();
		for (final String line : v.lines("  FileReference '"))
			refs.put(line.substring("  FileReference '".length(), line.indexOf("': format")), line);
		assertEquals(files, refs.size(), v::toString);
		final String imageUuid = image == null ? null : fileReferenceUuid(image, size(refs.get(image)));
		for (final String a : annotations) {
			final String line = refs.get(a);
			assertNotNull(line, a + " has a file reference: " + v);
			assertTrue(line.contains(", dataset 'Annotations of "), "in the annotation dataset: " + line);
			assertTrue(line.contains("'Source image': '" + source + "'"), "the file-list link is kept: " + line);
			if (image == null) assertFalse(line.contains("source_image_uuid"), "no image in the study to link: " + line);
			else {
				final String link = line.substring(line.indexOf("source_image_uuid -> "), line.indexOf("; file-list attributes"));
				assertTrue(link.contains(imageUuid) || link.contains("'" + image + "'"), a + " links to " + image +
					" (file reference " + imageUuid + "): " + link);
			}
		}
		if (image != null) assertTrue(refs.get(image).contains(", dataset 'Source images'"), refs.get(image));
	}

	/** ro-crate-ingest's strict conversion, validated by bia-ro-crate; its file list pairs annotations and image. */
	private static void roCrateIngest(final Path pkg, final List<String> annotations, final String image,
		final String source, final int files) throws IOException
	{
		final Path out = tmp.resolve("crate-" + pkg.getFileName());
		final Consumers.Verdict v = Consumers.python("ro-crate-ingest-package", pkg, "--out", out).assertAccepted();
		assertEquals(1, v.lines("  strict conversion: crate written").size(), v::toString);
		assertEquals(1, v.output.split("bia:AnnotationMethod '", -1).length - 1, v::toString);
		assertEquals(image == null ? 1 : 2, v.output.split("bia:Dataset '", -1).length - 1, v::toString);
		assertTrue(v.output.contains("bia:Dataset '" + ANNOTATIONS_DATASET + "': name 'Annotations of ") && v.output
			.contains("associatedAnnotationMethod [{'@id': '#_Annotations-1'}]"), v::toString);
		assertTrue(v.output.contains("csvw:Column 'sourceImage' -> propertyUrl 'http://bia/sourceImagePath'"),
			"the Source image column is read as the source image: " + v);
		final List<String> rows = Files.readAllLines(out.resolve("strict").resolve(ACCNO).resolve(
			"combined_file_list.tsv"), StandardCharsets.UTF_8);
		final List<String> header = Arrays.asList(rows.get(0).split("\t", -1));
		final int path = header.indexOf("path"), dataset = header.indexOf("dataset"), src = header.indexOf("sourceImage");
		assertTrue(path >= 0 && dataset >= 0 && src >= 0, header::toString);
		final Map<String, String[]> byPath = new LinkedHashMap<>();
		for (final String r : rows.subList(1, rows.size())) {
			final String[] cells = r.split("\t", -1);
			byPath.put(cells[path], cells);
		}
		assertEquals(files, byPath.size(), rows::toString);
		for (final String a : annotations) {
			final String[] row = byPath.get(a);
			assertNotNull(row, a + " in " + byPath.keySet());
			assertEquals(ANNOTATIONS_DATASET, row[dataset], a);
			assertEquals(source, row[src], a + "'s source image");
		}
		if (image != null) {
			assertEquals(IMAGES_DATASET, byPath.get(image)[dataset], "the image is in the study component's dataset");
			assertTrue(byPath.containsKey(source), "each annotation's source image is a file of the crate");
		}
	}

	private static void mifaSchema(final Path pkg) {
		final Consumers.Verdict v = Consumers.python("mifa-schema-validate", pkg).assertAccepted();
		for (final String part : new String[] { "Study", "Annotations", "Version" })
			assertEquals(1, v.lines("  " + pkg.resolve("mifa/" + part + ".yaml") + " as " + part + ": JSON Schema: valid")
				.size(), v::toString);
	}

	/** validate finds no error (it refuses what the real server refuses), and the local archive takes a push. */
	private static void submissionServer(final Path pkg) throws Exception {
		final List<PackageProblem> problems = new PackageValidator(pkg, LocalDate.now(ZoneOffset.UTC)).run();
		assertEquals(List.of(), problems.stream().filter(PackageProblem::isError).collect(Collectors.toList()));
		final ArchiveClient client = new ArchiveClient(archive.baseUri().toString(), "alice", PASSWORD.toCharArray(),
			new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(40), d -> Thread.sleep(d.toMillis())),
			PushListener.NONE, null);
		final PushResult r = new PackagePusher(client, PushListener.NONE).pollEvery(Duration.ofMillis(10), Duration
			.ofMillis(100)).push(pkg);
		assertTrue(r.processed(), pkg.getFileName() + ": " + r.status() + " " + r.errors());
		assertTrue(Files.isRegularFile(archive.store().resolve("submissions").resolve(r.accNo()).resolve(
			Integer.toString(r.version())).resolve("submission.json")), "the archive stored " + r.accNo());
	}

	/** bia-ingest's UUID for the file reference of {@code path}, computed by the archive's own code. */
	private static String fileReferenceUuid(final String path, final long size) {
		final Consumers.Verdict v = Consumers.python("python", "-c", String.join("\n",
			"import sys",
			"from bia_shared_datamodels import uuid_creation",
			"from bia_shared_datamodels.package_specific_uuid_creation.shared import create_file_reference_uuid",
			"study = uuid_creation.create_study_uuid(sys.argv[1])",
			"print('uuid', create_file_reference_uuid(study, sys.argv[2], sys.argv[3])[0])"), ACCNO, path, size)
			.assertAccepted();
		return only(v, "uuid ").substring("uuid ".length()).trim();
	}

	private static long size(final String fileReferenceLine) {
		final Matcher m = Pattern.compile(", size (\\d+),").matcher(fileReferenceLine);
		assertTrue(m.find(), fileReferenceLine);
		return Long.parseLong(m.group(1));
	}

	/** {'Study': 1, 'Dataset': 2, ...} as printed by Python. */
	private static Map<String, Integer> counts(final String dict) {
		final Map<String, Integer> out = new HashMap<>();
		final Matcher m = Pattern.compile("'(\\w+)': (\\d+)").matcher(dict.substring(0, dict.indexOf('}') + 1));
		while (m.find())
			out.put(m.group(1), Integer.valueOf(m.group(2)));
		return out;
	}

	private static String only(final Consumers.Verdict v, final String prefix) {
		final List<String> lines = v.lines(prefix);
		assertEquals(1, lines.size(), () -> "one line '" + prefix + "' in:\n" + v);
		return lines.get(0);
	}
}
