package io.github.biaannotations.archive.server;

import static io.github.biaannotations.archive.server.ServerCalls.failure;
import static io.github.biaannotations.archive.server.ServerCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Listed files and the user folder over HTTP as on the real server (archive-server-facts.md §2-§5): listed
 * files are mapped in the submit unless asyncMode; a folder listed with a path inside it is a circular
 * reference; an absolute path is refused; folders and listings of NFS- and FTP-type user folders.
 */
class FileRulesContractTest {

	@TempDir
	Path tmp;

	private LocalArchiveServer server;
	private ServerCalls calls;
	private String token;

	private void start(final LocalArchiveServer.Options options) throws Exception {
		server = LocalArchiveServer.start(options.store(tmp.resolve("store")).user("alice", "wonder".toCharArray())
			.stageDelayMillis(0).postProcessDelayMillis(0));
		calls = new ServerCalls(server.baseUri());
		token = calls.login("alice", "wonder");
	}

	@AfterEach
	void stop() {
		if (server != null) server.close();
	}

	private void upload(final String folder, final String name, final String content) throws Exception {
		assertEquals(200, calls.upload(token, folder, name, content.getBytes(StandardCharsets.UTF_8)).statusCode());
	}

	/** An image OME-Zarr folder and a file list naming it, and a label inside it too when {@code inside}. */
	private void imageWithLabels(final boolean inside) throws Exception {
		upload("pkg/images/x.ome.zarr", "zarr.json", "{}");
		upload("pkg/images/x.ome.zarr/labels/cells", "zarr.json", "{}");
		upload("pkg", "list.tsv", "Files\nimages/x.ome.zarr\n" + (inside ? "images/x.ome.zarr/labels/cells\n" : ""));
	}

	private String study() {
		return PageTabs.study("Image and labels", PageTabs.future(), "list.tsv").with("RootPath", "pkg").toString();
	}

	@Test
	void aListedFolderWithAListedPathInsideItStaysRequestedForEver() throws Exception {
		start(new LocalArchiveServer.Options());
		imageWithLabels(true);
		final HttpResponse<byte[]> r = calls.submit(token, study(), true);
		assertEquals(200, r.statusCode(), ServerCalls.text(r));
		Thread.sleep(500);
		assertEquals("REQUESTED", calls.status(token, "S-BIAD1", 1));
		assertEquals("[]", json(calls.get("submissions/requests/S-BIAD1/1/errors", token)).toString());
		final HttpResponse<byte[]> again = calls.submit(token, PageTabs.study("Again", PageTabs.future(), "list.tsv")
			.with("RootPath", "pkg").accno("S-BIAD1").toString(), true);
		assertEquals(500, again.statusCode());
		assertTrue(failure(again).endsWith("is currently being processed."), failure(again));
		// a sync submit answers with the reason
		final HttpResponse<byte[]> sync = calls.submit(token, study(), false);
		assertEquals(500, sync.statusCode());
		assertEquals("The following circular references were found:\n- Directory 'images/x.ome.zarr' contains: " +
			"'images/x.ome.zarr/labels/cells'\n", failure(sync));
	}

	@Test
	void aCircularReferenceGoesInvalidInAsyncMode() throws Exception {
		start(new LocalArchiveServer.Options().asyncMode(true));
		imageWithLabels(true);
		assertEquals(200, calls.submit(token, study(), true).statusCode());
		assertEquals("INVALID", calls.awaitStatus(token, "S-BIAD1", 1, "INVALID", "POST_PROCESSED"));
		assertEquals("[\"Unknown processing error. Please contact Admin.\"]", json(calls.get(
			"submissions/requests/S-BIAD1/1/errors", token)).toString());
	}

	@Test
	void aFolderListedAloneIsAcceptedWithItsContent() throws Exception {
		start(new LocalArchiveServer.Options());
		imageWithLabels(false);
		assertEquals(200, calls.submit(token, study(), true).statusCode());
		assertEquals("POST_PROCESSED", calls.awaitStatus(token, "S-BIAD1", 1, "INVALID", "POST_PROCESSED"));
		assertTrue(Files.isRegularFile(server.store().resolve(
			"submissions/S-BIAD1/1/Files/images/x.ome.zarr/labels/cells/zarr.json")));
	}

	@Test
	void aMissingFileIsRefusedByTheSubmitUnlessAsyncMode() throws Exception {
		start(new LocalArchiveServer.Options());
		upload("", "list.tsv", "Files\nthere.txt\nmissing.txt\n");
		upload("", "there.txt", "x");
		final String pageTab = PageTabs.study("Missing", PageTabs.future(), "list.tsv").toString();
		final HttpResponse<byte[]> r = calls.submit(token, pageTab, true);
		assertEquals(400, r.statusCode());
		assertEquals("Submission validation errors\nThe following files could not be found:\n  - missing.txt\n" +
			"Referenced in file list: list.tsv\nList of available sources:\n  - alice@localhost user files", failure(r));
		assertEquals(0, json(calls.get("submissions", token)).size(), "nothing registered");
		server.close();
		start(new LocalArchiveServer.Options().asyncMode(true));
		assertEquals(200, calls.submit(token, pageTab, true).statusCode());
		assertEquals("INVALID", calls.awaitStatus(token, "S-BIAD1", 1, "INVALID", "POST_PROCESSED"));
	}

	@Test
	void anAbsolutePathIsRefusedWithTheRealServersError() throws Exception {
		start(new LocalArchiveServer.Options());
		final HttpResponse<byte[]> up = calls.upload(token, "/pkg", "a.txt", new byte[] { 1 });
		assertEquals(500, up.statusCode());
		assertEquals("The user does not have permission for accessing path '/pkg'", failure(up));
		assertFalse(Files.exists(server.userFolder("alice").resolve("pkg")));
		assertEquals(500, calls.postJson("files/user/query", token, "{\"path\":\"/pkg\"}").statusCode());
	}

	@Test
	void nfsFoldersListTheirOwnSizeAndCreatingOneEmptiesIt() throws Exception {
		start(new LocalArchiveServer.Options());
		assertEquals("nfs", json(calls.get("auth/profile", token)).get("uploadType").asText());
		assertEquals(200, calls.upload(token, "pkg/sub", "big.bin", new byte[100_000]).statusCode());
		final JsonNode root = json(calls.postJson("files/user/query", token, "{\"path\":\"\"}"));
		assertEquals(Files.size(server.userFolder("alice").resolve("pkg")), root.get(0).get("size").asLong(),
			"the folder's own size, not its content's");
		assertEquals("user/pkg", json(calls.postJson("files/user/query", token, "{\"path\":\"./pkg/\"}")).get(0).get(
			"path").asText());
		assertEquals(200, calls.postJson("folder/user/create", token, "{\"path\":\"\",\"fileName\":\"pkg\"}")
			.statusCode());
		assertEquals(0, json(calls.postJson("files/user/query", token, "{\"path\":\"pkg\"}")).size(),
			"the real server's createEmptyFolder deletes what was there");
	}

	@Test
	void ftpFoldersEchoTheQueryIgnoreTheFolderNameAndAnswer200WhenAStoreFails() throws Exception {
		start(new LocalArchiveServer.Options().ftpUserFolders(true).quotaBytes(1000));
		assertEquals("ftp", json(calls.get("auth/profile", token)).get("uploadType").asText());
		upload("pkg/sub", "a.txt", "a");
		assertEquals("user/./pkg", json(calls.postJson("files/user/query", token, "{\"path\":\"./pkg/\"}")).get(0).get(
			"path").asText());
		assertEquals(200, calls.postJson("folder/user/create", token, "{\"path\":\"pkg\",\"fileName\":\"ignored\"}")
			.statusCode());
		assertFalse(Files.exists(server.userFolder("alice").resolve("pkg/ignored")));
		assertTrue(Files.isRegularFile(server.userFolder("alice").resolve("pkg/sub/a.txt")), "nothing emptied");
		assertEquals(200, calls.postJson("folder/user/create", token, "{\"path\":\"made\"}").statusCode());
		assertTrue(Files.isDirectory(server.userFolder("alice").resolve("made")));
		final HttpResponse<byte[]> full = calls.upload(token, "pkg", "big.bin", new byte[5000]);
		assertEquals(200, full.statusCode(), "the real FTP upload ignores a failed store");
		assertFalse(Files.exists(server.userFolder("alice").resolve("pkg/big.bin")));
	}
}
