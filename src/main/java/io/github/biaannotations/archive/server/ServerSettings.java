package io.github.biaannotations.archive.server;

/**
 * The choices of a local archive where the real server's production configuration is unknown, and its
 * processing pace (see {@link LocalArchiveServer.Options}).
 */
final class ServerSettings {

	final boolean asyncMode;
	final boolean preventFileDeletion;
	final boolean ftpUserFolders;
	final long stageDelayMillis;
	final long postProcessDelayMillis;

	ServerSettings(final boolean asyncMode, final boolean preventFileDeletion, final boolean ftpUserFolders,
		final long stageDelayMillis, final long postProcessDelayMillis)
	{
		this.asyncMode = asyncMode;
		this.preventFileDeletion = preventFileDeletion;
		this.ftpUserFolders = ftpUserFolders;
		this.stageDelayMillis = stageDelayMillis;
		this.postProcessDelayMillis = postProcessDelayMillis;
	}

	/** Settings for in-process checks (tests, fuzzing): the defaults of {@link LocalArchiveServer.Options}. */
	static ServerSettings defaults() {
		return new ServerSettings(false, true, false, 0, 0);
	}
}
