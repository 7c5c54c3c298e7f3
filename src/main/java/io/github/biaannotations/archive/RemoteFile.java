package io.github.biaannotations.archive;

/** An entry of a user-area listing ({@code POST /files/user/query}). */
public final class RemoteFile {

	public final String name;
	/** The parent folder as the archive gives it, e.g. {@code user/folder1}. */
	public final String path;
	public final long size;
	public final boolean directory;

	public RemoteFile(final String name, final String path, final long size, final boolean directory) {
		this.name = name;
		this.path = path;
		this.size = size;
		this.directory = directory;
	}
}
