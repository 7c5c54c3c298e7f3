package io.github.biaannotations.imagej;

import ij.ImagePlus;

import io.github.biaannotations.ngff.Hyperstack;
import io.github.biaannotations.ngff.PhysicalCalibration;

/**
 * An ImagePlus seen as the OME-Zarr writer's {@link Hyperstack}: frames, slices, height and width and the
 * calibration are the image's; what a channel is, its data type and its planes are the subclass's. Planes
 * are read from the ImagePlus when asked for.
 */
abstract class ImagePlusHyperstack implements Hyperstack {

	protected final ImagePlus imp;
	private final PhysicalCalibration calibration;

	ImagePlusHyperstack(final ImagePlus imp) {
		this.imp = imp;
		this.calibration = LabelImages.calibrationOf(imp);
	}

	@Override
	public int sizeT() {
		return imp.getNFrames();
	}

	@Override
	public int sizeZ() {
		return imp.getNSlices();
	}

	@Override
	public int sizeY() {
		return imp.getHeight();
	}

	@Override
	public int sizeX() {
		return imp.getWidth();
	}

	@Override
	public PhysicalCalibration calibration() {
		return calibration;
	}
}
