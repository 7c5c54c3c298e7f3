package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.github.biaannotations.model.AtomicFiles;

/**
 * The user file area: upload (streamed to a temporary file, moved into place only when whole), query,
 * create folder, delete and download.
 */
final class FileEndpoints {

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final ServerSettings settings;

	FileEndpoints(final ArchiveStore store, final ObjectMapper json, final ServerSettings settings) {
		this.store = store;
		this.json = json;
		this.settings = settings;
	}

	/** One uploaded part, on disk in the store's temporary folder until the request completes. */
	private static final class Received {

		final String name;
		final Path tmp;
		final long size;

		Received(final String name, final Path tmp, final long size) {
			this.name = name;
			this.tmp = tmp;
			this.size = size;
		}
	}

	void upload(final HttpExchange ex, final UserArea area) throws IOException, ApiError {
		final String boundary = MultipartStreamParser.boundaryOf(ex.getRequestHeaders().getFirst("Content-Type"));
		if (boundary == null) {
			Exchanges.drain(ex);
			throw ApiError.fail(400, "The upload must be multipart/form-data with a boundary");
		}
		final List<Received> received = new ArrayList<>();
		long reserved = 0;
		boolean moved = false;
		try {
			String filePath = "";
			final MultipartStreamParser parts = new MultipartStreamParser(ex.getRequestBody(), boundary);
			while (parts.next()) {
				if (parts.filename() == null) {
					if ("filePath".equals(parts.name())) filePath = new String(parts.body().readNBytes(8192),
						StandardCharsets.UTF_8);
					continue;
				}
				if (!"files".equals(parts.name())) continue;
				final Path tmp = store.tmp().resolve(UUID.randomUUID() + ".part");
				final long size = receive(parts, tmp, parts.filename());
				reserved += size;
				received.add(new Received(parts.filename(), tmp, size));
			}
			if (received.isEmpty()) throw ApiError.fail(400, "The upload has no part named 'files'");
			final Path folder = area.resolve(filePath);
			for (final Received r : received) {
				final Path target = area.resolve(filePath, r.name);
				if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) throw ApiError.fail(400, "Cannot upload '" +
					r.name + "': a folder of that name exists in '" + filePath + "'");
			}
			createFolders(folder, area);
			for (final Received r : received) {
				final Path target = area.resolve(filePath, r.name);
				final long old = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? Files.size(target) : 0;
				AtomicFiles.moveReplacing(r.tmp, target);
				store.release(old);
			}
			moved = true;
		}
		catch (final QuotaExceeded e) {
			Exchanges.drain(ex);
			// The real server's FTP upload ignores what storing a file returned (archive-server-facts.md §2):
			// the upload answers 200 and the file is not there.
			if (!settings.ftpUserFolders) throw ApiError.fail(500, e.getMessage());
		}
		finally {
			if (!moved) {
				for (final Received r : received) {
					Files.deleteIfExists(r.tmp);
				}
				store.release(reserved);
			}
		}
		Exchanges.sendOk(ex);
	}

	/** Signals that the store cannot take the bytes of an upload (quota or a full disk). */
	private static final class QuotaExceeded extends IOException {

		private static final long serialVersionUID = 1L;

		QuotaExceeded(final String message, final Throwable cause) {
			super(message, cause);
		}
	}

	/**
	 * Streams one part to {@code tmp} straight from the parser's buffer, reserving quota as bytes arrive; returns
	 * its size.
	 */
	private long receive(final MultipartStreamParser parts, final Path tmp, final String name) throws IOException {
		long size = 0;
		boolean ok = false;
		try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ByteBuffer chunk;
			while ((chunk = parts.chunk()) != null) {
				final int r = chunk.remaining();
				if (!store.reserve(r)) {
					throw new QuotaExceeded("No space left on device: the archive store quota of " +
						store.quotaBytes() + " bytes is used up (while receiving '" + name + "')", null);
				}
				size += r;
				try {
					while (chunk.hasRemaining()) out.write(chunk);
				}
				catch (final IOException e) {
					throw new QuotaExceeded("Cannot store '" + name + "': " + e.getMessage(), e);
				}
			}
			ok = true;
			return size;
		}
		finally {
			if (!ok) {
				store.release(size);
				Files.deleteIfExists(tmp);
			}
		}
	}

	/**
	 * {@code files/user/query}: the entries of a folder. Each entry's {@code path} is its folder in the user area
	 * ({@code user/<folder>}, normalised) for NFS-type user folders, and echoes the query for FTP-type ones. A
	 * folder's size is that of the folder itself ({@code Files.size}, what an FTP listing shows too), not of
	 * its content.
	 */
	void query(final HttpExchange ex, final UserArea area) throws IOException, ApiError {
		final JsonNode body = Exchanges.jsonBody(ex, json);
		final String path = Exchanges.text(body, "path", "");
		final Path folder = area.resolve(path);
		final String rel = settings.ftpUserFolders ? echoed(path) : area.relative(folder);
		final ArrayNode list = json.createArrayNode();
		for (final Path p : area.list(folder)) {
			final ObjectNode e = list.addObject();
			final boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
			e.put("name", p.getFileName().toString());
			e.put("path", rel.isEmpty() ? "user" : "user/" + rel);
			e.put("size", Files.size(p));
			e.put("type", dir ? "DIR" : "FILE");
		}
		Exchanges.sendJson(ex, 200, json, list);
	}

	/** A query path as the real server's FTP listing gives it back: as written, without trailing slashes. */
	private static String echoed(final String path) {
		String p = path;
		while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
		return p;
	}

	/**
	 * {@code folder/user/create}: for NFS-type user folders, {@code path/fileName} made empty (whatever was there,
	 * file or folder, is deleted first, as the real server's {@code createEmptyFolder}); for FTP-type ones,
	 * {@code path} is created and {@code fileName} ignored.
	 */
	void createFolder(final HttpExchange ex, final UserArea area) throws IOException, ApiError {
		final JsonNode body = Exchanges.jsonBody(ex, json);
		final String path = Exchanges.text(body, "path", "");
		if (settings.ftpUserFolders) {
			createFolders(area.resolve(path), area);
			Exchanges.sendOk(ex);
			return;
		}
		final Path dir = area.resolve(path, Exchanges.text(body, "fileName", null));
		if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) store.release(deleteTree(dir));
		createFolders(dir, area);
		Exchanges.sendOk(ex);
	}

	/** Creates a folder and its parents; a file in the way is the user's error (400), named in the user area. */
	private static void createFolders(final Path dir, final UserArea area) throws IOException, ApiError {
		try {
			Files.createDirectories(dir);
		}
		catch (final FileSystemException e) {
			for (Path p = dir; p != null && p.startsWith(area.root()); p = p.getParent())
				if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
					throw ApiError.fail(400, "Cannot create the folder '" + area.relative(dir) + "': '" + area.relative(
						p) + "' is a file");
			throw e;
		}
	}

	void delete(final HttpExchange ex, final UserArea area) throws IOException, ApiError {
		final JsonNode body = Exchanges.jsonBody(ex, json);
		final Path target = area.resolve(Exchanges.text(body, "path", ""), Exchanges.text(body, "fileName", null));
		if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) throw ApiError.fail(400, "The file '" + area.relative(
			target) + "' does not exist");
		store.release(deleteTree(target));
		Exchanges.sendOk(ex);
	}

	void download(final HttpExchange ex, final UserArea area) throws IOException, ApiError {
		final JsonNode body = Exchanges.jsonBody(ex, json);
		final String name = Exchanges.text(body, "fileName", null);
		final Path file = area.resolve(Exchanges.text(body, "path", ""), name);
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw ApiError.fail(404, "The file '" + area
			.relative(file) + "' does not exist");
		ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
		ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
		ex.sendResponseHeaders(200, Files.size(file));
		try (OutputStream out = ex.getResponseBody()) {
			Files.copy(file, out);
		}
	}

	/** Deletes a file or a folder with its content; returns the bytes freed. */
	private static long deleteTree(final Path target) throws IOException {
		final long[] freed = { 0 };
		Files.walkFileTree(target, new SimpleFileVisitor<Path>() {

			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
				freed[0] += attrs.size();
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(final Path dir, final IOException e) throws IOException {
				if (e != null) throw e;
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
		return freed[0];
	}
}
