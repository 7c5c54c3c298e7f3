package io.github.biaannotations.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An organisation an author is affiliated with (MIFA {@code OrganisationInfo}). Mutable; see {@link #copy()}. */
public final class Organisation {

	private String name;
	private String address;
	private String rorId;
	private final Map<String, Object> extras = new LinkedHashMap<>();

	public Organisation() {}

	public Organisation(final String name, final String address, final String rorId) {
		this.name = name;
		this.address = address;
		this.rorId = rorId;
	}

	/** {@code organisation_name}, required. */
	public String name() { return name; }
	public Organisation name(final String v) { name = v; return this; }
	/** {@code address}. */
	public String address() { return address; }
	public Organisation address(final String v) { address = v; return this; }
	/** {@code ror_id}: a Research Organization Registry id, bare ({@code 02catss52}) or as a URL. */
	public String rorId() { return rorId; }
	public Organisation rorId(final String v) { rorId = v; return this; }
	/** Keys of the YAML this model does not know, kept so that writing the file back loses nothing. */
	public Map<String, Object> extras() { return extras; }

	public Organisation copy() {
		final Organisation o = new Organisation(name, address, rorId);
		o.extras.putAll(Values.deepCopy(extras));
		return o;
	}

	/** Same name, address and ROR id: the test for sharing one PageTab organisation section. */
	public boolean sameAs(final Organisation o) {
		return Objects.equals(Values.trim(name), Values.trim(o.name)) &&
			Objects.equals(Values.trim(address), Values.trim(o.address)) &&
			Objects.equals(Values.trim(rorId), Values.trim(o.rorId));
	}

	@Override
	public String toString() {
		return name == null ? "(unnamed organisation)" : name;
	}
}
