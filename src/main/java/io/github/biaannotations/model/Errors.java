package io.github.biaannotations.model;

import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** How an error is told to people: in one line that names what is at fault. */
public final class Errors {

	private Errors() {}

	/**
	 * One line for people: file-system errors name the file and the reason; other errors give their message,
	 * or their kind when they have none.
	 */
	public static String oneLine(final Throwable e) {
		if (e instanceof NoSuchFileException) return ((NoSuchFileException) e).getFile() + ": no such file";
		if (e instanceof FileSystemException) {
			final FileSystemException f = (FileSystemException) e;
			return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
		}
		final String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
	}
}
