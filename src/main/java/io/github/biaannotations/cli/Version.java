package io.github.biaannotations.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), or "development" when run from classes. */
final class Version implements IVersionProvider {

	static String get() {
		final String v = Version.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	@Override
	public String[] getVersion() {
		return new String[] { "bia-annotations " + get() };
	}
}
