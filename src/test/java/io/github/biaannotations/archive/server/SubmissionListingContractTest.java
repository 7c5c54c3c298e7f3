package io.github.biaannotations.archive.server;

import static io.github.biaannotations.archive.server.ServerCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /submissions} and {@code GET /submissions/{accNo}.json} over HTTP as the real server answers them
 * (archive-server-facts.md §6): only accNo, limit and offset; no version and no ctime; active requests first.
 */
class SubmissionListingContractTest {

	@TempDir
	java.nio.file.Path tmp;

	private LocalArchiveServer server;
	private ServerCalls calls;

	private String start(final LocalArchiveServer.Options options) throws Exception {
		server = LocalArchiveServer.start(options.store(tmp.resolve("store")).user("alice", "wonder".toCharArray()));
		calls = new ServerCalls(server.baseUri());
		final String token = calls.login("alice", "wonder");
		assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 1 }).statusCode());
		assertEquals(200, calls.upload(token, "", "list.tsv", "Files\na.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		assertEquals(200, calls.upload(token, "", "gone.tsv", "Files\ngone.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		return token;
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	private String submitSync(final String token, final String title) throws Exception {
		final HttpResponse<byte[]> r = calls.submit(token, PageTabs.study(title, PageTabs.future(), "list.tsv")
			.toString(), false);
		assertEquals(200, r.statusCode(), ServerCalls.text(r));
		return json(r).get("accno").asText();
	}

	private static List<String> accessions(final JsonNode list) {
		final List<String> out = new ArrayList<>();
		for (final JsonNode e : list)
			out.add(e.get("accno").asText());
		return out;
	}

	@Test
	void entriesHaveTheRealFieldsOnlyAndKeywordsAreIgnored() throws Exception {
		final String token = start(new LocalArchiveServer.Options().stageDelayMillis(0).postProcessDelayMillis(0));
		submitSync(token, "Nuclei");
		submitSync(token, "Cells");
		final JsonNode list = json(calls.get("submissions?keywords=nuclei", token));
		assertEquals(List.of("S-BIAD2", "S-BIAD1"), accessions(list), "keywords filter nothing");
		final Set<String> fields = new TreeSet<>();
		list.get(0).fieldNames().forEachRemaining(fields::add);
		assertEquals(new TreeSet<>(List.of("accno", "displayAccNo", "newSubmission", "title", "mtime", "rtime",
			"status", "errors")), fields);
		assertEquals("PROCESSED", list.get(0).get("status").asText());
		assertEquals(PageTabs.future() + "T00:00:00Z", list.get(0).get("rtime").asText());
		assertEquals(List.of("S-BIAD1"), accessions(json(calls.get("submissions?accNo=S-BIAD1", token))));
	}

	@Test
	void activeRequestsComeFirstThenSubmissionsNewestFirstAndOffsetCountsItems() throws Exception {
		final String token = start(new LocalArchiveServer.Options().stageDelayMillis(0).postProcessDelayMillis(0)
			.asyncMode(true));
		submitSync(token, "First");
		submitSync(token, "Second");
		final HttpResponse<byte[]> broken = calls.submit(token, PageTabs.study("Broken", PageTabs.future(), "gone.tsv")
			.toString(), true);
		assertEquals(200, broken.statusCode());
		assertEquals("INVALID", calls.awaitStatus(token, "S-BIAD3", 1, "INVALID", "POST_PROCESSED"));
		submitSync(token, "Third");
		final JsonNode all = json(calls.get("submissions", token));
		assertEquals(List.of("S-BIAD3", "S-BIAD4", "S-BIAD2", "S-BIAD1"), accessions(all));
		assertEquals("INVALID", all.get(0).get("status").asText());
		assertTrue(all.get(0).get("newSubmission").asBoolean());
		assertTrue(all.get(0).get("errors").get(0).asText().startsWith("The following files could not be found:"));
		assertEquals(List.of("S-BIAD4", "S-BIAD2"), accessions(json(calls.get("submissions?offset=1&limit=2", token))));
		assertEquals(List.of("S-BIAD1"), accessions(json(calls.get("submissions?offset=3&limit=2", token))));
		assertEquals(List.of("S-BIAD3"), accessions(json(calls.get("submissions?limit=1", token))));
	}

	@Test
	void theDefaultLimitIs15() throws Exception {
		final String token = start(new LocalArchiveServer.Options().stageDelayMillis(0).postProcessDelayMillis(0));
		for (int i = 0; i < 17; i++) {
			submitSync(token, "Study " + i);
		}
		assertEquals(15, json(calls.get("submissions", token)).size());
		assertEquals(2, json(calls.get("submissions?offset=15", token)).size());
	}

	@Test
	void aSubmissionIsNotFoundUntilAVersionIsPersisted() throws Exception {
		final String token = start(new LocalArchiveServer.Options().stageDelayMillis(300).postProcessDelayMillis(0));
		final HttpResponse<byte[]> r = calls.submit(token, PageTabs.study("Slow", PageTabs.future(), "list.tsv")
			.toString(), true);
		assertEquals(200, r.statusCode());
		assertEquals("S-BIAD1", json(r).get("accNo").asText());
		assertEquals(404, calls.get("submissions/S-BIAD1.json", token).statusCode());
		final JsonNode entry = json(calls.get("submissions", token)).get(0);
		assertEquals("PROCESSING", entry.get("status").asText());
		assertTrue(entry.get("newSubmission").asBoolean());
		assertEquals("PROCESSING", json(calls.get("submissions/S-BIAD1", token)).get("status").asText());
		calls.awaitStatus(token, "S-BIAD1", 1, "POST_PROCESSED");
		assertEquals(200, calls.get("submissions/S-BIAD1.json", token).statusCode());
		assertEquals("PROCESSED", json(calls.get("submissions", token)).get(0).get("status").asText());
	}

	@Test
	void aNewVersionInProgressIsListedAsItsRequestAndTheJsonStaysThePersistedOne() throws Exception {
		final String token = start(new LocalArchiveServer.Options().stageDelayMillis(0).postProcessDelayMillis(0));
		submitSync(token, "Version one");
		server.close();
		server = LocalArchiveServer.start(new LocalArchiveServer.Options().store(tmp.resolve("store")).user("alice",
			"wonder".toCharArray()).stageDelayMillis(300));
		calls = new ServerCalls(server.baseUri());
		final HttpResponse<byte[]> r = calls.submit(token, PageTabs.study("Version two", PageTabs.future(), "list.tsv")
			.accno("S-BIAD1").toString(), true);
		assertEquals(200, r.statusCode(), ServerCalls.text(r));
		assertEquals(2, json(r).get("version").asInt());
		final JsonNode entry = json(calls.get("submissions", token)).get(0);
		assertEquals("Version two", entry.get("title").asText());
		assertEquals("PROCESSING", entry.get("status").asText());
		assertEquals(1, json(calls.get("submissions", token)).size(), "one entry per accession");
		assertEquals("Version one", titleOf(json(calls.get("submissions/S-BIAD1.json", token))));
	}

	private static String titleOf(final JsonNode pageTab) throws IOException {
		for (final JsonNode a : pageTab.get("attributes"))
			if ("Title".equals(a.get("name").asText())) return a.get("value").asText();
		return null;
	}
}
