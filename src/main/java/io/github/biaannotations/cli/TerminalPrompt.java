package io.github.biaannotations.cli;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The user's terminal, for a password read without echo and for a yes or no, also when standard output or input
 * is redirected ({@code push ... | tee log}): on Unix it is {@code /dev/tty}, the terminal the command runs in,
 * with echo switched off by {@code stty} while a password is typed; elsewhere Java's console. None when the
 * command runs without a terminal (scripts, CI): then nothing can be asked.
 */
abstract class TerminalPrompt {

	private static final File TTY = new File("/dev/tty");

	/** The line typed after {@code prompt}, without echo; null at end of input. */
	abstract char[] readPassword(String prompt) throws IOException;

	/** The line typed after {@code prompt}; null at end of input. */
	abstract String readLine(String prompt) throws IOException;

	/** Writes a line to the terminal. */
	abstract void println(String line) throws IOException;

	/** The terminal this command runs in, or null when it has none. */
	static TerminalPrompt open() {
		if (TTY.exists() && opens()) return new Tty();
		final java.io.Console c = System.console();
		return c == null ? null : new JavaConsole(c);
	}

	/** Whether the controlling terminal can be opened (it cannot when the process has none). */
	private static boolean opens() {
		try (FileInputStream in = new FileInputStream(TTY); FileOutputStream out = new FileOutputStream(TTY)) {
			return true;
		}
		catch (final IOException | SecurityException e) {
			return false;
		}
	}

	/** {@code /dev/tty}, echo switched off with {@code stty} for passwords. */
	private static final class Tty extends TerminalPrompt {

		@Override
		char[] readPassword(final String prompt) throws IOException {
			if (!stty("-echo")) throw new IOException("cannot switch off the terminal's echo (stty -echo) to read the " +
				"password; set BIA_PASSWORD instead");
			// Ctrl-C while the password is typed must not leave the terminal without echo
			final Thread restore = new Thread(() -> stty("echo"));
			Runtime.getRuntime().addShutdownHook(restore);
			try {
				write(prompt);
				return read();
			}
			finally {
				stty("echo");
				write("\n");
				try {
					Runtime.getRuntime().removeShutdownHook(restore);
				}
				catch (final IllegalStateException e) {
					// shutting down: the hook runs
				}
			}
		}

		@Override
		String readLine(final String prompt) throws IOException {
			write(prompt);
			final char[] line = read();
			return line == null ? null : new String(line);
		}

		@Override
		void println(final String line) throws IOException {
			write(line + "\n");
		}

		private static void write(final String text) throws IOException {
			try (Writer w = new OutputStreamWriter(new FileOutputStream(TTY), Charset.defaultCharset())) {
				w.write(text);
			}
		}

		/** One line, read character by character so that nothing after it is buffered away. */
		private static char[] read() throws IOException {
			char[] buf = new char[64];
			int n = 0;
			try (Reader r = new InputStreamReader(new FileInputStream(TTY), Charset.defaultCharset())) {
				int c;
				while ((c = r.read()) >= 0 && c != '\n') {
					if (c == '\r') continue;
					if (n == buf.length) {
						final char[] bigger = Arrays.copyOf(buf, 2 * n);
						Arrays.fill(buf, '\0');
						buf = bigger;
					}
					buf[n++] = (char) c;
				}
				if (c < 0 && n == 0) return null;
			}
			final char[] line = Arrays.copyOf(buf, n);
			Arrays.fill(buf, '\0');
			return line;
		}

		private static boolean stty(final String setting) {
			try {
				final Process p = new ProcessBuilder("stty", setting).redirectInput(TTY).redirectOutput(
					ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
				return p.waitFor() == 0;
			}
			catch (final IOException e) {
				return false;
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	/** Java's console, where there is no {@code /dev/tty} (Windows). */
	private static final class JavaConsole extends TerminalPrompt {

		private final java.io.Console console;

		JavaConsole(final java.io.Console console) {
			this.console = console;
		}

		@Override
		char[] readPassword(final String prompt) {
			return console.readPassword("%s", prompt);
		}

		@Override
		String readLine(final String prompt) {
			return console.readLine("%s", prompt);
		}

		@Override
		void println(final String line) {
			console.printf("%s%n", line);
		}
	}
}
