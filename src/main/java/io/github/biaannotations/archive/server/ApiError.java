package io.github.biaannotations.archive.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered by the local archive with the HTTP status and body the real BioStudies server uses:
 * the submission-API form {@code {"status":"FAIL","log":{"level":"ERROR","message":...,"subnodes":[...]}}},
 * for authorisation problems the security form {@code {"message":"..."}}, or for an unknown token the
 * servlet container's error body.
 */
final class ApiError extends Exception {

	private static final long serialVersionUID = 1L;

	/** The shapes of error bodies. */
	private enum Form {
		FAIL, MESSAGE, CONTAINER
	}

	private final int status;
	private final Form form;
	private final List<String> subnodes;

	private ApiError(final int status, final String message, final Form form, final List<String> subnodes) {
		super(message);
		this.status = status;
		this.form = form;
		this.subnodes = Collections.unmodifiableList(new ArrayList<>(subnodes));
	}

	/** A FAIL body with the given status, message and causes (one subnode each). */
	static ApiError fail(final int status, final String message, final List<String> causes) {
		return new ApiError(status, message, Form.FAIL, causes);
	}

	static ApiError fail(final int status, final String message) {
		return fail(status, message, Collections.emptyList());
	}

	/**
	 * 401 with the body the server's security layer ({@code SecurityAuthEntryPoint}) sends for a request
	 * without a token: {@code {"message": ...}} with Spring Security's message for it.
	 */
	static ApiError unauthorized() {
		return new ApiError(401, "Full authentication is required to access this resource", Form.MESSAGE,
			Collections.emptyList());
	}

	/**
	 * 500 for an unknown or invalid token. The real server's security filter throws
	 * {@code UserNotFoundByTokenException} outside its controller advice (archive-server-facts.md §1), so the
	 * answer comes from the servlet container. Unconfirmed: the body here is Spring Boot's default error body
	 * (timestamp, status, error, path; no message), which is what a Boot application gives for an exception
	 * thrown in a filter; it may instead be Tomcat's HTML error page.
	 */
	static ApiError unknownToken(final String path) {
		return new ApiError(500, path, Form.CONTAINER, Collections.emptyList());
	}

	/** 403 {@code {"message": ...}}. */
	static ApiError forbidden(final String message) {
		return new ApiError(403, message, Form.MESSAGE, Collections.emptyList());
	}

	/** 401 with the FAIL body the login endpoint sends for wrong credentials. */
	static ApiError invalidCredentials() {
		return fail(401, "Invalid email address or password.");
	}

	int status() {
		return status;
	}

	List<String> subnodes() {
		return subnodes;
	}

	/** The JSON body of this error. */
	ObjectNode body(final ObjectMapper json) {
		final ObjectNode body = json.createObjectNode();
		if (form == Form.MESSAGE) {
			body.put("message", getMessage());
			return body;
		}
		if (form == Form.CONTAINER) {
			body.put("timestamp", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
			body.put("status", status);
			body.put("error", "Internal Server Error");
			body.put("path", getMessage());
			return body;
		}
		body.put("status", "FAIL");
		body.set("log", logNode(json, getMessage(), subnodes));
		return body;
	}

	static ObjectNode logNode(final ObjectMapper json, final String message, final List<String> causes) {
		final ObjectNode log = json.createObjectNode();
		log.put("level", "ERROR");
		log.put("message", message);
		final ArrayNode nodes = log.putArray("subnodes");
		for (final String cause : causes) {
			final ObjectNode node = nodes.addObject();
			node.put("level", "ERROR");
			node.put("message", cause);
			node.putArray("subnodes");
		}
		return log;
	}
}
