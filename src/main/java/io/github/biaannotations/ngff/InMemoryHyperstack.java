package io.github.biaannotations.ngff;

import io.github.biaannotations.zarr.DataType;
import io.github.biaannotations.zarr.Planes;

/** A {@link Hyperstack} over planes held in memory, indexed t-major then c then z. */
public final class InMemoryHyperstack implements Hyperstack {

	private final int sizeT, sizeC, sizeZ, sizeY, sizeX;
	private final DataType type;
	private final Object[] planes;
	private final PhysicalCalibration calibration;

	/** @param planes {@code sizeT * sizeC * sizeZ} primitive planes, index {@code (t * sizeC + c) * sizeZ + z} */
	public InMemoryHyperstack(final int sizeT, final int sizeC, final int sizeZ, final int sizeY,
		final int sizeX, final DataType type, final Object[] planes, final PhysicalCalibration calibration)
	{
		if (planes.length != sizeT * sizeC * sizeZ) throw new IllegalArgumentException("need " + sizeT * sizeC *
			sizeZ + " planes, got " + planes.length);
		for (final Object p : planes)
			if (Planes.length(p) != sizeY * sizeX || Planes.elementBytes(p) != type.bytes())
				throw new IllegalArgumentException("plane does not hold " + sizeY + "x" + sizeX + " " + type
					.v3Name() + " values");
		this.sizeT = sizeT;
		this.sizeC = sizeC;
		this.sizeZ = sizeZ;
		this.sizeY = sizeY;
		this.sizeX = sizeX;
		this.type = type;
		this.planes = planes.clone();
		this.calibration = calibration;
	}

	@Override
	public int sizeT() {
		return sizeT;
	}

	@Override
	public int sizeC() {
		return sizeC;
	}

	@Override
	public int sizeZ() {
		return sizeZ;
	}

	@Override
	public int sizeY() {
		return sizeY;
	}

	@Override
	public int sizeX() {
		return sizeX;
	}

	@Override
	public DataType dataType() {
		return type;
	}

	@Override
	public Object plane(final int t, final int c, final int z) {
		return planes[(t * sizeC + c) * sizeZ + z];
	}

	@Override
	public PhysicalCalibration calibration() {
		return calibration;
	}
}
