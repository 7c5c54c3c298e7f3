package io.github.biaannotations.submission;

/**
 * Every file name and path of a package folder (design.md), in one place for export, validate and push:
 * <pre>
 * submission.json          PageTab JSON, ready to submit
 * mifa/                    Study.yaml, Annotations.yaml, Version.yaml (the archive's MIFA templates)
 * annotations.tsv          file list of the annotation files
 * images.tsv               file list of the source images, when included
 * manifest.json            every file with its size and sha256
 * annotations/&lt;image&gt;/...  the annotation files of each image: GeoJSON, label OME-Zarr, COCO, CSV
 * images/&lt;image&gt;.ome.zarr  the source images, when included
 * .bia-push.json           written by push: what was uploaded and submitted where (not part of the package)
 * </pre>
 * {@code <image>} is the image's base name made safe for the archive's path rule.
 */
public final class PackageLayout {

	/** The tool named in the manifest. */
	public static final String TOOL = "bia-annotations";
	public static final String SUBMISSION = "submission.json";
	public static final String ANNOTATION_LIST = "annotations.tsv";
	public static final String IMAGE_LIST = "images.tsv";
	public static final String MIFA_DIR = "mifa";
	public static final String MANIFEST = "manifest.json";
	/** Written into the package by push (what was uploaded and submitted where); not part of the package. */
	public static final String PUSH_RECORD = ".bia-push.json";
	public static final String ANNOTATIONS_DIR = "annotations";
	public static final String IMAGES_DIR = "images";
	/** The suffix of an OME-Zarr folder. */
	public static final String OME_ZARR = ".ome.zarr";

	private PackageLayout() {}

	/** The folder of an image's annotation files, with a trailing slash: {@code annotations/<image>/}. */
	public static String annotationFolder(final String image) {
		return ANNOTATIONS_DIR + "/" + image + "/";
	}

	/** An annotation file of an image: {@code annotations/<image>/<fileName>}. */
	public static String annotationFile(final String image, final String fileName) {
		return annotationFolder(image) + fileName;
	}

	/** A label image of an image, whether or not the image is included: {@code annotations/<image>/<name>.ome.zarr}. */
	public static String labelImage(final String image, final String name) {
		return annotationFile(image, name + OME_ZARR);
	}

	/** The image when it is included: {@code images/<image>.ome.zarr}. */
	public static String image(final String image) {
		return IMAGES_DIR + "/" + image + OME_ZARR;
	}

	/** The included image as its label images name it ({@code image-label.source}): relative to their folder. */
	public static String imageFromLabelImage(final String image) {
		return "../../../" + image(image);
	}
}
