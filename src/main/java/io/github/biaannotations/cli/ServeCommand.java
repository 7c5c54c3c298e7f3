package io.github.biaannotations.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.github.biaannotations.archive.server.LocalArchiveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bia-annotations serve}: runs a local archive (the BioStudies submission API subset) until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
	description = { "Runs a local BioImage Archive submission server (same API as the real one) for workshops " +
		"and tests, with its state in a folder. Stop it with Ctrl-C; it resumes where it was when started again.",
		"It refuses what the real server refuses (see the README): a listed folder with a path inside it, a new " +
			"version while the last is processing, a changed release date or dropped DOI of a public study...",
		"An account is [ROLE ]LOGIN:PASSWORD. ROLE is one of: attach (the default: may submit to BioImages), " +
			"plain (may not attach to BioImages, as a real account without that permission), admin (administers " +
			"BioImages: may give an accession that was never persisted, change release dates, replace files of a " +
			"public study), superuser (may give any accession and change release dates)." })
final class ServeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; " +
		"0 picks a free one).")
	int port;

	@Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: " +
		"${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network, which needs --tls-keystore for clients " +
		"to connect from other machines).")
	String host;

	@Option(names = "--store", required = true, description = "Folder holding the archive's state (created when missing).")
	Path store;

	@Option(names = "--user", paramLabel = "[ROLE ]LOGIN:PASSWORD", description = "An account (repeatable), e.g. " +
		"alice:secret or 'plain bob:secret'. Passwords are kept in memory only, but a command line is visible to " +
		"other users of this machine: prefer --users.")
	List<String> users = new ArrayList<>();

	@Option(names = "--users", paramLabel = "FILE", description = "Accounts, one [ROLE ]LOGIN:PASSWORD per line " +
		"(lines starting with # are skipped).")
	Path usersFile;

	@Option(names = "--async-mode", description = "The real server's asyncMode (unknown in production; off by " +
		"default, as in its configuration): on, a submit is accepted before its files are checked, and a missing " +
		"file makes the request INVALID later; off, the submit itself is refused (400).")
	boolean asyncMode;

	@Option(names = "--prevent-file-deletion", negatable = true, defaultValue = "true", fallbackValue = "true",
		description = "The real server's preventFileDeletion (unknown in production; on by default): a new version " +
			"of a public study that replaces or removes files goes INVALID unless the account is an admin. " +
			"--no-prevent-file-deletion allows it.")
	boolean preventFileDeletion;

	@Option(names = "--ftp-user-folders", description = "User folders of FTP type (unknown in production; NFS by " +
		"default): listings echo the queried path, creating a folder ignores its name and empties nothing, and a " +
		"failed upload still answers 200.")
	boolean ftpUserFolders;

	@Option(names = "--post-process-delay-ms", paramLabel = "MS", defaultValue = "500", description = "Time a request stays PROCESSED " +
		"before POST_PROCESSED; a new version is refused until then (default: ${DEFAULT-VALUE}).")
	long postProcessDelay;

	@Option(names = "--quota", paramLabel = "SIZE", description = "Most bytes all uploads may take together " +
		"(e.g. 500M, 20G), to simulate a full disk. Default: no limit.")
	String quota;

	@Option(names = "--stage-delay-ms", defaultValue = "100", description = "Pause between processing stages of " +
		"a submission (default: ${DEFAULT-VALUE}).")
	long stageDelay;

	@Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS12 key store " +
		"(its password from the environment variable BIA_KEYSTORE_PASSWORD).")
	Path keystore;

	@Option(names = "--log", description = "Print one line per request (time, client address, method, path, " +
		"status, milliseconds; never tokens or passwords).")
	boolean log;

	/** Counted down to stop a running server (tests); Ctrl-C stops it otherwise. */
	final CountDownLatch stop = new CountDownLatch(1);
	volatile LocalArchiveServer running;

	@Override
	public Integer call() throws Exception {
		if (port < 0 || port > 65535) throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535 " +
			"(0 picks a free one), got " + port);
		final LocalArchiveServer.Options options = new LocalArchiveServer.Options().host(host).port(port).store(store)
			.stageDelayMillis(stageDelay).postProcessDelayMillis(postProcessDelay).asyncMode(asyncMode)
			.preventFileDeletion(preventFileDeletion).ftpUserFolders(ftpUserFolders);
		final List<String> accounts = new ArrayList<>(users);
		if (usersFile != null) {
			for (final String line : Files.readAllLines(usersFile, StandardCharsets.UTF_8))
				if (!line.isBlank() && !line.trim().startsWith("#")) accounts.add(line.trim());
		}
		if (accounts.isEmpty()) throw new ParameterException(spec.commandLine(), "give at least one account: " +
			"--users FILE (one LOGIN:PASSWORD per line) or --user LOGIN:PASSWORD");
		for (final String u : accounts) {
			addAccount(options, u);
		}
		if (quota != null) options.quotaBytes(parseSize(quota));
		if (keystore != null) options.tls(tls(keystore));
		final LocalArchiveServer server;
		try {
			server = LocalArchiveServer.start(options);
		}
		catch (final BindException e) {
			throw new IOException("Cannot listen on " + host + " port " + port + ": it is in use or not this " +
				"machine's; choose another --port (0 picks a free one)", e);
		}
		if (log) server.addFilter(new RequestLog(spec.commandLine().getOut()));
		running = server;
		final Thread hook = new Thread(server::close, "local-archive-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		spec.commandLine().getOut().println("Local archive listening on " + server.baseUri() + " (store " + server
			.store() + "). Stop with Ctrl-C.");
		spec.commandLine().getOut().flush();
		try {
			stop.await();
		}
		finally {
			server.close();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (final IllegalStateException e) {
				// already shutting down
			}
		}
		return 0;
	}

	/**
	 * Adds an account given as {@code [ROLE ]LOGIN:PASSWORD}: a role word and a space may come before the login
	 * (a login has no space; the password may hold spaces and colons).
	 */
	private void addAccount(final LocalArchiveServer.Options options, final String line) {
		final int colon = line.indexOf(':');
		final int space = line.indexOf(' ');
		LocalArchiveServer.Role role = LocalArchiveServer.Role.ATTACH;
		String account = line;
		if (space > 0 && (colon < 0 || space < colon)) {
			final String word = line.substring(0, space);
			role = roleOf(word);
			account = line.substring(space + 1).trim();
		}
		final int c = account.indexOf(':');
		if (c <= 0 || c == account.length() - 1 || account.substring(0, c).contains(" ")) throw new ParameterException(
			spec.commandLine(), "an account must be LOGIN:PASSWORD, got '" + (c < 0 ? account : account.substring(0,
				c) + ":...") + "' (a role may come first: 'plain LOGIN:PASSWORD')");
		options.user(account.substring(0, c), account.substring(c + 1).toCharArray(), role);
	}

	private LocalArchiveServer.Role roleOf(final String word) {
		for (final LocalArchiveServer.Role r : LocalArchiveServer.Role.values()) {
			if (r.name().equalsIgnoreCase(word)) return r;
		}
		throw new ParameterException(spec.commandLine(), "unknown role '" + word + "' before an account: use " +
			"plain, attach, admin or superuser");
	}

	/** Parses 1234, 500k, 500M, 20G (powers of 1024). */
	static long parseSize(final String s) {
		final String t = s.trim().toUpperCase(Locale.ROOT);
		long factor = 1;
		String digits = t;
		if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G") || t.endsWith("T")) {
			factor = 1L << (10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1));
			digits = t.substring(0, t.length() - 1);
		}
		try {
			final long v = Long.parseLong(digits.trim());
			if (v <= 0) throw new NumberFormatException();
			return v * factor;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("--quota must be a positive size like 500M or 20G, got '" + s + "'");
		}
	}

	private static SSLContext tls(final Path file) throws IOException, GeneralSecurityException {
		final String pw = System.getenv("BIA_KEYSTORE_PASSWORD");
		if (pw == null) throw new IllegalArgumentException(
			"--tls-keystore needs the key store password in the environment variable BIA_KEYSTORE_PASSWORD");
		final KeyStore ks = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			ks.load(in, pw.toCharArray());
		}
		catch (final NoSuchFileException e) {
			throw new IOException("Cannot open the key store " + file + ": no such file", e);
		}
		catch (final IOException e) {
			throw new IOException("Cannot open the key store " + file + ": not a PKCS12 key store, or " +
				"BIA_KEYSTORE_PASSWORD is not its password", e);
		}
		final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(ks, pw.toCharArray());
		final SSLContext ctx = SSLContext.getInstance("TLS");
		ctx.init(kmf.getKeyManagers(), null, null);
		return ctx;
	}
}
