package io.github.biaannotations.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * One annotation, immutable: a JTS geometry in pixel coordinates (origin at the top-left corner of the
 * top-left pixel), the plane it lies on, and the descriptive members QuPath's GeoJSON carries.
 * Built with {@link #builder(Geometry)}.
 */
public final class Annotation {

	/** What a geometry describes; decides the MIFA annotation type and the output formats it can go to. */
	public enum Kind {
		AREA, LINE, POINTS;

		public static Kind of(final Geometry g) {
			if (g instanceof Puntal) return POINTS;
			if (g instanceof Lineal) return LINE;
			if (g instanceof Polygonal) return AREA;
			throw new IllegalArgumentException("Unsupported geometry type " + g.getGeometryType());
		}
	}

	/** QuPath's objectType; cells, tiles and TMA cores are QuPath's kinds of detection. */
	public enum ObjectType {
		ANNOTATION("annotation"), DETECTION("detection"), CELL("cell"), TILE("tile"), TMA_CORE("tmaCore");

		private final String json;

		ObjectType(final String json) {
			this.json = json;
		}

		public String json() {
			return json;
		}

		/** The type QuPath writes as {@code s} (also its 0.2 names such as PathCellObject), or null for another. */
		public static ObjectType fromJson(final String s) {
			for (final ObjectType t : values())
				if (t.json.equalsIgnoreCase(s)) return t;
			if ("tma_core".equalsIgnoreCase(s) || "TMACoreObject".equals(s)) return TMA_CORE;
			if ("PathAnnotationObject".equals(s)) return ANNOTATION;
			if ("PathDetectionObject".equals(s)) return DETECTION;
			if ("PathCellObject".equals(s)) return CELL;
			if ("PathTileObject".equals(s)) return TILE;
			return null;
		}
	}

	private final String id;
	private final Geometry geometry;
	private final Plane plane;
	private final String name;
	private final String classification;
	private final Rgb classificationColor;
	private final Rgb color;
	private final boolean ellipse;
	private final boolean locked;
	private final ObjectType objectType;
	private final Map<String, String> metadata;
	private final Map<String, Double> measurements;

	private Annotation(final Builder b) {
		id = b.id;
		geometry = b.geometry;
		plane = b.plane;
		name = b.name;
		classification = b.classification;
		classificationColor = b.classificationColor;
		color = b.color;
		ellipse = b.ellipse;
		locked = b.locked;
		objectType = b.objectType;
		metadata = b.metadata.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
		measurements = b.measurements.isEmpty() ? Collections.emptyMap()
			: Collections.unmodifiableMap(new LinkedHashMap<>(b.measurements));
	}

	public static Builder builder(final Geometry geometry) {
		return new Builder(geometry);
	}

	/** A builder holding this annotation's values, to derive a changed copy. */
	public Builder toBuilder() {
		final Builder b = new Builder(geometry).id(id).plane(plane).name(name)
			.classification(classification, classificationColor).color(color).ellipse(ellipse)
			.locked(locked).objectType(objectType);
		b.metadata.putAll(metadata);
		b.measurements.putAll(measurements);
		return b;
	}

	public Optional<String> id() { return Optional.ofNullable(id); }
	public Geometry geometry() { return geometry; }
	public Kind kind() { return Kind.of(geometry); }
	/** Empty when the annotation is not tied to a plane (it applies to all of them). */
	public Optional<Plane> plane() { return Optional.ofNullable(plane); }
	public Optional<String> name() { return Optional.ofNullable(name); }
	public Optional<String> classification() { return Optional.ofNullable(classification); }
	public Optional<Rgb> classificationColor() { return Optional.ofNullable(classificationColor); }
	public Optional<Rgb> color() { return Optional.ofNullable(color); }
	public boolean isEllipse() { return ellipse; }
	/** QuPath's {@code isLocked}: the object may not be edited. */
	public boolean isLocked() { return locked; }
	public ObjectType objectType() { return objectType; }
	/** Free text key/value pairs (QuPath's {@code metadata}); ImageJ specifics use keys starting {@code imagej.}. */
	public Map<String, String> metadata() { return metadata; }
	public Map<String, Double> measurements() { return measurements; }

	@Override
	public String toString() {
		return "Annotation[" + (name == null ? "" : name + ", ") + geometry.getGeometryType() +
			(plane == null ? "" : ", " + plane) + "]";
	}

	public static final class Builder {

		private String id;
		private final Geometry geometry;
		private Plane plane;
		private String name;
		private String classification;
		private Rgb classificationColor;
		private Rgb color;
		private boolean ellipse;
		private boolean locked;
		private ObjectType objectType = ObjectType.ANNOTATION;
		private final Map<String, String> metadata = new LinkedHashMap<>(4);
		private final Map<String, Double> measurements = new LinkedHashMap<>(2);

		private Builder(final Geometry geometry) {
			this.geometry = Objects.requireNonNull(geometry, "geometry");
			Kind.of(geometry);
		}

		public Builder id(final String v) { id = v; return this; }
		public Builder plane(final Plane v) { plane = v; return this; }
		public Builder name(final String v) { name = v; return this; }
		public Builder classification(final String v, final Rgb c) { classification = v; classificationColor = c; return this; }
		public Builder color(final Rgb v) { color = v; return this; }
		public Builder ellipse(final boolean v) { ellipse = v; return this; }
		public Builder locked(final boolean v) { locked = v; return this; }
		public Builder objectType(final ObjectType v) { objectType = Objects.requireNonNull(v); return this; }
		public Builder metadata(final String key, final String value) {
			if (value == null) metadata.remove(key);
			else metadata.put(key, value);
			return this;
		}
		public Builder metadata(final Map<String, String> values) { values.forEach(this::metadata); return this; }
		public Builder measurement(final String key, final double value) { measurements.put(key, value); return this; }

		public Annotation build() {
			return new Annotation(this);
		}
	}
}
