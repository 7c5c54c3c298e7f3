package io.github.biaannotations.archive.server;

import static io.github.biaannotations.archive.server.ServerCalls.failure;
import static io.github.biaannotations.archive.server.ServerCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.biaannotations.archive.server.LocalArchiveServer.Role;

/**
 * Who may give an accession and attach to BioImages, and when a new version is taken, over HTTP as on the real
 * server (archive-server-facts.md §5, §7, §8).
 */
class AccessionRulesContractTest {

	@TempDir
	java.nio.file.Path tmp;

	private LocalArchiveServer server;
	private ServerCalls calls;

	private void start(final LocalArchiveServer.Options options) throws Exception {
		server = LocalArchiveServer.start(options.store(tmp.resolve("store")).user("alice", "wonder".toCharArray())
			.user("plain", "pw".toCharArray(), Role.PLAIN).user("curator", "pw".toCharArray(), Role.ADMIN).user("root",
				"pw".toCharArray(), Role.SUPERUSER));
		calls = new ServerCalls(server.baseUri());
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	/** Signs in and uploads a file list naming a.txt, without a.txt itself. */
	private String withListOnly(final String login, final String password) throws Exception {
		final String token = calls.login(login, password);
		assertEquals(200, calls.upload(token, "", "list.tsv", "Files\na.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		return token;
	}

	/** A first version that goes INVALID (a.txt missing, asyncMode), then a.txt uploaded; returns the accession. */
	private String invalidFirstVersion(final String token) throws Exception {
		final HttpResponse<byte[]> r = calls.submit(token, PageTabs.study("Retry", PageTabs.future(), "list.tsv")
			.toString(), true);
		assertEquals(200, r.statusCode(), ServerCalls.text(r));
		final String accNo = json(r).get("accNo").asText();
		assertEquals("INVALID", calls.awaitStatus(token, accNo, 1, "INVALID", "POST_PROCESSED"));
		assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 1 }).statusCode());
		return accNo;
	}

	@Test
	void aRetryWithTheAccessionOfAnInvalidFirstVersionIsRefusedForOrdinaryUsers() throws Exception {
		start(new LocalArchiveServer.Options().asyncMode(true).stageDelayMillis(0).postProcessDelayMillis(0));
		final String token = withListOnly("alice", "wonder");
		final String accNo = invalidFirstVersion(token);
		final HttpResponse<byte[]> retry = calls.submit(token, PageTabs.study("Retry", PageTabs.future(), "list.tsv")
			.accno(accNo).toString(), true);
		assertEquals(500, retry.statusCode());
		assertEquals("The user alice@localhost is not allowed to provide accession number directly", failure(retry));
		// without the accession it is a new one
		final HttpResponse<byte[]> fresh = calls.submit(token, PageTabs.study("Retry", PageTabs.future(), "list.tsv")
			.toString(), true);
		assertEquals(200, fresh.statusCode());
		assertEquals("S-BIAD2", json(fresh).get("accNo").asText());
	}

	@Test
	void superusersAndCollectionAdminsMayRetryAndGetTheSameVersion() throws Exception {
		start(new LocalArchiveServer.Options().asyncMode(true).stageDelayMillis(0).postProcessDelayMillis(0));
		for (final String login : new String[] { "curator", "root" }) {
			final String token = withListOnly(login, "pw");
			final String accNo = invalidFirstVersion(token);
			final HttpResponse<byte[]> retry = calls.submit(token, PageTabs.study("Retry", PageTabs.future(),
				"list.tsv").accno(accNo).toString(), true);
			assertEquals(200, retry.statusCode(), login + ": " + ServerCalls.text(retry));
			assertEquals(1, json(retry).get("version").asInt(), "the INVALID request is taken up again");
			assertEquals("POST_PROCESSED", calls.awaitStatus(token, accNo, 1, "INVALID", "POST_PROCESSED"), login);
		}
	}

	@Test
	void attachingToBioImagesNeedsThePermission() throws Exception {
		start(new LocalArchiveServer.Options().stageDelayMillis(0).postProcessDelayMillis(0));
		final String plain = calls.login("plain", "pw");
		final JsonNode profile = json(calls.get("auth/profile", plain));
		assertEquals(0, profile.get("allow").size());
		assertFalse(profile.get("superuser").asBoolean());
		assertTrue(json(calls.get("auth/profile", calls.login("root", "pw"))).get("superuser").asBoolean());
		assertEquals(200, calls.upload(plain, "", "a.txt", new byte[] { 1 }).statusCode());
		assertEquals(200, calls.upload(plain, "", "list.tsv", "Files\na.txt\n".getBytes(StandardCharsets.UTF_8))
			.statusCode());
		final HttpResponse<byte[]> refused = calls.submit(plain, PageTabs.study("Mine", PageTabs.future(), "list.tsv")
			.toString(), true);
		assertEquals(500, refused.statusCode());
		assertEquals("The user plain@localhost is not allowed to submit to BioImages collection", failure(refused));
		// without AttachTo it is an ordinary BioStudies submission
		final HttpResponse<byte[]> bare = calls.submit(plain, PageTabs.study("Mine", PageTabs.future(), "list.tsv")
			.without("AttachTo").toString(), false);
		assertEquals(200, bare.statusCode(), ServerCalls.text(bare));
		assertEquals("S-BSST1", json(bare).get("accno").asText());
		for (final String login : new String[] { "alice", "curator", "root" }) {
			final String token = calls.login(login, login.equals("alice") ? "wonder" : "pw");
			assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 1 }).statusCode());
			assertEquals(200, calls.upload(token, "", "list.tsv", "Files\na.txt\n".getBytes(StandardCharsets.UTF_8))
				.statusCode());
			assertEquals(200, calls.submit(token, PageTabs.study("Theirs", PageTabs.future(), "list.tsv").toString(),
				false).statusCode(), login);
		}
	}

	@Test
	void processedIsNotTheEndANewVersionWaitsForPostProcessed() throws Exception {
		start(new LocalArchiveServer.Options().stageDelayMillis(0).postProcessDelayMillis(1500));
		final String token = withListOnly("alice", "wonder");
		assertEquals(200, calls.upload(token, "", "a.txt", new byte[] { 1 }).statusCode());
		final HttpResponse<byte[]> first = calls.submit(token, PageTabs.study("Twice", PageTabs.future(), "list.tsv")
			.toString(), true);
		assertEquals(200, first.statusCode());
		assertEquals("PROCESSED", calls.awaitStatus(token, "S-BIAD1", 1, "PROCESSED"));
		final String next = PageTabs.study("Twice", PageTabs.future(), "list.tsv").accno("S-BIAD1").toString();
		final HttpResponse<byte[]> early = calls.submit(token, next, true);
		assertEquals(500, early.statusCode());
		assertEquals("Submission request can't be accepted. Submission with 'S-BIAD1' is currently being processed.",
			failure(early));
		assertEquals("PROCESSING", json(calls.get("submissions/S-BIAD1", token)).get("status").asText());
		assertEquals("POST_PROCESSED", calls.awaitStatus(token, "S-BIAD1", 1, "POST_PROCESSED"));
		final HttpResponse<byte[]> later = calls.submit(token, next, true);
		assertEquals(200, later.statusCode(), ServerCalls.text(later));
		assertEquals(2, json(later).get("version").asInt());
	}
}
