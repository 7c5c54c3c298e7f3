package io.github.biaannotations.archive.server;

import static io.github.biaannotations.archive.server.ServerCalls.failure;
import static io.github.biaannotations.archive.server.ServerCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.archive.server.LocalArchiveServer.Role;

/**
 * Release dates, DOIs and file changes of new versions, over HTTP as on the real server (archive-server-facts.md
 * §7, §8): "today" is the UTC date and public at once; a public study keeps its release date; a DOI is carried
 * over; with preventFileDeletion the files of a released study are kept.
 */
class ReleasedStudyContractTest {

	@TempDir
	java.nio.file.Path tmp;

	private LocalArchiveServer server;
	private ServerCalls calls;

	private void start(final LocalArchiveServer.Options options) throws Exception {
		server = LocalArchiveServer.start(options.store(tmp.resolve("store")).user("alice", "wonder".toCharArray())
			.user("curator", "pw".toCharArray(), Role.ADMIN).user("root", "pw".toCharArray(), Role.SUPERUSER)
			.stageDelayMillis(0).postProcessDelayMillis(0));
		calls = new ServerCalls(server.baseUri());
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	/** Signs in and uploads a.txt, b.txt and a file list naming both. */
	private String withFiles(final String login, final String password) throws Exception {
		final String token = calls.login(login, password);
		assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 1 }).statusCode());
		assertEquals(200, calls.upload(token, "", "b.txt", new byte[] { 2 }).statusCode());
		assertEquals(200, calls.upload(token, "", "list.tsv", "Files\na.txt\nb.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		return token;
	}

	private HttpResponse<byte[]> sync(final String token, final PageTabs pageTab) throws Exception {
		return calls.submit(token, pageTab.toString(), false);
	}

	private String first(final String token, final PageTabs pageTab) throws Exception {
		final HttpResponse<byte[]> r = sync(token, pageTab);
		assertEquals(200, r.statusCode(), ServerCalls.text(r));
		return json(r).get("accno").asText();
	}

	@Test
	void aStudyReleasedTodayIsPublicAtOnceAndKeepsItsReleaseDate() throws Exception {
		start(new LocalArchiveServer.Options());
		final String token = withFiles("alice", "wonder");
		final String acc = first(token, PageTabs.study("Today", PageTabs.today(), "list.tsv"));
		assertEquals(PageTabs.today() + "T00:00:00Z", json(calls.get("submissions/" + acc, token)).get("rtime").asText());
		final HttpResponse<byte[]> moved = sync(token, PageTabs.study("Today", PageTabs.future(), "list.tsv").accno(acc));
		assertEquals(400, moved.statusCode());
		assertEquals("Submission validation errors\nThe release date of a public study cannot be changed", failure(
			moved));
		assertEquals(200, sync(token, PageTabs.study("Today, again", PageTabs.today(), "list.tsv").accno(acc))
			.statusCode());
		// a collection admin may move it
		final String curator = withFiles("curator", "pw");
		final String theirs = first(curator, PageTabs.study("Theirs", PageTabs.today(), "list.tsv"));
		assertEquals(200, sync(curator, PageTabs.study("Theirs", PageTabs.future(), "list.tsv").accno(theirs))
			.statusCode());
	}

	@Test
	void aStudyNotYetPublicMayMoveItsReleaseDateEvenIntoThePast() throws Exception {
		start(new LocalArchiveServer.Options());
		final String token = withFiles("alice", "wonder");
		final String acc = first(token, PageTabs.study("Later", PageTabs.future(), "list.tsv"));
		assertEquals(200, sync(token, PageTabs.study("Later", java.time.LocalDate.parse(PageTabs.future()).plusDays(1)
			.toString(), "list.tsv").accno(acc)).statusCode());
		// the real server checks a past date only for a first version
		assertEquals(200, sync(token, PageTabs.study("Later", PageTabs.past(), "list.tsv").accno(acc)).statusCode());
		assertEquals(PageTabs.past() + "T00:00:00Z", json(calls.get("submissions/" + acc, token)).get("rtime").asText());
	}

	@Test
	void aPastReleaseDateIsRefusedForAFirstVersionOfAnOrdinaryUser() throws Exception {
		start(new LocalArchiveServer.Options());
		final HttpResponse<byte[]> past = sync(withFiles("alice", "wonder"), PageTabs.study("Past", PageTabs.past(),
			"list.tsv"));
		assertEquals(400, past.statusCode());
		assertEquals("Submission validation errors\nRelease date cannot be in the past", failure(past));
		for (final String login : new String[] { "curator", "root" }) {
			assertEquals(200, sync(withFiles(login, "pw"), PageTabs.study("Past", PageTabs.past(), "list.tsv"))
				.statusCode(), login);
		}
	}

	@Test
	void theDoiOfAnEarlierVersionMustBeCarriedOver() throws Exception {
		start(new LocalArchiveServer.Options());
		final String token = withFiles("alice", "wonder");
		final String acc = first(token, PageTabs.study("With DOI", PageTabs.future(), "list.tsv").with("DOI", ""));
		final String doi = "10.6019/" + acc;
		boolean found = false;
		for (final JsonNode a : json(calls.get("submissions/" + acc + ".json", token)).get("attributes"))
			found |= "DOI".equals(a.get("name").asText()) && doi.equals(a.get("value").asText());
		assertTrue(found, "the stored PageTab has the DOI");
		final HttpResponse<byte[]> dropped = sync(token, PageTabs.study("With DOI", PageTabs.future(), "list.tsv")
			.accno(acc));
		assertEquals(400, dropped.statusCode());
		assertEquals("Submission validation errors\nThe previous DOI: '" + doi + "' cannot be removed", failure(
			dropped));
		final HttpResponse<byte[]> other = sync(token, PageTabs.study("With DOI", PageTabs.future(), "list.tsv")
			.accno(acc).with("DOI", "10.1234/other"));
		assertEquals(400, other.statusCode());
		assertEquals("Submission validation errors\nThe given DOI '10.1234/other' should match the previous DOI '" + doi +
			"'", failure(other));
		assertEquals(200, sync(token, PageTabs.study("With DOI", PageTabs.future(), "list.tsv").accno(acc).with("DOI",
			doi)).statusCode());
	}

	/** Alice's study, released today, with a.txt and b.txt; then a.txt changed in her folder. */
	private String releasedThenChanged(final String token) throws Exception {
		final String acc = first(token, PageTabs.study("Public", PageTabs.today(), "list.tsv"));
		assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 9, 9 }).statusCode());
		return acc;
	}

	@Test
	void replacingOrRemovingFilesOfAReleasedStudyGoesInvalidUnderPreventFileDeletion() throws Exception {
		start(new LocalArchiveServer.Options());
		final String token = withFiles("alice", "wonder");
		final String acc = releasedThenChanged(token);
		final PageTabs next = PageTabs.study("Public", PageTabs.today(), "list.tsv").accno(acc);
		assertEquals(200, calls.submit(token, next.toString(), true).statusCode());
		assertEquals("INVALID", calls.awaitStatus(token, acc, 2, "INVALID", "POST_PROCESSED"));
		assertEquals("[\"File deletion/modifications require admin permission.\"]", json(calls.get(
			"submissions/requests/" + acc + "/2/errors", token)).toString());
		// removed: a list without b.txt, a.txt as it was
		assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 1 }).statusCode());
		assertEquals(200, calls.upload(token, "", "list.tsv", "Files\na.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		assertEquals(200, calls.submit(token, next.toString(), true).statusCode());
		assertEquals("INVALID", calls.awaitStatus(token, acc, 2, "INVALID", "POST_PROCESSED"));
		// the same files again: accepted
		assertEquals(200, calls.upload(token, "", "list.tsv", "Files\na.txt\nb.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		assertEquals(200, calls.submit(token, next.toString(), true).statusCode());
		assertEquals("POST_PROCESSED", calls.awaitStatus(token, acc, 2, "INVALID", "POST_PROCESSED"));
	}

	@Test
	void filesMayChangeForAnAdminOrAStudyNotYetPublicOrWithoutPreventFileDeletion() throws Exception {
		start(new LocalArchiveServer.Options());
		final String curator = withFiles("curator", "pw");
		final String theirs = releasedThenChanged(curator);
		assertEquals(200, sync(curator, PageTabs.study("Public", PageTabs.today(), "list.tsv").accno(theirs))
			.statusCode());
		final String token = withFiles("alice", "wonder");
		final String later = first(token, PageTabs.study("Later", PageTabs.future(), "list.tsv"));
		assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 9, 9 }).statusCode());
		assertEquals(200, sync(token, PageTabs.study("Later", PageTabs.future(), "list.tsv").accno(later)).statusCode());
		server.close();
		start(new LocalArchiveServer.Options().preventFileDeletion(false));
		final String acc = releasedThenChanged(calls.login("alice", "wonder"));
		final HttpResponse<byte[]> r = sync(calls.login("alice", "wonder"), PageTabs.study("Public", PageTabs.today(),
			"list.tsv").accno(acc));
		assertEquals(200, r.statusCode(), ServerCalls.text(r));
	}

	@Test
	void filesOfThePersistedVersionNeedNotBeUploadedAgain() throws Exception {
		start(new LocalArchiveServer.Options());
		final String token = withFiles("alice", "wonder");
		final String acc = first(token, PageTabs.study("Kept", PageTabs.future(), "list.tsv"));
		assertEquals(200, calls.postJson("files/user/delete", token, "{\"path\":\"\",\"fileName\":\"b.txt\"}")
			.statusCode());
		final HttpResponse<byte[]> r = sync(token, PageTabs.study("Kept", PageTabs.future(), "list.tsv").accno(acc));
		assertEquals(200, r.statusCode(), ServerCalls.text(r));
		assertEquals(2, Files.readAllBytes(server.store().resolve("submissions/" + acc + "/2/Files/b.txt"))[0]);
		// a file in neither is missing, and the message names both sources
		assertEquals(200, calls.upload(token, "", "list.tsv", "Files\na.txt\nc.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		final HttpResponse<byte[]> missing = sync(token, PageTabs.study("Kept", PageTabs.future(), "list.tsv").accno(
			acc));
		assertEquals(400, missing.statusCode());
		assertEquals("Submission validation errors\nThe following files could not be found:\n  - c.txt\n" +
			"Referenced in file list: list.tsv\nList of available sources:\n  - alice@localhost user files\n" +
			"  - Previous version files [File System]", failure(missing));
	}
}
