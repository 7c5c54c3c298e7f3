package io.github.biaannotations.model;

import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Paths;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** How an error is told to people: in one line that names what is at fault, without Java's class names. */
public final class Errors {

	private Errors() {}

	/**
	 * One line for people: file-system errors name the file and the reason in words; JSON errors give the
	 * parser's own message and the line and column; other errors give their message, or their kind when they
	 * have none.
	 */
	public static String oneLine(final Throwable e) {
		if (e instanceof FileSystemException) {
			final FileSystemException f = (FileSystemException) e;
			// a missing file is said one way, whatever reason the code that found it gave
			return f.getFile() + ": " + (f.getReason() != null && !(f instanceof NoSuchFileException) ? f.getReason()
				: reason(f));
		}
		if (e instanceof JsonProcessingException) {
			final JsonProcessingException j = (JsonProcessingException) e;
			final JsonLocation at = j.getLocation();
			// the parser names places as "[Source: REDACTED (...); line: 1, column: 34]": kept as the line and column
			final String m = j.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]",
				"line $1, column $2");
			return m + (at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() +
				", column " + at.getColumnNr() + ")");
		}
		if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isBlank()))
			return "connection refused";
		final String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
	}

	/** The reason of a file-system error that gives none, in words. */
	private static String reason(final FileSystemException f) {
		if (f instanceof NoSuchFileException) return f.getFile() != null && Files.isDirectory(Paths.get(f.getFile()))
			? "is a folder, not a file" : "no such file";
		if (f instanceof FileAlreadyExistsException) return f.getFile() != null && Files.isRegularFile(Paths.get(f
			.getFile())) ? "is a file, where a folder is needed" : "already exists";
		if (f instanceof AccessDeniedException) return "permission denied";
		if (f instanceof NotDirectoryException) return "not a folder";
		if (f instanceof DirectoryNotEmptyException) return "folder not empty";
		return "cannot be read or written";
	}
}
