package io.github.biaannotations.export;

/**
 * How a front end names the export options, so that a message about a bad value names the option as the user
 * typed it: {@code --release-date} on the command line, {@code release_date} in a Fiji macro line.
 */
public enum OptionSyntax {
	/** The command line's {@code --long-name}. */
	CLI,
	/** Fiji's macro keys, as the recorder writes them: {@code long_name}. */
	MACRO;

	/** The option {@code name} (in the command line's form without dashes, e.g. {@code release-date}) as users see it. */
	public String of(final String name) {
		return this == CLI ? "--" + name : name.replace('-', '_');
	}
}
