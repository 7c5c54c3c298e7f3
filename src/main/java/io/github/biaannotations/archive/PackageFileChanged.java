package io.github.biaannotations.archive;

import java.io.IOException;

/**
 * A package file read for an upload is not what it should be: its bytes differ from the sha256 the package's
 * manifest gives (changed after export, or after validation while the push ran), or it became shorter. The
 * request fails before the file's last bytes are sent, so the archive never stores it; sending it again would
 * not help.
 */
final class PackageFileChanged extends IOException {

	private static final long serialVersionUID = 1L;

	PackageFileChanged(final String message) {
		super(message);
	}

	/** The PackageFileChanged among the causes of {@code e} (the HTTP client wraps what a body fails with), or null. */
	static PackageFileChanged in(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof PackageFileChanged) return (PackageFileChanged) t;
		}
		return null;
	}
}
