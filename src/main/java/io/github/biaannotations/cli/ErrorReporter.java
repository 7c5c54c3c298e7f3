package io.github.biaannotations.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from the core into one line on standard error naming what is at fault, and exit
 * code 1. The stack trace is printed only when {@code BIA_DEBUG} is set.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(final Exception ex, final CommandLine cl, final ParseResult parsed) {
		final String message = describe(ex);
		cl.getErr().println("error: " + message);
		if (System.getenv("BIA_DEBUG") != null) ex.printStackTrace(cl.getErr());
		return 1;
	}

	/** One line for people: file-system errors name the file and the reason. */
	static String describe(final Throwable ex) {
		if (ex instanceof java.nio.file.NoSuchFileException)
			return ((java.nio.file.NoSuchFileException) ex).getFile() + ": no such file";
		if (ex instanceof java.nio.file.FileSystemException) {
			final java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) ex;
			return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
		}
		final String m = ex.getMessage();
		return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
	}
}
