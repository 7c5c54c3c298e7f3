package io.github.biaannotations.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import io.github.biaannotations.model.PixelType;
import io.github.biaannotations.model.Rasters;

/** ImageJ stacks as imglib2 rasters, plane by plane, without copying. */
class ImagePlusRastersTest {

	@Test
	void aStackIsWrappedPlaneByPlaneWithoutCopying() {
		final ImagePlus imp = IJ.createHyperStack("h", 5, 4, 2, 3, 2, 16);
		final RandomAccessibleInterval<? extends RealType<?>> c1 = ImagePlusRasters.channel(imp, 1);
		assertEquals(PixelType.UINT16, Rasters.pixelType(c1));
		assertEquals(3, c1.dimension(2));
		assertSame(imp.getStack().getPixels(imp.getStackIndex(2, 3, 2)), Rasters.plane(c1, 2, 1));
		final RandomAccessibleInterval<? extends RealType<?>> all = ImagePlusRasters.hyperstack(imp);
		assertSame(imp.getStack().getPixels(imp.getStackIndex(2, 1, 2)), Rasters.plane(all, 1, 0, 1));
		((short[]) imp.getStack().getPixels(imp.getStackIndex(1, 2, 1)))[6] = 77;
		assertEquals(77, all.getAt(1, 1, 0, 1, 0).getRealDouble(), "x=1, y=1 of c1 z2 t1");
	}

	@Test
	void aVirtualStackIsReadOnlyWhereVisited() {
		final List<Integer> read = new ArrayList<>();
		final ImageStack stack = new VirtualStack(4, 4, null, null) {

			@Override
			public ImageProcessor getProcessor(final int n) {
				read.add(n);
				final ShortProcessor ip = new ShortProcessor(4, 4);
				ip.set(n);
				return ip;
			}

			@Override
			public int getSize() {
				return 100;
			}

			@Override
			public int getBitDepth() {
				return 16;
			}
		};
		final ImagePlus imp = new ImagePlus("virtual", stack);
		read.clear(); // ImageJ shows the first plane of a new image
		final RandomAccessibleInterval<? extends RealType<?>> r = ImagePlusRasters.channel(imp, 0);
		assertEquals(100, r.dimension(2));
		assertEquals(List.of(), read);
		assertEquals(42, ((short[]) Rasters.plane(r, 41, 0))[0]);
		assertEquals(List.of(42), read, "one plane of a hundred read");
	}
}
