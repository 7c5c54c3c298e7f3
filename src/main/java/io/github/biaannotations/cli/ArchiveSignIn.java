package io.github.biaannotations.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.biaannotations.archive.ArchiveClient;
import io.github.biaannotations.archive.ArchiveException;
import io.github.biaannotations.archive.PushListener;
import io.github.biaannotations.archive.RetryPolicy;

/**
 * Signs in to the archive for {@code push} and {@code submissions}. The password comes from the environment
 * variable {@code BIA_PASSWORD} (one try: a script gains nothing from retrying it), else from the terminal without
 * echo, also when standard output is piped ({@code push ... | tee log}), with {@value #TRIES} tries; never from an
 * argument. It is cleared from memory after use.
 */
final class ArchiveSignIn {

	static final String PASSWORD_VARIABLE = "BIA_PASSWORD";
	/** How often a password typed at the terminal may be refused before the command gives up. */
	static final int TRIES = 3;

	/** Where the password variable is read; tests replace it. */
	static Function<String, String> environment = System::getenv;
	/** The terminal, when there is one; tests replace it. */
	static Supplier<TerminalPrompt> terminal = TerminalPrompt::open;

	private final String archive;
	private final String user;
	private TerminalPrompt prompt;
	private boolean promptOpened;

	ArchiveSignIn(final String archive, final String user) {
		this.archive = archive;
		this.user = user;
	}

	/** The terminal of this command, opened once; null when there is none. */
	TerminalPrompt terminal() {
		if (!promptOpened) {
			prompt = terminal.get();
			promptOpened = true;
		}
		return prompt;
	}

	/**
	 * A client signed in as the user.
	 *
	 * @throws IllegalArgumentException when no password can be had
	 * @throws ArchiveException AUTHENTICATION when the password is refused (after the last try at the terminal)
	 */
	ArchiveClient client(final PushListener listener) throws IOException {
		final String env = environment.apply(PASSWORD_VARIABLE);
		if (env != null && !env.isEmpty()) return signedIn(env.toCharArray(), listener);
		final TerminalPrompt t = terminal();
		if (t == null) throw new IllegalArgumentException("No password: set the environment variable " +
			PASSWORD_VARIABLE + ", or run the command in a terminal to be asked for it");
		for (int attempt = 1;; attempt++) {
			final char[] pw = t.readPassword("Password for " + user + " at " + archive + ": ");
			if (pw == null || pw.length == 0) throw new IllegalArgumentException("No password given");
			try {
				return signedIn(pw, listener);
			}
			catch (final ArchiveException e) {
				if (e.kind() != ArchiveException.Kind.AUTHENTICATION || attempt >= TRIES) throw e;
				t.println((e.serverMessage() != null ? e.serverMessage() : "The password was refused.") + " Try again (" +
					(TRIES - attempt) + (TRIES - attempt == 1 ? " try" : " tries") + " left).");
			}
		}
	}

	private ArchiveClient signedIn(final char[] password, final PushListener listener) throws ArchiveException {
		try {
			final ArchiveClient client = new ArchiveClient(archive, user, password, RetryPolicy.DEFAULT, listener, null);
			client.signIn();
			return client;
		}
		finally {
			Arrays.fill(password, '\0'); // the client keeps its own copy until it signs out
		}
	}
}
