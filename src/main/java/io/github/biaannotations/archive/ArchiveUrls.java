package io.github.biaannotations.archive;

import java.net.URI;
import java.util.Locale;

/**
 * Checks an archive base URL before anything is sent to it: HTTPS for every host but the local machine
 * (where the local archive runs over plain HTTP), no credentials inside the URL.
 */
public final class ArchiveUrls {

	private ArchiveUrls() {}

	/**
	 * Returns the URL with a trailing slash, ready to resolve API paths against.
	 *
	 * @throws ArchiveException of kind USAGE when the URL is not acceptable
	 */
	public static URI checked(final String url) throws ArchiveException {
		final URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (final IllegalArgumentException e) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Not a URL: '" + shown(url) + "'", e);
		}
		final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "The archive URL must be https://host/...: '" +
				shown(url) + "'", null);
		}
		if (uri.getRawUserInfo() != null) throw new ArchiveException(ArchiveException.Kind.USAGE,
			"The archive URL must not contain a user name or password", null);
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			throw new ArchiveException(ArchiveException.Kind.USAGE, "Refusing plain HTTP to " + uri.getHost() +
				": passwords and data would travel unencrypted. Use https:// (plain http:// is allowed only for " +
				"the local machine)", null);
		}
		final String s = uri.toString();
		return URI.create(s.endsWith("/") ? s : s + "/");
	}

	/** The URL as it may be shown in a message: a user name and password inside it are replaced by "***". */
	static String shown(final String url) {
		return url.replaceAll("(?<=//)[^/?#]*@", "***@");
	}

	/** Whether a host names this machine: localhost, 127.0.0.0/8 or ::1 (no DNS lookup). */
	static boolean isLoopback(final String host) {
		final String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
		if (h.equals("localhost") || h.endsWith(".localhost")) return true;
		if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) return true;
		return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}
}
