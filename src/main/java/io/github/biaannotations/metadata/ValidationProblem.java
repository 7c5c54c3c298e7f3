package io.github.biaannotations.metadata;

import java.util.Objects;

/**
 * One thing wrong with the metadata: where ({@link #part()}, e.g. {@code Study}, and {@link #field()}, e.g.
 * {@code authors[2].orcid_id}, list positions counted from 0), what, and how to fix it, in words a biologist
 * understands. Errors stop an export (unless it is a draft); warnings do not.
 */
public final class ValidationProblem {

	/** How serious a problem is. */
	public enum Severity {
		/** Required metadata missing or a value the archive refuses: the package cannot be submitted. */
		ERROR,
		/** Accepted by the archive but worth fixing (e.g. a field its JSON Schema lists as required). */
		WARNING
	}

	private final Severity severity;
	private final String part;
	private final String field;
	private final String message;

	public ValidationProblem(final Severity severity, final String part, final String field, final String message) {
		this.severity = Objects.requireNonNull(severity);
		this.part = Objects.requireNonNull(part);
		this.field = Objects.requireNonNull(field);
		this.message = Objects.requireNonNull(message);
	}

	public Severity severity() { return severity; }
	/** Which part of the metadata: {@code Study}, {@code Annotations}, {@code Version} or {@code Submission}. */
	public String part() { return part; }
	/** The field path in the part's YAML file, e.g. {@code authors[2].orcid_id}. */
	public String field() { return field; }
	/** What is wrong and how to fix it. */
	public String message() { return message; }
	public boolean isError() { return severity == Severity.ERROR; }

	/** {@code field: message}, the form dialogs show next to the field. */
	public String fieldMessage() {
		return field + ": " + message;
	}

	/** E.g. {@code ERROR Study authors[2].orcid_id: ...}. */
	@Override
	public String toString() {
		return severity + " " + part + " " + fieldMessage();
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof ValidationProblem)) return false;
		final ValidationProblem p = (ValidationProblem) o;
		return severity == p.severity && part.equals(p.part) && field.equals(p.field) && message.equals(p.message);
	}

	@Override
	public int hashCode() {
		return Objects.hash(severity, part, field, message);
	}
}
