package io.github.biaannotations.archive.server;

import io.github.biaannotations.testutil.Required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.biaannotations.archive.TestPackages;

/** The local archive driven by the real curl, as the archive's own documentation drives the real server. */
class CurlContractTest {

	@TempDir
	Path tmp;

	private static boolean hasCurl() {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, "curl"))) return true;
		}
		return false;
	}

	/** Runs curl; returns {exit code + HTTP status line, body}. */
	private static String[] curl(final String... args) throws Exception {
		final List<String> cmd = new ArrayList<>(Arrays.asList("curl", "-s", "-w", "\n%{http_code}"));
		cmd.addAll(Arrays.asList(args));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), out);
		final int nl = out.lastIndexOf('\n');
		return new String[] { out.substring(nl + 1), out.substring(0, nl) };
	}

	@Test
	void curlSignsInUploadsSeveralFilesInOneRequestAndLists() throws Exception {
		Required.that(hasCurl(), "curl is absent (apt-get install curl)");
		final ObjectMapper json = new ObjectMapper();
		try (LocalArchiveServer server = LocalArchiveServer.start(new LocalArchiveServer.Options().store(tmp.resolve(
			"store")).user("alice", "pw".toCharArray())))
		{
			final String url = server.baseUri().toString();
			final String[] wrong = curl("-H", "Content-Type: application/json", "-d",
				"{\"login\":\"alice\",\"password\":\"x\"}", url + "auth/login");
			assertEquals("401", wrong[0]);
			final String[] login = curl("-H", "Content-Type: application/json", "-d",
				"{\"login\":\"alice\",\"password\":\"pw\"}", url + "auth/login");
			assertEquals("200", login[0]);
			final String token = json.readTree(login[1]).get("sessid").asText();
			// two files over 1 MB (curl then waits for "100 Continue") whose content holds boundary-like bytes
			final byte[] a = new byte[1_500_000];
			new Random(1).nextBytes(a);
			final byte[] marker = "\r\n--------------------------\r\n--".getBytes(StandardCharsets.ISO_8859_1);
			System.arraycopy(marker, 0, a, 262_140, marker.length);
			Files.write(tmp.resolve("a.bin"), a);
			Files.write(tmp.resolve("b c.txt"), "hello\r\n--".getBytes(StandardCharsets.UTF_8));
			final String[] up = curl("-H", "X-Session-Token: " + token, "-F", "filePath=study/raw", "-F", "files=@" + tmp
				.resolve("a.bin"), "-F", "files=@" + tmp.resolve("b c.txt"), url + "files/user/upload");
			assertEquals("200", up[0], up[1]);
			assertEquals("", up[1]);
			final Path folder = server.userFolder("alice").resolve("study/raw");
			assertEquals(TestPackages.sha256(tmp.resolve("a.bin")), TestPackages.sha256(folder.resolve("a.bin")));
			assertEquals(TestPackages.sha256(tmp.resolve("b c.txt")), TestPackages.sha256(folder.resolve("b c.txt")));
			final String[] list = curl("-H", "X-Session-Token: " + token, "-H", "Content-Type: application/json", "-d",
				"{\"path\":\"study/raw\"}", url + "files/user/query");
			assertEquals("200", list[0]);
			final JsonNode entries = json.readTree(list[1]);
			assertEquals(2, entries.size());
			assertEquals("a.bin", entries.get(0).get("name").asText());
			assertEquals(1_500_000, entries.get(0).get("size").asLong());
			final String[] noToken = curl("-F", "filePath=x", "-F", "files=@" + tmp.resolve("a.bin"), url +
				"files/user/upload");
			assertEquals("401", noToken[0]);
			assertEquals("Full authentication is required to access this resource", json.readTree(noToken[1]).get(
				"message").asText(), noToken[1]);
		}
	}
}
