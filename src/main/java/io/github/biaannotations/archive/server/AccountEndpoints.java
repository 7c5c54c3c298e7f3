package io.github.biaannotations.archive.server;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** {@code /auth/login}, {@code /auth/signin}, {@code /auth/profile}, {@code /auth/logout} and {@code /collections}. */
final class AccountEndpoints {

	/** The one collection of the local archive. */
	static final String COLLECTION = "BioImages";

	private final ArchiveStore store;
	private final ObjectMapper json;
	private final ServerSettings settings;

	AccountEndpoints(final ArchiveStore store, final ObjectMapper json, final ServerSettings settings) {
		this.store = store;
		this.json = json;
		this.settings = settings;
	}

	void login(final HttpExchange ex) throws IOException, ApiError {
		final JsonNode body = Exchanges.jsonBody(ex, json);
		// archive-api.md: the login field takes the login or the e-mail address
		final String login = store.accountOf(Exchanges.text(body, "login", null));
		final String token = store.login(login, Exchanges.text(body, "password", null));
		Exchanges.sendJson(ex, 200, json, profile(login, token));
	}

	void profile(final HttpExchange ex, final String login, final String token) throws IOException {
		Exchanges.sendJson(ex, 200, json, profile(login, token));
	}

	void logout(final HttpExchange ex, final String headerToken) throws IOException, ApiError {
		final byte[] raw = Exchanges.body(ex);
		String token = headerToken;
		if (raw.length > 0) {
			try {
				final JsonNode body = json.readTree(raw);
				if (body != null && body.hasNonNull("sessid")) token = body.get("sessid").asText();
			}
			catch (final IOException e) {
				throw ApiError.fail(400, "The request body is not valid JSON");
			}
		}
		if (token != null) store.logout(token);
		Exchanges.sendOk(ex);
	}

	void collections(final HttpExchange ex) throws IOException {
		final ArrayNode list = json.createArrayNode();
		final ObjectNode c = list.addObject();
		c.put("accno", COLLECTION);
		c.put("title", "BioImage Archive (local)");
		Exchanges.sendJson(ex, 200, json, list);
	}

	private ObjectNode profile(final String login, final String token) {
		final ObjectNode p = json.createObjectNode();
		p.put("sessid", token);
		p.put("email", ArchiveStore.emailOf(login));
		p.put("username", login);
		p.put("fullname", login);
		final LocalArchiveServer.Role role = store.roleOf(login);
		p.put("superuser", role == LocalArchiveServer.Role.SUPERUSER);
		p.put("orcid", "");
		final ArrayNode allow = p.putArray("allow");
		if (role != LocalArchiveServer.Role.PLAIN) allow.add(COLLECTION);
		p.putArray("deny");
		p.put("secret", store.secretOf(login));
		p.put("uploadType", settings.ftpUserFolders ? "ftp" : "nfs");
		p.put("lastActivity", System.currentTimeMillis());
		return p;
	}
}
