package io.github.biaannotations.fiji.commands;

import java.io.IOException;
import java.util.List;

import org.scijava.plugin.SciJavaPlugin;

/**
 * The user's submissions at an archive, as lines for people: what {@code Submissions...} shows. A SciJava plugin
 * type so that the archive client provides it with {@code @Plugin(type = ArchiveSubmissions.class)}.
 */
public interface ArchiveSubmissions extends SciJavaPlugin {

	/**
	 * @param password the password; the implementation must not keep, log or echo it
	 * @param accession one submission to show in detail, or null for the list of all
	 * @throws IOException naming the request and HTTP status at fault
	 */
	List<String> report(ArchiveAccount account, char[] password, String accession) throws IOException;
}
