package io.github.biaannotations.fiji.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.scijava.Priority;
import org.scijava.plugin.Plugin;

import io.github.biaannotations.archive.server.LocalArchiveServer;

/**
 * Local Archive Server... starts the {@code archive.server} module's local archive on this machine's loopback
 * address, with its state in {@code ~/.bia-annotations/local-archive} (or the folder named by the system
 * property {@value #STORE_PROPERTY}) and 30 workshop accounts
 * ({@code workshop1@example.org} ... {@code workshop30@example.org}) sharing one password made up at each start,
 * shown to the instructor in the command's result and never logged.
 */
@Plugin(type = LocalArchiveLauncher.class, priority = Priority.LOW)
public final class DefaultLocalArchiveLauncher implements LocalArchiveLauncher {

	static final int ACCOUNTS = 30;
	/** System property naming another folder for the local archive's state. */
	public static final String STORE_PROPERTY = "bia.localArchive.store";

	@Override
	public Running start(final int port) throws IOException {
		final String where = System.getProperty(STORE_PROPERTY);
		final Path store = Files.createDirectories(where != null ? Paths.get(where)
			: Paths.get(System.getProperty("user.home"), ".bia-annotations", "local-archive"));
		final String password = "ws-" + Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6);
		final LocalArchiveServer.Options options = new LocalArchiveServer.Options().port(port).store(store);
		final List<String> accounts = new ArrayList<>();
		for (int i = 1; i <= ACCOUNTS; i++) {
			options.user("workshop" + i + "@example.org", password.toCharArray());
			if (i == 1 || i == ACCOUNTS) accounts.add("workshop" + i + "@example.org");
		}
		final LocalArchiveServer server = LocalArchiveServer.start(options);
		final List<String> shown = List.of(accounts.get(0) + " ... " + accounts.get(1));
		return new Running() {

			@Override
			public String url() {
				return server.baseUri().toString();
			}

			@Override
			public List<String> demoAccounts() {
				return shown;
			}

			@Override
			public String password() {
				return password;
			}

			@Override
			public void close() {
				server.close();
			}
		};
	}
}
