package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the body of a submit or check-pagetab request as PageTab: JSON as sent, or TSV converted to JSON, in
 * the shape the real server maps it to ({@link PageTabModel}). JSON that cannot be read is a mapping error
 * (500, as the real server's deserialisation fails); TSV that cannot be parsed is a 400.
 */
final class PageTabBodies {

	private PageTabBodies() {}

	static JsonNode json(final ObjectMapper json, final byte[] body) throws ApiError {
		final JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (final IOException e) {
			throw PageTabModel.mapping("The PageTab body is not valid JSON: " + e.getMessage());
		}
		if (node == null || !node.isObject()) throw PageTabModel.mapping("The PageTab body must be a JSON object");
		return new PageTabModel(json).submission(node);
	}

	static JsonNode tsv(final ObjectMapper json, final byte[] body) throws ApiError {
		final JsonNode node = new PageTabTsv(json).parse(new String(body, StandardCharsets.UTF_8));
		// found by LocalArchiveServerFuzzTest: a TSV without a submission line gave a NullPointerException (500)
		if (node == null || !node.isObject()) throw ApiError.fail(400, "TSV parse errors", List.of(
			"The PageTab TSV holds no submission (a first line starting with 'Submission')"));
		return new PageTabModel(json).submission(node);
	}
}
