package io.github.biaannotations.ngff;

import io.github.biaannotations.zarr.DataType;

/**
 * A 5D image (t, c, z, y, x) that the exporter reads one 2D plane at a time, so that nothing bigger than a
 * few planes is ever copied. Implemented over an ImagePlus by the {@code imagej} adapters, and over plain
 * arrays in tests.
 */
public interface Hyperstack {

	int sizeT();

	int sizeC();

	int sizeZ();

	int sizeY();

	int sizeX();

	/** The element type of every plane. */
	DataType dataType();

	/**
	 * The plane at (t, c, z), 0-based, as a row-major primitive array of {@code sizeX * sizeY} elements:
	 * {@code byte[]} for 8-bit, {@code short[]} for 16-bit, {@code int[]} for 32-bit integer types and
	 * {@code float[]} for float32. A uint32 label image may also give {@code float[]} planes of whole values
	 * up to 2^24 (ImageJ's 32-bit label images), converted while written. Callers never modify it.
	 */
	Object plane(int t, int c, int z);

	PhysicalCalibration calibration();
}
