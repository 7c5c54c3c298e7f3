package io.github.biaannotations.fiji.commands;

import java.io.IOException;
import java.util.List;

import org.scijava.plugin.SciJavaPlugin;

/**
 * Starts the local archive server (the archive API on loopback, for workshops and tests): what
 * {@code Local Archive Server...} runs. A SciJava plugin type provided by the archive server module.
 */
public interface LocalArchiveLauncher extends SciJavaPlugin {

	/** A running local archive; closing it stops the server. */
	interface Running extends AutoCloseable {

		/** The base URL of the submission API, e.g. {@code http://127.0.0.1:43121/biostudies/submissions/api}. */
		String url();

		/** The demo accounts as "login / password" lines to show on a workshop screen. */
		List<String> demoAccounts();

		@Override
		void close() throws IOException;

		/** The demo accounts' shared password, shown to the instructor but never logged; null when there is none. */
		default String password() {
			return null;
		}
	}

	/** Starts a server on loopback; port 0 takes a free port. */
	Running start(int port) throws IOException;
}
