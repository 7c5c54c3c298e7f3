package io.github.biaannotations.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.github.biaannotations.model.PixelMask;
import io.github.biaannotations.model.Plane;

/**
 * COCO as pycocotools measures it: polygons on the pixel grid, everything else as uncompressed RLE (column-major
 * runs over the whole image, background first), area and bbox of the pixels covered.
 */
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

	@Test
	void anOutlineOnThePixelGridInsideTheImageIsAPolygonWithItsPixelCountAsArea() throws Exception {
		final Geometry g = new WKTReader().read("POLYGON ((10 5, 30 5, 30 15, 20 15, 20 25, 10 25, 10 5))");
		final JsonNode a = write(g, 50, 40).get("annotations").get(0);
		assertTrue(a.get("segmentation").isArray(), a.toString());
		assertEquals("[10,5,30,5,30,15,20,15,20,25,10,25]", a.get("segmentation").get(0).toString());
		assertEquals(300, a.get("area").asLong());
		assertTrue(a.get("area").isIntegralNumber(), "a pixel count");
		assertEquals("[10,5,20,20]", a.get("bbox").toString());
	}

	@Test
	void anOutlineOffTheGridIsTheRleOfTheMaskGivenWithItsAreaAndBox() throws Exception {
		final Geometry g = new WKTReader().read("POLYGON ((1.5 1.5, 4.2 1.5, 2.5 4.7, 1.5 1.5))");
		// the mask of a 3 x 3 box at (1, 1): an L of 4 pixels
		final PixelMask mask = new PixelMask(1, 1, 3, 3, new byte[] { 1, 1, 1, 1, 0, 0, 0, 0, 0 });
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final CocoWriter coco = new CocoWriter(bytes, "image.tif", 6, 5);
		coco.write(Annotation.builder(g).plane(Plane.of(-1, 2, 1)).build(), mask);
		coco.close();
		final JsonNode a = new ObjectMapper().readTree(bytes.toByteArray()).get("annotations").get(0);
		// columns of 5 pixels: column 0 empty; column 1 rows 1 and 2; columns 2 and 3 row 1; 4 and 5 empty
		assertEquals("[6,2,3,1,4,1,13]", a.get("segmentation").get("counts").toString());
		assertEquals(4, a.get("area").asLong());
		assertEquals("[1,1,3,2]", a.get("bbox").toString());
		assertEquals("{\"c\":-1,\"z\":2,\"t\":1}", a.get("plane").toString());
		assertEquals(0, coco.approximate());
	}

	@Test
	void anOutlineOffTheGridWithoutAMaskIsAPolygonCountedAsApproximate() throws Exception {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final CocoWriter coco = new CocoWriter(bytes, "image.tif", 50, 40);
		coco.write(Annotation.builder(new WKTReader().read("POLYGON ((1.5 1.5, 20 1.5, 10 30, 1.5 1.5))")).build());
		coco.close();
		assertEquals(1, coco.approximate());
		assertEquals(1, coco.written());
		assertTrue(new ObjectMapper().readTree(bytes.toByteArray()).get("annotations").get(0).get("segmentation").isArray());
	}

	@Test
	void areasOutsideTheImageLinesAndPointsAreNotWritten() throws Exception {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final CocoWriter coco = new CocoWriter(bytes, "image.tif", 50, 40);
		coco.write(Annotation.builder(new WKTReader().read("POLYGON ((60 5, 70 5, 70 15, 60 15, 60 5))")).build());
		coco.write(Annotation.builder(new WKTReader().read("LINESTRING (1 1, 5 5)")).build());
		coco.write(Annotation.builder(new WKTReader().read("POINT (1 1)")).build());
		coco.close();
		assertEquals(0, coco.written());
		assertEquals(1, coco.empty());
		assertEquals(2, coco.skipped());
		final JsonNode json = new ObjectMapper().readTree(bytes.toByteArray());
		assertEquals(0, json.get("annotations").size());
		assertEquals(0, json.get("categories").size());
	}

	@Test
	void thePixelGridIsWholeNumbersAndStraightEdges() throws Exception {
		final WKTReader wkt = new WKTReader();
		assertTrue(CocoWriter.isOnPixelGrid(wkt.read("POLYGON ((0 0, 3 0, 3 2, 0 2, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))")));
		assertFalse(CocoWriter.isOnPixelGrid(wkt.read("POLYGON ((0 0, 3 0, 0 2, 0 0))")), "a slanted edge");
		assertFalse(CocoWriter.isOnPixelGrid(wkt.read("POLYGON ((0 0, 3.5 0, 3.5 2, 0 2, 0 0))")), "half a pixel");
	}

	private static JsonNode write(final Geometry g, final int w, final int h) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (CocoWriter coco = new CocoWriter(bytes, "image.tif", w, h)) {
			coco.write(Annotation.builder(g).name("cell").build());
		}
		return new ObjectMapper().readTree(bytes.toByteArray());
	}
}
