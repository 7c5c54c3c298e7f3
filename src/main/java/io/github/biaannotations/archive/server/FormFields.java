package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Reads the small form fields of a request sent as URL-encoded or multipart form data (files are skipped). */
final class FormFields {

	private FormFields() {}

	static Map<String, String> read(final HttpExchange ex) throws IOException, ApiError {
		final String type = ex.getRequestHeaders().getFirst("Content-Type");
		final String boundary = MultipartStreamParser.boundaryOf(type);
		if (boundary == null) {
			final Map<String, String> fields = Exchanges.query(ex);
			fields.putAll(Exchanges.formFields(new String(Exchanges.body(ex), StandardCharsets.UTF_8)));
			return fields;
		}
		final Map<String, String> fields = new LinkedHashMap<>(Exchanges.query(ex));
		final MultipartStreamParser parts = new MultipartStreamParser(ex.getRequestBody(), boundary);
		while (parts.next()) {
			if (parts.filename() == null && parts.name() != null) {
				fields.put(parts.name(), new String(parts.body().readNBytes(65536), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}
}
