package io.github.biaannotations.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.WKTReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.model.Annotation;

/** Polygons with holes become COCO's uncompressed RLE: column-major runs over the whole image, background first. */
class CocoWriterTest {

	@Test
	void rleOfAPolygonWithAHoleMarksExactlyThePixelsWhoseCentresItCovers() throws Exception {
		final int w = 50, h = 40;
		for (final String wkt : new String[] {
			"POLYGON ((10 5, 30 5, 30 25, 10 25, 10 5), (15 10, 20 10, 20 15, 15 15, 15 10))",
			// partly outside the image, and touching the first column
			"POLYGON ((-5 30, 8 30, 8 45, -5 45, -5 30), (0 32, 2 32, 2 34, 0 34, 0 32))" })
		{
			final Geometry g = new WKTReader().read(wkt);
			final JsonNode rle = write(g, w, h).get("annotations").get(0).get("segmentation");
			assertEquals(h, rle.get("size").get(0).asInt());
			assertEquals(w, rle.get("size").get(1).asInt());
			final boolean[] decoded = new boolean[w * h];
			int i = 0;
			boolean value = false;
			for (final JsonNode run : rle.get("counts")) {
				for (long k = 0; k < run.asLong(); k++)
					decoded[i++] = value;
				value = !value;
			}
			assertEquals(w * h, i, "runs cover the image once");
			final IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(g);
			for (int x = 0; x < w; x++)
				for (int y = 0; y < h; y++)
					assertEquals(inside.locate(new Coordinate(x + 0.5, y + 0.5)) == Location.INTERIOR, decoded[x * h + y],
						wkt + " at " + x + "," + y);
		}
	}

	private static JsonNode write(final Geometry g, final int w, final int h) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (CocoWriter coco = new CocoWriter(bytes, "image.tif", w, h)) {
			coco.write(Annotation.builder(g).name("cell").build());
		}
		return new ObjectMapper().readTree(bytes.toByteArray());
	}
}
