package io.github.biaannotations.metadata;

import java.nio.file.Path;

import io.github.biaannotations.model.InputException;

/**
 * Metadata that cannot be read or used: carries the file and, when known, the field and line at fault, and
 * says in its message how to fix it. An {@link InputException} like every bad input of the core.
 */
public class MetadataException extends InputException {

	private static final long serialVersionUID = 1L;

	private final int line;

	public MetadataException(final Path file, final String field, final int line, final String message,
		final Throwable cause)
	{
		super(compose(file, field, line, message), file, null, field, cause);
		this.line = line;
	}

	public MetadataException(final Path file, final String field, final int line, final String message) {
		this(file, field, line, message, null);
	}

	private static String compose(final Path file, final String field, final int line, final String message) {
		final StringBuilder sb = new StringBuilder();
		if (file != null) sb.append(file);
		if (line > 0) sb.append(file != null ? ":" : "line ").append(line);
		if (field != null) sb.append(sb.length() > 0 ? ": " : "").append(field);
		if (sb.length() > 0) sb.append(": ");
		return sb.append(message).toString();
	}

	/** The 1-based line at fault, or 0 when unknown. */
	public int line() { return line; }
}
