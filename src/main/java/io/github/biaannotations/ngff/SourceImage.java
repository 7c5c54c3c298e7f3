package io.github.biaannotations.ngff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The intensity image labels belong to, with its name and per-channel display settings. */
public final class SourceImage {

	private final String name;
	private final Hyperstack data;
	private final List<ImageChannel> channels;

	/** @param channels one entry per channel of {@code data} */
	public SourceImage(final String name, final Hyperstack data, final List<ImageChannel> channels) {
		if (channels.size() != data.sizeC()) throw new IllegalArgumentException("image \"" + name + "\" has " +
			data.sizeC() + " channels but " + channels.size() + " channel settings");
		this.name = name;
		this.data = data;
		this.channels = Collections.unmodifiableList(new ArrayList<>(channels));
	}

	public String name() {
		return name;
	}

	public Hyperstack data() {
		return data;
	}

	public List<ImageChannel> channels() {
		return channels;
	}
}
