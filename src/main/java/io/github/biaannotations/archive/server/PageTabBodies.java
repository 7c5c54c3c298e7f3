package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the body of a submit or check-pagetab request as PageTab: JSON as sent, or TSV converted to JSON.
 * Anything else is answered with the 400 the real server gives.
 */
final class PageTabBodies {

	private PageTabBodies() {}

	static JsonNode json(final ObjectMapper json, final byte[] body) throws ApiError {
		try {
			final JsonNode node = json.readTree(body);
			if (node == null || !node.isObject()) throw ApiError.fail(400, "Submission validation errors", List.of(
				"The PageTab body must be a JSON object"));
			return node;
		}
		catch (final IOException e) {
			throw ApiError.fail(400, "Submission validation errors", List.of("The PageTab body is not valid JSON: " +
				e.getMessage()));
		}
	}

	static JsonNode tsv(final ObjectMapper json, final byte[] body) throws ApiError {
		final JsonNode node = new PageTabTsv(json).parse(new String(body, StandardCharsets.UTF_8));
		// found by LocalArchiveServerFuzzTest: a TSV without a submission line gave a NullPointerException (500)
		if (node == null || !node.isObject()) throw ApiError.fail(400, "TSV parse errors", List.of(
			"The PageTab TSV holds no submission (a first line starting with 'Submission')"));
		return node;
	}
}
