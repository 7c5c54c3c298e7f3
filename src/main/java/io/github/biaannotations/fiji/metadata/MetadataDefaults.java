package io.github.biaannotations.fiji.metadata;

import io.github.biaannotations.metadata.MifaMetadata;

/**
 * Prefills metadata from the image being exported, so that the dialog starts with what Fiji already knows;
 * only empty fields are filled.
 */
public final class MetadataDefaults {

	private MetadataDefaults() {}

	/**
	 * Fills the study title from the image title (without file extension) and the annotation coverage from the
	 * source file, when they are empty.
	 *
	 * @param imageTitle the ImagePlus title, e.g. {@code nuclei2d.tif}; may be null
	 * @param sourceFile the image's file path or name; may be null (unsaved image)
	 * @return {@code m}, for chaining
	 */
	public static MifaMetadata fromImage(final MifaMetadata m, final String imageTitle, final String sourceFile) {
		final String name = blank(imageTitle) ? null : imageTitle.trim().replaceFirst(
			"\\.(ome\\.)?(tiff?|png|jpe?g|zarr|czi|nd2|lif|lsm)$", "");
		if (blank(m.study().title()) && name != null) m.study().title("Annotations of " + name);
		if (blank(m.annotations().coverage()) && !blank(sourceFile)) m.annotations().coverage(
			"Objects annotated in " + sourceFile.trim());
		return m;
	}

	private static boolean blank(final String s) {
		return s == null || s.trim().isEmpty();
	}
}
