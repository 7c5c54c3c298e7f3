package io.github.biaannotations.archive;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.biaannotations.archive.server.LocalArchiveServer;

/** The local archive over HTTPS with a self-signed certificate: refused unless trusted, never retried. */
class HttpsPushTest {

	@TempDir
	Path tmp;

	@Test
	void certificatesAreVerified() throws Exception {
		final Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
		Required.that(Files.isExecutable(keytool), "keytool is absent from this JDK (" + keytool + ")");
		final Path ks = tmp.resolve("server.p12");
		final Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "local", "-keyalg", "EC",
			"-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity",
			"2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit")
				.redirectErrorStream(true).start();
		p.getInputStream().readAllBytes();
		assertEquals(0, p.waitFor());
		final KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(ks)) {
			store.load(in, "changeit".toCharArray());
		}
		final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(store, "changeit".toCharArray());
		final SSLContext serverTls = SSLContext.getInstance("TLS");
		serverTls.init(kmf.getKeyManagers(), null, null);
		final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(store);
		final SSLContext trusting = SSLContext.getInstance("TLS");
		trusting.init(null, tmf.getTrustManagers(), null);

		final Path pkg = TestPackages.write(tmp.resolve("pkg"), "Over HTTPS", 2, 1000, 1);
		final AtomicInteger sleeps = new AtomicInteger();
		final RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20), d -> sleeps
			.incrementAndGet());
		try (LocalArchiveServer server = LocalArchiveServer.start(new LocalArchiveServer.Options().store(tmp.resolve(
			"store")).user("alice", "pw".toCharArray()).stageDelayMillis(0).tls(serverTls)))
		{
			final String url = server.baseUri().toString();
			assertTrue(url.startsWith("https://127.0.0.1:"), url);
			// the JDK's default trust does not know a self-signed certificate: refused at once, no retry storm
			final ArchiveException e = assertThrows(ArchiveException.class, () -> new PackagePusher(new ArchiveClient(
				url, "alice", "pw".toCharArray(), retry, null, null), null).push(pkg));
			assertEquals(ArchiveException.Kind.CONNECTION, e.kind());
			assertTrue(e.getMessage().startsWith("Cannot establish a verified HTTPS connection"), e.getMessage());
			assertEquals(0, sleeps.get());
			// trusting that certificate explicitly, the push goes through
			final PushResult r = new PackagePusher(new ArchiveClient(url, "alice", "pw".toCharArray(), retry, null,
				trusting), null).pollEvery(Duration.ofMillis(10), Duration.ofMillis(50)).push(pkg);
			assertEquals("POST_PROCESSED", r.status());
			assertEquals(TestPackages.sha256(pkg.resolve("annotations/image_001.geojson")), TestPackages.sha256(server
				.userFolder("alice").resolve(PackagePusher.remoteFolder(pkg)).resolve("annotations/image_001.geojson")));
		}
	}
}
