package io.github.biaannotations.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

import io.github.biaannotations.model.Annotation;
import io.github.biaannotations.model.Plane;

/** The points CSV in the archive converter's layout: no header, x, y, z numbers first, the rest after. */
class PointsCsvWriterTest {

	@Test
	void rowsHaveNoHeaderImageJsCoordinatesAndANumericZ() throws Exception {
		final WKTReader wkt = new WKTReader();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final PointsCsvWriter csv = new PointsCsvWriter(bytes);
		// GeoJSON coordinates (pixel corners); the CSV gives ImageJ's (pixel centres)
		csv.write(Annotation.builder(wkt.read("MULTIPOINT ((0.5 0.5), (10 20.25))")).classification("Counter 1", null)
			.name("a, \"b\"").build());
		csv.write(Annotation.builder(wkt.read("POINT (3.5 4.5)")).plane(Plane.of(1, 2, 3)).build());
		csv.write(Annotation.builder(wkt.read("POINT (5.5 6.5)")).plane(Plane.of(Plane.ALL_CHANNELS, 0, 1)).build());
		csv.write(Annotation.builder(wkt.read("LINESTRING (1 1, 5 5)")).build());
		csv.close();
		assertEquals("0.0,0.0,0,,,Counter 1,\"a, \"\"b\"\"\"\r\n" +
			"9.5,19.75,0,,,Counter 1,\"a, \"\"b\"\"\"\r\n" +
			"3.0,4.0,2,3,1,,\r\n" +
			"5.0,6.0,0,1,,,\r\n", new String(bytes.toByteArray(), StandardCharsets.UTF_8));
		assertEquals(4, csv.rows());
		assertEquals(2, csv.withoutSlice());
		assertEquals(1, csv.skipped());
	}
}
