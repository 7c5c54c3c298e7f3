package io.github.biaannotations.metadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of MIFA file-level metadata: an annotation file, the source image it annotates, its annotation
 * types and what the export did to coordinates. The export makes one per annotation file with
 * {@link #forFile}.
 */
public final class FileLevelMetadata {

	/**
	 * The {@code transformations} text for files holding ImageJ point or line ROIs: their pixel-centre
	 * coordinates were shifted to the corner-origin pixel grid of GeoJSON (design.md, Coordinates).
	 */
	public static final String IMAGEJ_CENTRE_SHIFT = "ImageJ point and line coordinates (pixel centres) " +
		"shifted by +0.5 px in x and y so that (0,0) is the top-left corner of the top-left pixel";

	private String annotationId;
	private final List<String> types = new ArrayList<>();
	private String sourceImageId;
	private String transformations;
	private String spatialInformation;
	private String creationTime;
	private final Map<String, Object> extras = new LinkedHashMap<>();

	/**
	 * The row for one exported annotation file.
	 *
	 * @param annotationId path of the annotation file in the package, e.g. {@code annotations/img/img.geojson}
	 * @param sourceImageId path (or id) of the source image the file annotates
	 * @param type the annotation type, e.g. from {@link AnnotationTypeRule}
	 * @param created creation time of the annotations, written ISO 8601 in UTC; null when unknown
	 * @param transformations what links image and annotation coordinates, e.g. "points shifted by +0.5 px";
	 *          null when the export changed nothing
	 * @param spatialInformation spatial information for non-pixel annotations (calibration, units); may be null
	 */
	public static FileLevelMetadata forFile(final String annotationId, final String sourceImageId,
		final AnnotationType type, final Instant created, final String transformations,
		final String spatialInformation)
	{
		Objects.requireNonNull(type, "type");
		return forFile(annotationId, sourceImageId, java.util.Collections.singletonList(type), created,
			transformations, spatialInformation);
	}

	/** As {@link #forFile(String, String, AnnotationType, Instant, String, String)}, for files of several types. */
	public static FileLevelMetadata forFile(final String annotationId, final String sourceImageId,
		final Collection<AnnotationType> types, final Instant created, final String transformations,
		final String spatialInformation)
	{
		if (Values.isBlank(annotationId)) throw new IllegalArgumentException("annotation_id is empty");
		if (Values.isBlank(sourceImageId)) throw new IllegalArgumentException(
			"source_image_id is empty for annotation file " + annotationId);
		if (types.isEmpty()) throw new IllegalArgumentException("no annotation type for annotation file " +
			annotationId);
		final FileLevelMetadata f = new FileLevelMetadata().annotationId(annotationId).sourceImageId(sourceImageId)
			.transformations(Values.trim(transformations)).spatialInformation(Values.trim(spatialInformation))
			.creationTime(created == null ? null : created.truncatedTo(ChronoUnit.SECONDS).toString());
		for (final AnnotationType t : types)
			f.types.add(t.value());
		return f;
	}

	/**
	 * A {@code spatial_information} text for non-pixel annotations: coordinates are pixels, and one pixel is
	 * this size (the image's calibration), e.g. "Coordinates in pixels; pixel size 0.65 x 0.65 x 2
	 * micrometer (x, y, z)". Returns null when the image is uncalibrated (sizes not positive or no unit).
	 *
	 * @param pixelDepth the z step; 0 or negative for 2D images
	 */
	public static String pixelSpatialInformation(final double pixelWidth, final double pixelHeight,
		final double pixelDepth, final String unit)
	{
		if (!(pixelWidth > 0) || !(pixelHeight > 0) || Values.isBlank(unit) || unit.trim().equalsIgnoreCase("pixel") ||
			unit.trim().equalsIgnoreCase("pixels")) return null;
		final boolean z = pixelDepth > 0;
		return "Coordinates in pixels; pixel size " + number(pixelWidth) + " x " + number(pixelHeight) + (z ? " x " +
			number(pixelDepth) : "") + " " + unit.trim() + (z ? " (x, y, z)" : " (x, y)");
	}

	private static String number(final double v) {
		return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}

	/** {@code annotation_id}, required: the annotation file's path in the package. */
	public String annotationId() { return annotationId; }
	public FileLevelMetadata annotationId(final String v) { annotationId = v; return this; }
	/** {@code annotation_type}, required: values as written (see {@link AnnotationType}). Live list. */
	public List<String> types() { return types; }
	/** {@code source_image_id}, required. */
	public String sourceImageId() { return sourceImageId; }
	public FileLevelMetadata sourceImageId(final String v) { sourceImageId = v; return this; }
	/** {@code transformations}. */
	public String transformations() { return transformations; }
	public FileLevelMetadata transformations(final String v) { transformations = v; return this; }
	/** {@code spatial_information}. */
	public String spatialInformation() { return spatialInformation; }
	public FileLevelMetadata spatialInformation(final String v) { spatialInformation = v; return this; }
	/** {@code annotation_creation_time}: ISO 8601 date-time, kept as written. */
	public String creationTime() { return creationTime; }
	public FileLevelMetadata creationTime(final String v) { creationTime = v; return this; }
	/** Keys of the YAML this model does not know, kept so that writing the file back loses nothing. */
	public Map<String, Object> extras() { return extras; }

	public FileLevelMetadata copy() {
		final FileLevelMetadata f = new FileLevelMetadata().annotationId(annotationId).sourceImageId(sourceImageId)
			.transformations(transformations).spatialInformation(spatialInformation).creationTime(creationTime);
		f.types.addAll(types);
		f.extras.putAll(Values.deepCopy(extras));
		return f;
	}
}
