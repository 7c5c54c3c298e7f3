package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A local stand-in for the BioImage Archive's submission API (BioStudies), for workshops and tests: the same
 * paths, fields, status codes and error bodies as the real server for sign-in, the user file area,
 * submitting, listing and request status, and the same refusals (archive-server-facts.md, which wins over
 * archive-api.md), with its state in a folder on disk that survives restarts. Built on the JDK's {@code com.sun.net.httpserver}; uploads are streamed to disk.
 *
 * <pre>
 * LocalArchiveServer server = LocalArchiveServer.start(new LocalArchiveServer.Options()
 *     .store(dir).user("alice", "secret".toCharArray()));
 * URI base = server.baseUri(); // http://127.0.0.1:PORT/
 * </pre>
 */
public final class LocalArchiveServer implements AutoCloseable {

	/**
	 * What an account may do beyond submitting on its own, as the real server's permissions decide it
	 * (archive-server-facts.md §7, §8).
	 */
	public enum Role {
		/** Submits, but not to the BioImages collection: AttachTo BioImages is refused (500 "not allowed"). */
		PLAIN,
		/** May also submit to BioImages (the ATTACH permission), as the submission tool's BioImages users do. */
		ATTACH,
		/**
		 * An administrator of the BioImages collection: may also give an accession that was never persisted,
		 * change the release date of a public study, and replace or remove files of a released one.
		 */
		ADMIN,
		/**
		 * A superuser: may also give any accession and change release dates (but, as on the real server, not
		 * replace files of a released study under {@link Options#preventFileDeletion}).
		 */
		SUPERUSER
	}

	/** How to run a local archive. */
	public static final class Options {

		private String host = "127.0.0.1";
		private int port;
		private Path store;
		private final Map<String, char[]> users = new LinkedHashMap<>();
		private final Map<String, Role> roles = new LinkedHashMap<>();
		private long quotaBytes;
		private long stageDelayMillis = 100;
		private long postProcessDelayMillis = 500;
		private boolean asyncMode;
		private boolean preventFileDeletion = true;
		private boolean ftpUserFolders;
		private int threads = 64;
		private SSLContext tls;

		/** Address to listen on; default 127.0.0.1 (loopback only). */
		public Options host(final String host) {
			this.host = host;
			return this;
		}

		/** Port to listen on; 0 (default) picks a free one. */
		public Options port(final int port) {
			this.port = port;
			return this;
		}

		/** The folder holding all state (created when missing). Required. */
		public Options store(final Path store) {
			this.store = store;
			return this;
		}

		/**
		 * Adds an account that may submit to BioImages ({@link Role#ATTACH}, as the submission tool's BioImages
		 * users must). The password stays in memory; it is never written to the store.
		 */
		public Options user(final String login, final char[] password) {
			return user(login, password, Role.ATTACH);
		}

		/** Adds an account with a role. The password stays in memory; it is never written to the store. */
		public Options user(final String login, final char[] password, final Role role) {
			users.put(login, password.clone());
			roles.put(login, role);
			return this;
		}

		/** Most bytes the user areas may hold together, to simulate a full disk; 0 (default) for no limit. */
		public Options quotaBytes(final long bytes) {
			this.quotaBytes = bytes;
			return this;
		}

		/** Pause between processing stages of a submission request, so clients see it progress; default 100 ms. */
		public Options stageDelayMillis(final long millis) {
			this.stageDelayMillis = millis;
			return this;
		}

		/**
		 * Time a request stays PROCESSED before it is POST_PROCESSED, default 500 ms. As on the real server, a
		 * new version of the accession is refused ("... is currently being processed.") until then.
		 */
		public Options postProcessDelayMillis(final long millis) {
			this.postProcessDelayMillis = millis;
			return this;
		}

		/**
		 * The real server's {@code app.asyncMode} (unknown in production; false, the default, as in its
		 * application.yml): false maps every listed file while answering the submit, so a missing file is a 400
		 * "Submission validation errors"; true accepts the submit and the request goes INVALID later.
		 */
		public Options asyncMode(final boolean async) {
			this.asyncMode = async;
			return this;
		}

		/**
		 * The real server's {@code preventFileDeletion} (unknown in production; default true, as its integration
		 * tests set it): a new version of a released study that replaces or removes files goes INVALID "File
		 * deletion/modifications require admin permission." unless the account is a collection admin.
		 */
		public Options preventFileDeletion(final boolean prevent) {
			this.preventFileDeletion = prevent;
			return this;
		}

		/**
		 * User folders of FTP type (the real server's {@code defaultMode}, unknown in production; default false,
		 * NFS): a listing's {@code path} echoes the query, {@code folder/user/create} creates {@code path} and
		 * ignores {@code fileName} without emptying anything, a failed store still answers 200, and the profile
		 * says {@code "uploadType": "ftp"}.
		 */
		public Options ftpUserFolders(final boolean ftp) {
			this.ftpUserFolders = ftp;
			return this;
		}

		/**
		 * Request threads kept ready; default 64, enough for a workshop of 30 people uploading at once. More
		 * are started when all are busy (up to {@link LocalArchiveServer#MAX_THREADS}), so that clients that
		 * stall cannot keep others waiting.
		 */
		public Options threads(final int threads) {
			this.threads = threads;
			return this;
		}

		/** Serve HTTPS with this context (certificate and key) instead of plain HTTP. */
		public Options tls(final SSLContext context) {
			this.tls = context;
			return this;
		}
	}

	/** Most requests handled at once; connections beyond are closed by the JDK server. */
	public static final int MAX_THREADS = 1024;

	/**
	 * The JDK server's limit, in seconds, on reading one request (headers and body) and on sending one
	 * response: system properties {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime}, which the JDK
	 * reads once per JVM. When not set, the first start sets both to {@link #DEFAULT_REQUEST_SECONDS}, so that a
	 * client that stalls is cut off, while a 10 GB upload at 10 MB/s still fits.
	 */
	public static final String REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";
	public static final String RESPONSE_TIME_PROPERTY = "sun.net.httpserver.maxRspTime";
	public static final long DEFAULT_REQUEST_SECONDS = 1800;

	private final HttpServer http;
	private final HttpContext context;
	private final ExecutorService executor;
	private final SubmissionProcessor processor;
	private final ArchiveStore store;
	private final boolean https;

	private LocalArchiveServer(final HttpServer http, final HttpContext context, final ExecutorService executor,
		final SubmissionProcessor processor, final ArchiveStore store, final boolean https)
	{
		this.http = http;
		this.context = context;
		this.executor = executor;
		this.processor = processor;
		this.store = store;
		this.https = https;
	}

	/**
	 * Opens the store, resumes unfinished submission requests and starts listening.
	 *
	 * @throws IOException when the port is taken or the store cannot be read or created
	 */
	public static LocalArchiveServer start(final Options options) throws IOException {
		if (options.store == null) throw new IllegalArgumentException("The local archive needs a store folder");
		if (options.users.isEmpty()) throw new IllegalArgumentException("The local archive needs at least one user");
		final ObjectMapper json = new ObjectMapper();
		final ArchiveStore store = new ArchiveStore(options.store, options.users, options.roles, options.quotaBytes,
			json);
		final ServerSettings settings = new ServerSettings(options.asyncMode, options.preventFileDeletion,
			options.ftpUserFolders, options.stageDelayMillis, options.postProcessDelayMillis);
		final SubmissionProcessor processor = new SubmissionProcessor(store, json, settings);
		limitRequestTimes();
		final InetSocketAddress address = new InetSocketAddress(options.host, options.port);
		final HttpServer http;
		if (options.tls != null) {
			final HttpsServer s = HttpsServer.create(address, 256);
			s.setHttpsConfigurator(new HttpsConfigurator(options.tls));
			http = s;
		}
		else http = HttpServer.create(address, 256);
		final AtomicInteger n = new AtomicInteger();
		// The JDK server reads request headers on these threads: a fixed pool would let a few clients that
		// stall in their headers block everyone (found by LocalArchiveServerSecurityTest).
		final ThreadPoolExecutor executor = new ThreadPoolExecutor(options.threads, Math.max(options.threads,
			MAX_THREADS), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
				final Thread t = new Thread(r, "local-archive-" + n.incrementAndGet());
				t.setDaemon(true);
				return t;
			});
		http.setExecutor(executor);
		final HttpContext context = http.createContext("/", new ApiRouter(store, json, processor, settings));
		processor.resumeUnfinished();
		http.start();
		return new LocalArchiveServer(http, context, executor, processor, store, options.tls != null);
	}

	private static void limitRequestTimes() {
		for (final String p : new String[] { REQUEST_TIME_PROPERTY, RESPONSE_TIME_PROPERTY }) {
			if (System.getProperty(p) == null) System.setProperty(p, Long.toString(DEFAULT_REQUEST_SECONDS));
		}
	}

	/** The port listened on. */
	public int port() {
		return http.getAddress().getPort();
	}

	/** The base URL clients use, e.g. {@code http://127.0.0.1:8080/}. */
	public URI baseUri() {
		final String host = http.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : http.getAddress()
			.getHostString();
		return URI.create((https ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" +
			port() + "/");
	}

	/** The store folder. */
	public Path store() {
		return store.root();
	}

	/** The folder on disk of a user's file area. */
	public Path userFolder(final String login) throws IOException {
		return store.areaOf(login).root();
	}

	/**
	 * Forgets every session token, as a logout of each would (the real server's tokens never expire otherwise):
	 * requests with one then get the real server's answer to an unknown token, a 500.
	 */
	public void expireSessions() throws IOException {
		store.expireSessions();
	}

	/**
	 * Adds a filter in front of every endpoint: for request logging, or for injecting faults in tests
	 * (a filter may answer or drop a request instead of passing it on).
	 */
	public void addFilter(final Filter filter) {
		context.getFilters().add(filter);
	}

	/** Stops listening and processing; the store keeps the state for the next start. */
	@Override
	public void close() {
		http.stop(0);
		processor.close();
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
