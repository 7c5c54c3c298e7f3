package io.github.biaannotations.metadata;

import java.util.Optional;

/**
 * The licences the BioImage Archive accepts, with the spelling of each in the MIFA YAML (the schema's
 * {@code LicenseType}) and in PageTab.
 */
public enum License {
	CC0("CC0", "CC0", "https://creativecommons.org/publicdomain/zero/1.0/legalcode"),
	CC_BY("CC_BY", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/legalcode");

	private final String mifa;
	private final String pageTab;
	private final String url;

	License(final String mifa, final String pageTab, final String url) {
		this.mifa = mifa;
		this.pageTab = pageTab;
		this.url = url;
	}

	/** The value written in {@code Study.yaml}: {@code CC0} or {@code CC_BY}. */
	public String mifa() {
		return mifa;
	}

	/** The value of the PageTab {@code License} attribute: {@code CC0} or {@code CC BY 4.0}. */
	public String pageTab() {
		return pageTab;
	}

	/** The legal code URL, written as the {@code URL} value qualifier in PageTab. */
	public String url() {
		return url;
	}

	/**
	 * Reads a licence in any of the spellings people use for these two ({@code CC_BY}, {@code CC BY 4.0},
	 * {@code CC-BY-4.0}, {@code cc0}, ...); empty when the text names another licence.
	 */
	public static Optional<License> parse(final String text) {
		if (text == null) return Optional.empty();
		final String s = text.trim().toUpperCase().replaceAll("[\\s_\\-]+", "");
		if (s.equals("CC0") || s.equals("CC01.0")) return Optional.of(CC0);
		if (s.equals("CCBY") || s.equals("CCBY4.0") || s.equals("CCBY4")) return Optional.of(CC_BY);
		return Optional.empty();
	}

	@Override
	public String toString() {
		return pageTab;
	}
}
