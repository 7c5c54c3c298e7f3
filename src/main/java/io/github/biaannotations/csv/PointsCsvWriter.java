package io.github.biaannotations.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.locationtech.jts.geom.Coordinate;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.AnnotationWriter;
import io.github.biaannotations.model.Plane;

/**
 * Writes point annotations as a CSV table without a header, one row per point, in the columns {@link #COLUMNS}, as
 * the BioImage Archive's point converter (annotation-data-converter) reads it: columns 0, 1, 2 are x, y, z, always
 * numbers, in pixels; the converter reads no header and ignores the columns after z. x and y are ImageJ's
 * point coordinates, the centre of the top-left pixel at 0, 0 (the GeoJSON's minus 0.5), so that a point inside
 * the image's pixel centres lies within the converter's bounds 0 .. size - 1. z, t and c are 0-based plane
 * indices; z is 0 for a point not tied to a slice (a CSV row holds one z), t and c are empty where the point is
 * on every frame or channel. Other annotations are counted in {@link #skipped()}. Text follows RFC 4180 quoting.
 */
public final class PointsCsvWriter implements AnnotationWriter {

	/** The columns, in order (the file has no header row). */
	public static final String COLUMNS = "x,y,z,t,c,class,name";

	/** From the GeoJSON's corner-based coordinates back to ImageJ's pixel-centre ones. */
	private static final double CENTRE = 0.5;

	private final Writer out;
	private long rows;
	private long withoutSlice;
	private int skipped;

	public PointsCsvWriter(final OutputStream stream) {
		out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
	}

	/** Number of rows (points) written. */
	public long rows() {
		return rows;
	}

	/** Number of points written with z 0 because they are not tied to a slice. */
	public long withoutSlice() {
		return withoutSlice;
	}

	/** Number of annotations not written because they are not points. */
	public int skipped() {
		return skipped;
	}

	@Override
	public void write(final Annotation a) throws IOException {
		if (a.kind() != Annotation.Kind.POINTS) {
			skipped++;
			return;
		}
		final Plane p = a.plane().orElse(null);
		final String z = p == null ? "0" : Integer.toString(p.z());
		final String t = p == null ? "" : Integer.toString(p.t());
		final String c = p == null || p.c() < 0 ? "" : Integer.toString(p.c());
		final String rest = ',' + z + ',' + t + ',' + c + ',' + quote(a.classification().orElse("")) + ',' +
			quote(a.name().orElse("")) + "\r\n";
		for (final Coordinate xy : a.geometry().getCoordinates()) {
			out.write(Double.toString(xy.x - CENTRE));
			out.write(',');
			out.write(Double.toString(xy.y - CENTRE));
			out.write(rest);
			rows++;
			if (p == null) withoutSlice++;
		}
	}

	static String quote(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	@Override
	public void close() throws IOException {
		out.close();
	}
}
