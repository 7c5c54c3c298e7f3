package io.github.biaannotations.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.biaannotations.metadata.AnnotationType;
import io.github.biaannotations.metadata.AnnotationTypeRule;
import io.github.biaannotations.metadata.FileLevelMetadata;
import io.github.biaannotations.metadata.MifaMetadata;
import io.github.biaannotations.metadata.PageTabBuilder;

/**
 * Writes the submission files of a package from its metadata and its files: {@code mifa/} (with one
 * file-level row per annotation file), {@code annotations.tsv}, {@code images.tsv} when images are included,
 * and {@code submission.json}. A single export and a batch write them the same way.
 */
public final class SubmissionFiles {

	private SubmissionFiles() {}

	/** One file-level row per annotation file, created at {@code now}. */
	public static List<FileLevelMetadata> rows(final List<AnnotationFile> files, final Instant now) {
		final List<FileLevelMetadata> rows = new ArrayList<>();
		for (final AnnotationFile f : files)
			rows.add(f.row(now));
		return rows;
	}

	/**
	 * Writes the submission files into {@code dir}. MIFA gives annotation types per file only: a type declared
	 * for the whole set that says how the annotations were made (class labels, tracks, weak annotations ...) is
	 * added to every row; a type of content (segmentation mask, points, boxes, shapes) is each row's own, from
	 * what its file holds. The PageTab's {@code Annotation Type} lists the rows' types.
	 *
	 * @param m the study metadata, changed: its file-level rows become {@code rows}
	 * @param images the included images, package-relative ({@link PackageLayout#image}); empty for none
	 */
	public static void write(final MifaMetadata m, final List<FileLevelMetadata> rows, final List<String> images,
		final Path dir, final LocalDate today) throws IOException
	{
		final List<String> declared = new ArrayList<>(m.annotations().types());
		m.annotations().files().clear();
		m.annotations().types().clear();
		for (final FileLevelMetadata r : rows) {
			for (final String t : declared)
				if (t != null && !t.isBlank() && !AnnotationType.parse(t).map(AnnotationTypeRule::isFromContent)
					.orElse(false) && !r.types().contains(t.trim())) r.types().add(t.trim());
			m.annotations().files().add(r);
		}
		m.annotations().types().addAll(m.annotations().effectiveTypes());
		m.writeTemplates(dir.resolve(PackageLayout.MIFA_DIR));
		Files.write(dir.resolve(PackageLayout.ANNOTATION_LIST), PageTabBuilder.fileListTsv(rows).getBytes(
			StandardCharsets.UTF_8));
		final PageTabBuilder pageTab = new PageTabBuilder(m).annotationFileList(PackageLayout.ANNOTATION_LIST);
		if (!images.isEmpty()) {
			final StringBuilder tsv = new StringBuilder("Files\tdescription\n");
			for (final String i : images)
				tsv.append(i).append("\tsource image as OME-Zarr\n");
			Files.write(dir.resolve(PackageLayout.IMAGE_LIST), tsv.toString().getBytes(StandardCharsets.UTF_8));
			pageTab.imageFileList(PackageLayout.IMAGE_LIST, "Source images", "The annotated images as OME-Zarr. " +
				"Their annotation files, label images included, are in the annotation file list, each naming its " +
				"image in " + PageTabBuilder.SOURCE_IMAGE + ".");
		}
		Files.write(dir.resolve(PackageLayout.SUBMISSION), PageTabBuilder.toJson(pageTab.build(today)).getBytes(
			StandardCharsets.UTF_8));
	}
}
