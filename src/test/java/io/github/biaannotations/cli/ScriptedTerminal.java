package io.github.biaannotations.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal whose user types the given lines in turn; it keeps every prompt and line it was shown. */
final class ScriptedTerminal extends TerminalPrompt {

	private final Deque<String> typed = new ArrayDeque<>();
	final List<String> shown = new ArrayList<>();
	int passwordsRead;

	ScriptedTerminal(final String... lines) {
		for (final String l : lines) {
			typed.add(l);
		}
	}

	@Override
	char[] readPassword(final String prompt) {
		shown.add(prompt);
		passwordsRead++;
		final String l = typed.poll();
		return l == null ? null : l.toCharArray();
	}

	@Override
	String readLine(final String prompt) {
		shown.add(prompt);
		return typed.poll();
	}

	@Override
	void println(final String line) {
		shown.add(line);
	}
}
