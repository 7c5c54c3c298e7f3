package io.github.biaannotations.archive.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered by the local archive with the HTTP status and body the real BioStudies server uses:
 * either the submission-API form {@code {"status":"FAIL","log":{"level":"ERROR","message":...,"subnodes":[...]}}}
 * or, for authorisation problems, the security form {@code {"message":"..."}}.
 */
final class ApiError extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;
	private final boolean plainMessage;
	private final List<String> subnodes;

	private ApiError(final int status, final String message, final boolean plainMessage, final List<String> subnodes) {
		super(message);
		this.status = status;
		this.plainMessage = plainMessage;
		this.subnodes = Collections.unmodifiableList(new ArrayList<>(subnodes));
	}

	/** A FAIL body with the given status, message and causes (one subnode each). */
	static ApiError fail(final int status, final String message, final List<String> causes) {
		return new ApiError(status, message, false, causes);
	}

	static ApiError fail(final int status, final String message) {
		return fail(status, message, Collections.emptyList());
	}

	/** 401 with the body the server's security layer sends for a missing or unknown token. */
	static ApiError unauthorized() {
		return new ApiError(401, "Problems authorizing user.", true, Collections.emptyList());
	}

	/** 403 {@code {"message": ...}}. */
	static ApiError forbidden(final String message) {
		return new ApiError(403, message, true, Collections.emptyList());
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
		if (plainMessage) {
			body.put("message", getMessage());
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
