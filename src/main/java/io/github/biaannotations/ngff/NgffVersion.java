package io.github.biaannotations.ngff;

import io.github.biaannotations.zarr.ZarrFormat;

/** The OME-NGFF versions we write: 0.5 on Zarr v3 (the default) and 0.4 on Zarr v2. */
public enum NgffVersion {
	V0_4("0.4", ZarrFormat.V2), V0_5("0.5", ZarrFormat.V3);

	private final String text;
	private final ZarrFormat zarrFormat;

	NgffVersion(final String text, final ZarrFormat zarrFormat) {
		this.text = text;
		this.zarrFormat = zarrFormat;
	}

	/** "0.4" or "0.5". */
	public String text() {
		return text;
	}

	public ZarrFormat zarrFormat() {
		return zarrFormat;
	}
}
