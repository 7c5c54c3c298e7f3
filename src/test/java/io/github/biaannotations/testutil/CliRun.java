package io.github.biaannotations.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.github.biaannotations.cli.Main;

import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed. */
public final class CliRun {

	public final int exit;
	public final String out;
	public final String err;

	private CliRun(final int exit, final String out, final String err) {
		this.exit = exit;
		this.out = out;
		this.err = err;
	}

	/** Runs {@code bia-annotations ARGS} in this JVM (each argument as its string form). */
	public static CliRun run(final Object... args) {
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

	/** As {@link #run}, failing the test with what was printed unless the command exits 0. */
	public static CliRun succeeds(final Object... args) {
		final CliRun r = run(args);
		assertEquals(0, r.exit, r::toString);
		return r;
	}

	@Override
	public String toString() {
		return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
	}
}
