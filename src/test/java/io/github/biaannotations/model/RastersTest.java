package io.github.biaannotations.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;

/** Rasters read and made plane by plane: planes handed back as they are, got only when visited. */
class RastersTest {

	@Test
	void aPlanarRasterHandsBackItsOwnPlanesAndGetsThemOnlyWhenVisited() {
		final List<Integer> got = new ArrayList<>();
		final short[][] planes = { { 1, 2, 3, 4, 5, 6 }, { 7, 8, 9, 10, 11, 12 } };
		final RandomAccessibleInterval<? extends RealType<?>> r = Rasters.planar(new long[] { 3, 2, 1, 2 },
			PixelType.UINT16, i -> {
				got.add(i);
				return planes[i];
			});
		assertEquals(PixelType.UINT16, Rasters.pixelType(r));
		assertEquals(List.of(), got, "nothing read before a plane is visited");
		assertSame(planes[1], Rasters.plane(r, 0, 1), "the plane itself, not a copy");
		assertEquals(List.of(1), got);
		assertEquals(9, r.getAt(2, 0, 0, 1).getRealDouble(), "imglib2's own access reads the same pixels");
	}

	@Test
	void anyOtherRasterIsCopiedAPlaneAtATime() {
		final ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(new short[] { 1, 2, 3, 4, 5, 6,
			7, 8 }, 2, 2, 2);
		assertArrayEquals(new short[] { 5, 6, 7, 8 }, (short[]) Rasters.plane(img, 1));
		final ArrayImg<UnsignedShortType, ShortArray> flat = ArrayImgs.unsignedShorts(new short[] { 1, 2, 3, 4 }, 2, 2);
		assertSame(flat.update(null).getCurrentStorageArray(), Rasters.plane(flat), "a 2D array image is its plane");
		assertArrayEquals(new double[] { 0.5, 1.5 }, (double[]) Rasters.plane(ArrayImgs.doubles(new double[] { 0.5,
			1.5 }, 2, 1)));
		assertThrows(IllegalArgumentException.class, () -> Rasters.plane(img));
	}

	@Test
	void aLabelImageFromAScriptTakesItsAxesAsGiven() {
		// x, y, t as a tracking tool gives them: two frames of 2 x 2
		final LabelImage l = LabelImage.of("tracks", ArrayImgs.unsignedShorts(new short[] { 1, 0, 0, 2, 3, 3, 0, 0 },
			2, 2, 2), "xyt", null);
		assertEquals(1, l.sizeZ());
		assertEquals(2, l.sizeT());
		assertArrayEquals(new short[] { 3, 3, 0, 0 }, (short[]) l.plane(0, 1));
		assertEquals(4, LabelImage.of("z", ArrayImgs.unsignedBytes(8, 1, 4), "XYZ", Calibration.of(1, 1, 2,
			"micron")).sizeZ());
		final IllegalArgumentException axes = assertThrows(IllegalArgumentException.class, () -> LabelImage.of("bad",
			ArrayImgs.unsignedShorts(2, 2, 2), "xy", null));
		assertTrue(axes.getMessage().contains("label image \"bad\": axes 'xy' for a raster of 3 dimensions"), axes
			.getMessage());
		final IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> new LabelImage("d",
			Rasters.planar(new long[] { 1, 1, 1, 1 }, PixelType.FLOAT64, i -> new double[1]), null, Map.of(), null));
		assertTrue(type.getMessage().contains("float64 data: labels must be integers"), type.getMessage());
		assertThrows(IllegalArgumentException.class, () -> PixelType.of(new DoubleType().createVariable()
			.getClass()));
	}

	@Test
	void aPixelSizeIsDescribedInTheArchivesUnits() {
		assertEquals("0.65 x 0.65 micrometer", Calibration.of(0.65, 0.65, 2, "micron").describe(false));
		assertEquals("0.65 x 0.65 x 2 micrometer", Calibration.of(0.65, 0.65, 2, "µm").describe(true));
		assertEquals(null, Calibration.NONE.describe(true), "uncalibrated: no pixel size");
	}
}
