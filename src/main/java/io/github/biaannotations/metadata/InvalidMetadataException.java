package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Metadata with errors where valid metadata is required (an export that is not a draft). Its message lists
 * every error with its field and fix; {@link #problems()} gives them one by one.
 */
public final class InvalidMetadataException extends MetadataException {

	private static final long serialVersionUID = 1L;

	private final List<ValidationProblem> problems;

	public InvalidMetadataException(final List<ValidationProblem> problems) {
		super(null, null, 0, message(problems));
		this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
	}

	private static String message(final List<ValidationProblem> problems) {
		final long errors = problems.stream().filter(ValidationProblem::isError).count();
		final StringBuilder sb = new StringBuilder("the metadata is not complete (" + errors +
			(errors == 1 ? " error" : " errors") + "; fix them, or export a draft):");
		for (final ValidationProblem p : problems)
			if (p.isError()) sb.append("\n  ").append(p.part()).append(' ').append(p.fieldMessage());
		return sb.toString();
	}

	/** The problems found, errors and warnings. */
	public List<ValidationProblem> problems() {
		return problems;
	}
}
