package io.github.biaannotations.archive.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** Small helpers to read requests and write responses of the local archive. */
final class Exchanges {

	/** Largest JSON body of the small endpoints (sign-in, file area) and of form fields: 1 MB. */
	static final int MAX_JSON_BODY = 1 << 20;

	/**
	 * Largest PageTab body (JSON or TSV) accepted: 16 MB. File lists travel as files in the user area, so a
	 * study's PageTab stays far below this. Uploads are streamed and have no such limit.
	 */
	static final int MAX_PAGETAB_BODY = 16 << 20;

	/** Most of an oversized body read and dropped so that the client hears the 413; beyond, the connection is cut. */
	private static final long MAX_DRAIN = 64L << 20;

	/** The request body of a small JSON endpoint; 413 beyond {@link #MAX_JSON_BODY}. */
	static byte[] body(final HttpExchange ex) throws IOException, ApiError {
		return body(ex, MAX_JSON_BODY);
	}

	/**
	 * The whole request body; 413 beyond {@code limit} bytes, announced by {@code Content-Length} or counted as
	 * it arrives, so that no client makes the server hold more than {@code limit} bytes for it.
	 */
	static byte[] body(final HttpExchange ex, final int limit) throws IOException, ApiError {
		final long announced = contentLength(ex);
		if (announced > limit) throw tooLarge(ex, limit);
		final ByteArrayOutputStream out = new ByteArrayOutputStream(announced > 0 ? (int) announced : 1024);
		final byte[] buf = new byte[16384];
		final InputStream in = ex.getRequestBody();
		int r;
		while ((r = in.read(buf)) >= 0) {
			out.write(buf, 0, r);
			if (out.size() > limit) throw tooLarge(ex, limit);
		}
		in.close();
		return out.toByteArray();
	}

	private static long contentLength(final HttpExchange ex) {
		final String v = ex.getRequestHeaders().getFirst("Content-Length");
		try {
			return v == null ? -1 : Long.parseLong(v.trim());
		}
		catch (final NumberFormatException e) {
			return -1;
		}
	}

	/** 413; drops what the client still sends (up to {@link #MAX_DRAIN}) so that it can read the answer. */
	private static ApiError tooLarge(final HttpExchange ex, final int limit) {
		final byte[] buf = new byte[65536];
		long dropped = 0;
		try {
			final InputStream in = ex.getRequestBody();
			int r;
			while (dropped < MAX_DRAIN && (r = in.read(buf)) >= 0) {
				dropped += r;
			}
		}
		catch (final IOException e) {
			// the client is gone
		}
		return ApiError.fail(413, "Request body larger than " + limit + " bytes");
	}

	/** The request body parsed as a JSON object; 400 when it is not one. */
	static JsonNode jsonBody(final HttpExchange ex, final ObjectMapper json) throws IOException, ApiError {
		final byte[] body = body(ex, MAX_JSON_BODY);
		try {
			final JsonNode node = json.readTree(body);
			if (node == null || !node.isObject()) throw ApiError.fail(400, "The request body must be a JSON object");
			return node;
		}
		catch (final JsonProcessingException e) {
			throw ApiError.fail(400, "The request body is not valid JSON: " + e.getOriginalMessage());
		}
		catch (final java.io.CharConversionException e) {
			// found by LocalArchiveServerFuzzTest: bytes that are no Unicode text were a 500
			throw ApiError.fail(400, "The request body is not JSON text in UTF-8: " + e.getMessage());
		}
	}

	/** A text member of a JSON body, or {@code fallback} when absent. */
	static String text(final JsonNode body, final String field, final String fallback) {
		final JsonNode v = body.get(field);
		return v == null || v.isNull() ? fallback : v.asText();
	}

	/** The query parameters of the request URI (first value of each). */
	static Map<String, String> query(final HttpExchange ex) {
		return formFields(ex.getRequestURI().getRawQuery());
	}

	/** Decodes {@code a=1&b=2} (URL-encoded form or query string). */
	static Map<String, String> formFields(final String raw) {
		final Map<String, String> out = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) return out;
		for (final String pair : raw.split("&")) {
			if (pair.isEmpty()) continue;
			final int eq = pair.indexOf('=');
			final String k = decode(eq < 0 ? pair : pair.substring(0, eq));
			final String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
			out.putIfAbsent(k, v);
		}
		return out;
	}

	/** Decodes %-escapes; a broken escape ("%%", "%4") is kept as written (it was a 500: found by fuzzing). */
	private static String decode(final String s) {
		try {
			return URLDecoder.decode(s, StandardCharsets.UTF_8);
		}
		catch (final IllegalArgumentException e) {
			return s;
		}
	}

	static void sendJson(final HttpExchange ex, final int status, final ObjectMapper json, final Object value)
		throws IOException
	{
		final byte[] bytes = json.writeValueAsBytes(value);
		ex.getResponseHeaders().set("Content-Type", "application/json");
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** 200 with an empty body. */
	static void sendOk(final HttpExchange ex) throws IOException {
		ex.sendResponseHeaders(200, -1);
		ex.close();
	}

	/** Reads and drops what the client still sends, so that it can read our answer. */
	static void drain(final HttpExchange ex) {
		final byte[] buf = new byte[65536];
		try (InputStream in = ex.getRequestBody()) {
			while (in.read(buf) >= 0) {
				// discard
			}
		}
		catch (final IOException e) {
			// the client is gone: nothing to answer
		}
	}
}
