package io.github.biaannotations.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An author of a study or of its annotations (MIFA {@code Author}). Mutable so that dialogs and readers can
 * fill it in steps; {@link #copy()} gives an independent copy.
 */
public final class Author {

	private String firstName;
	private String lastName;
	private String email;
	private String orcidId;
	private final List<String> roles = new ArrayList<>();
	private final List<Organisation> organisations = new ArrayList<>();
	private final Map<String, Object> extras = new LinkedHashMap<>();

	public Author() {}

	public Author(final String firstName, final String lastName) {
		this.firstName = firstName;
		this.lastName = lastName;
	}

	/** {@code author_first_name}, required. */
	public String firstName() { return firstName; }
	public Author firstName(final String v) { firstName = v; return this; }
	/** {@code author_last_name}, required. */
	public String lastName() { return lastName; }
	public Author lastName(final String v) { lastName = v; return this; }
	/** {@code email}. */
	public String email() { return email; }
	public Author email(final String v) { email = v; return this; }
	/**
	 * {@code orcid_id} as stored: readers turn {@code https://orcid.org/...} into the bare form; text that is
	 * no ORCID iD at all is kept as given so that validation can name it.
	 */
	public String orcidId() { return orcidId; }
	public Author orcidId(final String v) { orcidId = v; return this; }
	/** {@code role}: a list in MIFA; the archive's own files sometimes give one value. Live list. */
	public List<String> roles() { return roles; }
	/** {@code organisation}: the affiliations, in order. Live list. */
	public List<Organisation> organisations() { return organisations; }
	/** Keys of the YAML this model does not know, kept so that writing the file back loses nothing. */
	public Map<String, Object> extras() { return extras; }

	/** First and last name separated by a space, as PageTab's {@code Name} attribute. */
	public String fullName() {
		final String f = Values.trim(firstName), l = Values.trim(lastName);
		if (f == null) return l == null ? "" : l;
		return l == null ? f : f + " " + l;
	}

	public Author copy() {
		final Author a = new Author(firstName, lastName).email(email).orcidId(orcidId);
		a.roles.addAll(roles);
		for (final Organisation o : organisations)
			a.organisations.add(o.copy());
		a.extras.putAll(Values.deepCopy(extras));
		return a;
	}

	@Override
	public String toString() {
		return fullName();
	}
}
