package io.github.biaannotations.metadata;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Metadata that cannot be read or written: carries the file and, when known, the field and line at fault,
 * and says in its message how to fix it.
 */
public class MetadataException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final String field;
	private final int line;

	public MetadataException(final Path file, final String field, final int line, final String message,
		final Throwable cause)
	{
		super(compose(file, field, line, message), cause);
		this.file = file;
		this.field = field;
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

	/** The file at fault, or null when the metadata did not come from a file. */
	public Path file() { return file; }

	/** The field at fault, e.g. {@code authors[2].orcid_id}, or null. */
	public String field() { return field; }

	/** The 1-based line at fault, or 0 when unknown. */
	public int line() { return line; }
}
