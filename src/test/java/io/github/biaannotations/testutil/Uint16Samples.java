package io.github.biaannotations.testutil;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/** Looks at little-endian uint16 arrays as Zarr chunks hold them. */
public final class Uint16Samples {

	private Uint16Samples() {}

	/** The distinct values of a little-endian uint16 array. */
	public static Set<Integer> values(final byte[] uint16) {
		final Set<Integer> s = new HashSet<>();
		final ByteBuffer b = ByteBuffer.wrap(uint16).order(ByteOrder.LITTLE_ENDIAN);
		while (b.hasRemaining())
			s.add(b.getShort() & 0xffff);
		return s;
	}
}
