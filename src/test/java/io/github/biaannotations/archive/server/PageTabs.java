package io.github.biaannotations.archive.server;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.biaannotations.archive.TestPackages;

/** PageTab JSON submissions for the contract tests: the test package's study, with root attributes changed. */
final class PageTabs {

	private final ObjectNode node;

	private PageTabs(final ObjectNode node) {
		this.node = node;
	}

	/** A BioImages study whose annotations are listed in {@code fileList}, released on {@code releaseDate}. */
	static PageTabs study(final String title, final String releaseDate, final String fileList) {
		try {
			return new PageTabs((ObjectNode) ServerCalls.JSON.readTree(TestPackages.pageTab(title, releaseDate,
				fileList)));
		}
		catch (final JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Today, the UTC date: a study released today is public at once. */
	static String today() {
		return LocalDate.now(ZoneOffset.UTC).toString();
	}

	static String future() {
		return TestPackages.futureDate();
	}

	static String past() {
		return LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
	}

	/** Sets a root attribute (added when absent). */
	PageTabs with(final String name, final String value) {
		for (final JsonNode a : node.path("attributes")) {
			if (name.equals(a.path("name").asText())) {
				((ObjectNode) a).put("value", value);
				return this;
			}
		}
		((ArrayNode) node.get("attributes")).addObject().put("name", name).put("value", value);
		return this;
	}

	/** Removes a root attribute. */
	PageTabs without(final String name) {
		final ArrayNode attributes = (ArrayNode) node.get("attributes");
		for (int i = attributes.size() - 1; i >= 0; i--) {
			if (name.equals(attributes.get(i).path("name").asText())) attributes.remove(i);
		}
		return this;
	}

	/** A new version of {@code accNo}. */
	PageTabs accno(final String accNo) {
		node.put("accno", accNo);
		return this;
	}

	@Override
	public String toString() {
		return node.toString();
	}
}
