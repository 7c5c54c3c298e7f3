package io.github.biaannotations.cli;

import java.io.PrintWriter;

import io.github.biaannotations.model.Progress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Output of a command: results to standard output, warnings and progress to standard error. Warnings beyond
 * the first {@value #MAX_WARNINGS} are counted, not printed, unless --verbose is given.
 */
final class Console {

	static final int MAX_WARNINGS = 50;

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--verbose", description = "Print every warning.")
	boolean verbose;

	@Option(names = "--quiet", description = "No progress output.")
	boolean quiet;

	private long warnings;
	private boolean progressShown;

	void out(final String line) {
		spec.commandLine().getOut().println(line);
		spec.commandLine().getOut().flush();
	}

	void warn(final String message) {
		warnings++;
		if (verbose || warnings <= MAX_WARNINGS) {
			endProgress();
			err().println("warning: " + message);
		}
	}

	/** Says how many warnings were not printed. */
	void flushWarnings() {
		if (!verbose && warnings > MAX_WARNINGS)
			err().println("warning: ... and " + (warnings - MAX_WARNINGS) + " more warnings (--verbose shows all)");
		err().flush();
	}

	/** A progress line on standard error, rewritten in place when it is a terminal. */
	Progress progress() {
		if (quiet || System.console() == null) return Progress.NONE;
		return (stage, done, total) -> {
			progressShown = true;
			err().print("\r" + stage + ": " + done + (total > 0 ? " / " + total : "") + "   ");
			err().flush();
		};
	}

	void endProgress() {
		if (progressShown) {
			err().println();
			progressShown = false;
		}
	}

	private PrintWriter err() {
		return spec.commandLine().getErr();
	}
}
