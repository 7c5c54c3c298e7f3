package io.github.biaannotations.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bia-annotations} command line: one subcommand per job, each a thin layer over the core.
 * Errors of the core are reported as one line on standard error with a non-zero exit code.
 */
@Command(name = "bia-annotations", mixinStandardHelpOptions = true, versionProvider = Version.class,
	description = "Turns Fiji annotations into AI-ready datasets for the BioImage Archive.",
	subcommands = { ExportCommand.class, ImportCommand.class, ValidateCommand.class, PushCommand.class,
		SubmissionsCommand.class, ServeCommand.class, BatchCommand.class, RunCommand.class, DemoCommand.class,
		MetadataCommand.class, CommandLine.HelpCommand.class })
public final class Main {

	public static void main(final String... args) {
		System.exit(run(args));
	}

	/** Runs the command line and returns its exit code; used by {@link #main} and by tests. */
	public static int run(final String... args) {
		return newCommandLine().execute(args);
	}

	public static CommandLine newCommandLine() {
		final CommandLine cl = new CommandLine(new Main());
		cl.setExecutionExceptionHandler(new ErrorReporter());
		return cl;
	}
}
