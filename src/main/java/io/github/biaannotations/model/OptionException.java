package io.github.biaannotations.model;

/** An option given a value it does not take, or options that do not go together; {@link #field()} names it. */
public class OptionException extends InputException {

	private static final long serialVersionUID = 1L;

	/** @param option the option as the user gave it: {@code --release-date}, {@code release_date} */
	public OptionException(final String option, final String message) {
		super(message, null, null, option, null);
	}

	public OptionException(final String option, final String message, final Throwable cause) {
		super(message, null, null, option, cause);
	}
}
