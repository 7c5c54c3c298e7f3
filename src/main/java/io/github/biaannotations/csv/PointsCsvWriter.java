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
 * Writes point annotations as a CSV table, one row per point: {@code x,y,z,t,c,class,name}. x and y are pixel
 * coordinates as in the GeoJSON (the centre of the top-left pixel is 0.5, 0.5); z, t, c are 0-based plane
 * indices, empty where the point is not tied to a plane or channel. Other annotations are counted in
 * {@link #skipped()}. Text follows RFC 4180 quoting.
 */
public final class PointsCsvWriter implements AnnotationWriter {

	public static final String HEADER = "x,y,z,t,c,class,name";

	private final Writer out;
	private long rows;
	private int skipped;

	public PointsCsvWriter(final OutputStream stream) throws IOException {
		out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
		out.write(HEADER);
		out.write("\r\n");
	}

	public long rows() {
		return rows;
	}

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
		final String z = p == null ? "" : Integer.toString(p.z());
		final String t = p == null ? "" : Integer.toString(p.t());
		final String c = p == null || p.c() < 0 ? "" : Integer.toString(p.c());
		final String cls = quote(a.classification().orElse(""));
		final String name = quote(a.name().orElse(""));
		for (final Coordinate xy : a.geometry().getCoordinates()) {
			out.write(Double.toString(xy.x));
			out.write(',');
			out.write(Double.toString(xy.y));
			out.write(',' + z + ',' + t + ',' + c + ',' + cls + ',' + name + "\r\n");
			rows++;
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
