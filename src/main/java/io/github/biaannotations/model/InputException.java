package io.github.biaannotations.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Input the core cannot use, with where it is: the file, the ROI and the field (option, metadata field) at
 * fault, each when known. Its message says all of it in one line, for people, as the command line and Fiji
 * show it; the parts are there for code that reacts to them. Unchecked, as the bad input of a caller is
 * (failures to read or write stay {@code IOException}s). The kinds: {@link OptionException},
 * {@link RoiException}, {@link ImageException}; ROI files, GeoJSON and metadata have their own below these.
 */
public class InputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final String roi;
	private final String field;

	/**
	 * @param message the whole one-line message, naming what is at fault
	 * @param file the file at fault, or null
	 * @param roi the ROI or entry at fault ("RoiSet.zip: 0003-0042.roi", "ROI 7 'cell'"), or null
	 * @param field the option or field at fault ({@code --release-date}, {@code study.title}), or null
	 */
	public InputException(final String message, final Path file, final String roi, final String field,
		final Throwable cause)
	{
		super(message, cause);
		this.file = file;
		this.roi = roi;
		this.field = field;
	}

	public InputException(final String message) {
		this(message, null, null, null, null);
	}

	public Optional<Path> file() {
		return Optional.ofNullable(file);
	}

	public Optional<String> roi() {
		return Optional.ofNullable(roi);
	}

	public Optional<String> field() {
		return Optional.ofNullable(field);
	}
}
