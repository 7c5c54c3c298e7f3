package io.github.biaannotations.metadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dataset version, the content of the archive's {@code Version.yaml}. */
public final class VersionMetadata {

	private String version;
	private String timestamp;
	private String changes;
	private String previousVersion;
	private final Map<String, Object> extras = new LinkedHashMap<>();

	/** A first version, {@code "1"}, stamped with the given time (ISO 8601, UTC, whole seconds). */
	public static VersionMetadata initial(final Instant now) {
		return new VersionMetadata().version("1").timestamp(now.truncatedTo(ChronoUnit.SECONDS).toString());
	}

	/** {@code version}, required; text such as {@code "1.1"}. */
	public String version() { return version; }
	public VersionMetadata version(final String v) { version = v; return this; }
	/** {@code timestamp}, required: ISO 8601 date-time, kept as written. */
	public String timestamp() { return timestamp; }
	public VersionMetadata timestamp(final String v) { timestamp = v; return this; }
	/** {@code changes} compared with the previous version. */
	public String changes() { return changes; }
	public VersionMetadata changes(final String v) { changes = v; return this; }
	/** {@code previous_version}: a pointer (usually a URL) to the previous version. */
	public String previousVersion() { return previousVersion; }
	public VersionMetadata previousVersion(final String v) { previousVersion = v; return this; }
	/** Keys of the YAML this model does not know, kept so that writing the file back loses nothing. */
	public Map<String, Object> extras() { return extras; }

	public VersionMetadata copy() {
		final VersionMetadata v = new VersionMetadata().version(version).timestamp(timestamp).changes(changes)
			.previousVersion(previousVersion);
		v.extras.putAll(Values.deepCopy(extras));
		return v;
	}
}
