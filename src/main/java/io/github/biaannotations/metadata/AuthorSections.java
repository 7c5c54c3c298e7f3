package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PageTab {@code author} and {@code organisation} subsections: each distinct organisation once, with accno
 * {@code o1}, {@code o2}, ..., referenced from its authors' {@code affiliation} attributes. Study authors come
 * first; annotation authors not already among them follow.
 */
final class AuthorSections {

	private final List<Author> authors = new ArrayList<>();
	private final List<Organisation> organisations = new ArrayList<>();

	AuthorSections(final List<Author> studyAuthors, final List<Author> annotationAuthors) {
		authors.addAll(studyAuthors);
		for (final Author a : annotationAuthors)
			if (authors.stream().noneMatch(s -> samePerson(s, a))) authors.add(a);
		for (final Author a : authors)
			for (final Organisation o : a.organisations())
				if (!Values.isBlank(o.name()) && organisations.stream().noneMatch(x -> x.sameAs(o)))
					organisations.add(o);
	}

	void addTo(final ArrayNode subs) {
		for (final Author a : authors) {
			final ArrayNode attrs = PageTabBuilder.section(subs, null, "author");
			PageTabBuilder.attr(attrs, "Name", a.fullName());
			PageTabBuilder.attr(attrs, "E-mail", a.email());
			PageTabBuilder.attr(attrs, "Role", String.join(", ", a.roles()));
			PageTabBuilder.attr(attrs, "ORCID", Identifiers.normaliseOrcid(Values.trim(a.orcidId())));
			for (final Organisation o : a.organisations()) {
				final int i = indexOf(o);
				if (i < 0) continue;
				final ObjectNode ref = PageTabBuilder.attr(attrs, "affiliation", "o" + (i + 1));
				ref.put("reference", true);
			}
		}
		for (int i = 0; i < organisations.size(); i++) {
			final Organisation o = organisations.get(i);
			final ArrayNode attrs = PageTabBuilder.section(subs, "o" + (i + 1), "organisation");
			PageTabBuilder.attr(attrs, "Name", o.name());
			PageTabBuilder.attr(attrs, "Address", o.address());
			PageTabBuilder.attr(attrs, "ROR", o.rorId());
		}
	}

	private int indexOf(final Organisation o) {
		for (int i = 0; i < organisations.size(); i++)
			if (organisations.get(i).sameAs(o)) return i;
		return -1;
	}

	private static boolean samePerson(final Author a, final Author b) {
		if (!a.fullName().toLowerCase(Locale.ROOT).equals(b.fullName().toLowerCase(Locale.ROOT))) return false;
		final String ea = Values.trim(a.email()), eb = Values.trim(b.email());
		return ea == null || eb == null || ea.equalsIgnoreCase(eb);
	}
}
