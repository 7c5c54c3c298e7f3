package io.github.biaannotations.archive;

import io.github.biaannotations.archive.server.LocalArchiveServer;

/**
 * The real archive's settings that nobody here knows for production (archive-server-facts.md, open questions):
 * the client's tests run against a local archive with each.
 */
public enum ArchiveSetup {

	/** NFS user folders; files mapped while answering the submit (asyncMode false, the server's default); file
	 * changes of a released study refused (preventFileDeletion). */
	DEFAULT(false, true, false),
	/** asyncMode: the submit is accepted at once and a missing file makes the request INVALID later. */
	ASYNC_MODE(true, true, false),
	/** preventFileDeletion off: a new version of a released study may replace and remove files. */
	FILE_CHANGES_ALLOWED(false, false, false),
	/** FTP user folders: listings echo the query's path, and a failed store still answers 200. */
	FTP_FOLDERS(false, true, true);

	public final boolean asyncMode;
	public final boolean preventFileDeletion;
	public final boolean ftp;

	ArchiveSetup(final boolean asyncMode, final boolean preventFileDeletion, final boolean ftp) {
		this.asyncMode = asyncMode;
		this.preventFileDeletion = preventFileDeletion;
		this.ftp = ftp;
	}

	/** The options with this setup, and a short post-processing so that tests need not wait. */
	public LocalArchiveServer.Options apply(final LocalArchiveServer.Options options) {
		return options.asyncMode(asyncMode).preventFileDeletion(preventFileDeletion).ftpUserFolders(ftp)
			.postProcessDelayMillis(20);
	}
}
