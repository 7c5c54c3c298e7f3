package io.github.biaannotations.submission;

/** One finding of {@link PackageValidator}: an error makes the package unfit to submit, a warning does not. */
public final class PackageProblem {

	public enum Severity {
		ERROR, WARNING
	}

	private final Severity severity;
	private final String where;
	private final String message;

	public PackageProblem(final Severity severity, final String where, final String message) {
		this.severity = severity;
		this.where = where;
		this.message = message;
	}

	public static PackageProblem error(final String where, final String message) {
		return new PackageProblem(Severity.ERROR, where, message);
	}

	public static PackageProblem warning(final String where, final String message) {
		return new PackageProblem(Severity.WARNING, where, message);
	}

	public Severity severity() { return severity; }
	public boolean isError() { return severity == Severity.ERROR; }
	/** The file (package-relative) or field at fault. */
	public String where() { return where; }
	public String message() { return message; }

	@Override
	public String toString() {
		return severity + " " + where + ": " + message;
	}
}
