package io.github.biaannotations.zarr;

/**
 * The element types this project writes and reads, with their Zarr v2 ({@code "<u2"}) and v3
 * ({@code "uint16"}) names. Data is always little-endian on disk.
 */
public enum DataType {
	UINT8("|u1", "uint8", 1, false), INT8("|i1", "int8", 1, false), UINT16("<u2", "uint16", 2, false),
	INT16("<i2", "int16", 2, false), UINT32("<u4", "uint32", 4, false), INT32("<i4", "int32", 4, false),
	UINT64("<u8", "uint64", 8, false), INT64("<i8", "int64", 8, false), FLOAT32("<f4", "float32", 4, true),
	FLOAT64("<f8", "float64", 8, true);

	private final String v2Name;
	private final String v3Name;
	private final int bytes;
	private final boolean floating;

	DataType(final String v2Name, final String v3Name, final int bytes, final boolean floating) {
		this.v2Name = v2Name;
		this.v3Name = v3Name;
		this.bytes = bytes;
		this.floating = floating;
	}

	public String v2Name() {
		return v2Name;
	}

	public String v3Name() {
		return v3Name;
	}

	/** Bytes per element. */
	public int bytes() {
		return bytes;
	}

	public boolean isFloatingPoint() {
		return floating;
	}

	/** Looks a type up by its v2 or v3 name; {@code null} when unknown ("&gt;u2" big-endian is unknown). */
	public static DataType fromName(final String name) {
		for (final DataType t : values())
			if (t.v2Name.equals(name) || t.v3Name.equals(name) || ("<" + t.v2Name.substring(1)).equals(name))
				return t;
		return null;
	}
}
