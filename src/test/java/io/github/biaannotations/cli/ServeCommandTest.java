package io.github.biaannotations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.archive.TestPackages;
import picocli.CommandLine;

/** {@code serve}'s accounts with roles and its server options, seen through the archive's HTTP answers. */
class ServeCommandTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path tmp;

	private ServeCommand serve;
	private Thread serving;
	private final AtomicInteger exit = new AtomicInteger(-1);
	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();
	private final HttpClient http = HttpClient.newHttpClient();

	private void start(final String... args) throws Exception {
		serve = new ServeCommand();
		final CommandLine cl = new CommandLine(serve);
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		serving = new Thread(() -> exit.set(cl.execute(args)));
		serving.start();
		for (int i = 0; i < 500 && serve.running == null && serving.isAlive(); i++) {
			Thread.sleep(10);
		}
	}

	@AfterEach
	void stop() throws Exception {
		if (serve != null) serve.stop.countDown();
		if (serving != null) serving.join(10_000);
	}

	private HttpResponse<String> post(final String path, final String token, final String type, final String body)
		throws Exception
	{
		final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serve.running.baseUri() + path)).header(
			"Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) b.header("X-Session-Token", token).header("Submission_Type", type);
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode profile(final String login, final String password) throws Exception {
		final HttpResponse<String> r = post("auth/login", null, "application/json", JSON.createObjectNode().put("login",
			login).put("password", password).toString());
		assertEquals(200, r.statusCode(), login + ": " + r.body());
		return JSON.readTree(r.body());
	}

	@Test
	void accountsTakeARoleAndTheOptionsReachTheServer() throws Exception {
		final Path users = Files.writeString(tmp.resolve("users.txt"), "# a role may come first\n" +
			"plain pat@example.org:pw with space\nsuperuser root@example.org:pw:with:colons\nalice@example.org:s3cret\n",
			StandardCharsets.UTF_8);
		start("--port", "0", "--store", tmp.resolve("store").toString(), "--users", users.toString(), "--user",
			"admin cur@example.org:pw", "--async-mode", "--ftp-user-folders", "--stage-delay-ms", "0",
			"--post-process-delay-ms", "0");
		assertTrue(serve.running != null, "serve did not start: " + out + err);
		assertEquals(0, profile("pat@example.org", "pw with space").get("allow").size(), "plain: no BioImages");
		assertTrue(profile("root@example.org", "pw:with:colons").get("superuser").asBoolean());
		final JsonNode alice = profile("alice@example.org", "s3cret");
		assertEquals("BioImages", alice.get("allow").get(0).asText(), "attach is the default");
		assertFalse(alice.get("superuser").asBoolean());
		assertEquals("ftp", alice.get("uploadType").asText());
		profile("cur@example.org", "pw");
		// asyncMode: a submit whose listed file is missing is accepted, and goes INVALID later
		final String token = alice.get("sessid").asText();
		final String boundary = "b0undary";
		final HttpResponse<String> up = post("files/user/upload", token, "multipart/form-data; boundary=" + boundary,
			"--" + boundary + "\r\nContent-Disposition: form-data; name=\"filePath\"\r\n\r\n\r\n--" + boundary +
				"\r\nContent-Disposition: form-data; name=\"files\"; filename=\"list.tsv\"\r\n\r\nFiles\nmissing.txt\n" +
				"\r\n--" + boundary + "--\r\n");
		assertEquals(200, up.statusCode(), up.body());
		final HttpResponse<String> r = post("submissions/async", token, "application/json", TestPackages.pageTab(
			"Async", TestPackages.futureDate(), "list.tsv"));
		assertEquals(200, r.statusCode(), r.body());
		assertTrue(serve.preventFileDeletion, "on by default");
	}

	@Test
	void preventFileDeletionCanBeTurnedOffAndAnUnknownRoleIsRefused() throws Exception {
		final ServeCommand parsed = new ServeCommand();
		new CommandLine(parsed).parseArgs("--store", "x", "--user", "a:b", "--no-prevent-file-deletion");
		assertFalse(parsed.preventFileDeletion);
		start("--port", "0", "--store", tmp.resolve("store").toString(), "--user", "owner alice:pw");
		serving.join(10_000);
		assertEquals(2, exit.get());
		assertTrue(err.toString().contains("unknown role 'owner' before an account: use plain, attach, admin or " +
			"superuser"), err.toString());
		assertFalse(err.toString().contains("pw"), "no password in the message: " + err);
	}
}
