package io.github.biaannotations.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed. */
final class CliRun {

	final int exit;
	final String out;
	final String err;

	private CliRun(final int exit, final String out, final String err) {
		this.exit = exit;
		this.out = out;
		this.err = err;
	}

	static CliRun run(final Object... args) {
		final String[] a = new String[args.length];
		for (int i = 0; i < args.length; i++)
			a[i] = String.valueOf(args[i]);
		final StringWriter out = new StringWriter(), err = new StringWriter();
		final CommandLine cl = Main.newCommandLine();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		final int exit = cl.execute(a);
		return new CliRun(exit, out.toString(), err.toString());
	}

	@Override
	public String toString() {
		return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
	}
}
