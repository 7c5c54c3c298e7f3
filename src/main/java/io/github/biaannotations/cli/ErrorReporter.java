package io.github.biaannotations.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import io.github.biaannotations.model.Errors;

/**
 * Turns an exception from the core into one line on standard error naming what is at fault, and exit
 * code 1. The stack trace is printed only when {@code BIA_DEBUG} is set.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(final Exception ex, final CommandLine cl, final ParseResult parsed) {
		final String message = Errors.oneLine(ex);
		cl.getErr().println("error: " + message);
		if (System.getenv("BIA_DEBUG") != null) ex.printStackTrace(cl.getErr());
		return 1;
	}
}
