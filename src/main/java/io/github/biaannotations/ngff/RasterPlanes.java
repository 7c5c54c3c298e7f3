package io.github.biaannotations.ngff;

import io.github.biaannotations.model.Calibration;
import io.github.biaannotations.model.IntensityImage;
import io.github.biaannotations.model.LabelImage;
import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.zarr.DataType;

/**
 * A label or intensity raster as the OME-Zarr writer reads it: sizes in t, c, z, y, x, the Zarr data type, and
 * one 2D plane at a time at (t, c, z), straight from the model raster ({@link LabelImage#plane},
 * {@link IntensityImage#plane}: ImageJ's own arrays, never copied), so nothing bigger than a few planes is held.
 */
abstract class RasterPlanes {

	abstract int sizeT();

	abstract int sizeC();

	abstract int sizeZ();

	abstract int sizeY();

	abstract int sizeX();

	/** The element type of every plane as written. */
	abstract DataType dataType();

	/**
	 * The plane at (t, c, z), 0-based, row-major: {@code byte[]}, {@code short[]}, {@code int[]}, {@code long[]},
	 * {@code float[]} or {@code double[]}. A uint32 label image may give {@code float[]} planes of whole values up
	 * to 2^24 (ImageJ's 32-bit label images), converted while written. Never modified.
	 */
	abstract Object plane(int t, int c, int z);

	abstract Calibration calibration();

	/** The planes of a label image: one channel; 32-bit float labels are written as uint32. */
	static RasterPlanes of(final LabelImage l) {
		final DataType type = l.pixelType() == PixelType.FLOAT32 ? DataType.UINT32 : dataType(l.pixelType());
		final Calibration cal = l.calibration() == null ? Calibration.NONE : l.calibration();
		return new RasterPlanes() {

			@Override int sizeT() { return l.sizeT(); }
			@Override int sizeC() { return 1; }
			@Override int sizeZ() { return l.sizeZ(); }
			@Override int sizeY() { return l.sizeY(); }
			@Override int sizeX() { return l.sizeX(); }
			@Override DataType dataType() { return type; }
			@Override Object plane(final int t, final int c, final int z) { return l.plane(z, t); }
			@Override Calibration calibration() { return cal; }
		};
	}

	/** The planes of an intensity image. */
	static RasterPlanes of(final IntensityImage i) {
		final DataType type = dataType(i.pixelType());
		return new RasterPlanes() {

			@Override int sizeT() { return i.sizeT(); }
			@Override int sizeC() { return i.sizeC(); }
			@Override int sizeZ() { return i.sizeZ(); }
			@Override int sizeY() { return i.sizeY(); }
			@Override int sizeX() { return i.sizeX(); }
			@Override DataType dataType() { return type; }
			@Override Object plane(final int t, final int c, final int z) { return i.plane(c, z, t); }
			@Override Calibration calibration() { return i.calibration(); }
		};
	}

	/** The Zarr data type of a pixel type. */
	static DataType dataType(final PixelType p) {
		switch (p) {
			case UINT8: return DataType.UINT8;
			case INT8: return DataType.INT8;
			case UINT16: return DataType.UINT16;
			case INT16: return DataType.INT16;
			case UINT32: return DataType.UINT32;
			case INT32: return DataType.INT32;
			case UINT64: return DataType.UINT64;
			case INT64: return DataType.INT64;
			case FLOAT32: return DataType.FLOAT32;
			default: return DataType.FLOAT64;
		}
	}
}
