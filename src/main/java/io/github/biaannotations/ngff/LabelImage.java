package io.github.biaannotations.ngff;

import io.github.biaannotations.model.Rgb;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * One label image to export: a name (its folder under {@code labels/}), the single-channel integer
 * {@link Hyperstack} holding it, what the caller knows about its label values, and optionally the colours
 * of its lookup table. Colours come from {@link LabelInfo#colour()}, else the LUT, else a distinct palette.
 */
public final class LabelImage {

	private final String name;
	private final Hyperstack data;
	private final Map<Long, LabelInfo> info;
	private final LongFunction<Rgb> lutColours;

	/**
	 * @param info label value to name/class/colour; may be empty
	 * @param lutColours colour of a label value from the image's LUT, or {@code null} when it has none
	 */
	public LabelImage(final String name, final Hyperstack data, final Map<Long, LabelInfo> info,
		final LongFunction<Rgb> lutColours)
	{
		if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith("."))
			throw new IllegalArgumentException("label image name \"" + name +
				"\" must be a plain folder name (no slashes, not starting with a dot)");
		if (data.sizeC() != 1) throw new IllegalArgumentException("label image \"" + name + "\" has " + data
			.sizeC() + " channels: split it into one label image per channel first");
		if (data.dataType().isFloatingPoint()) throw new IllegalArgumentException("label image \"" + name +
			"\" has floating-point data: labels must be integers");
		this.name = name;
		this.data = data;
		this.info = Collections.unmodifiableMap(new TreeMap<>(info));
		this.lutColours = lutColours;
	}

	public String name() {
		return name;
	}

	public Hyperstack data() {
		return data;
	}

	public Map<Long, LabelInfo> info() {
		return info;
	}

	/** The LUT colour function, or {@code null}. */
	public LongFunction<Rgb> lutColours() {
		return lutColours;
	}
}
