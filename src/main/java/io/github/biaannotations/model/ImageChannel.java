package io.github.biaannotations.model;

/** Display settings of one image channel, written as OME-NGFF {@code omero} metadata and into OME-XML. */
public final class ImageChannel {

	private final String name;
	private final Rgb colour;
	private final double displayMin;
	private final double displayMax;
	private final double typeMin;
	private final double typeMax;

	/**
	 * @param displayMin start of the display window (ImageJ's display range)
	 * @param typeMin smallest value of the pixel type (or of the data), for {@code window.min}
	 */
	public ImageChannel(final String name, final Rgb colour, final double displayMin,
		final double displayMax, final double typeMin, final double typeMax)
	{
		this.name = name;
		this.colour = colour;
		this.displayMin = displayMin;
		this.displayMax = displayMax;
		this.typeMin = typeMin;
		this.typeMax = typeMax;
	}

	public String name() {
		return name;
	}

	public Rgb colour() {
		return colour;
	}

	public double displayMin() {
		return displayMin;
	}

	public double displayMax() {
		return displayMax;
	}

	public double typeMin() {
		return typeMin;
	}

	public double typeMax() {
		return typeMax;
	}
}
