package io.github.biaannotations.fiji.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.scijava.plugin.SciJavaPlugin;

import io.github.biaannotations.model.Progress;

/**
 * Uploads a package to an archive and submits it: what {@code Push to Archive...} runs. A SciJava plugin type
 * so that the archive client provides it with {@code @Plugin(type = ArchivePusher.class)}.
 */
public interface ArchivePusher extends SciJavaPlugin {

	/**
	 * @param account the archive's URL and login
	 * @param password the password; the implementation must not keep, log or echo it
	 * @param options the accession to update (or none), the release date given, and who confirms that a study
	 *          becomes public at once
	 * @param log receives lines for people (uploads, status), never the password or the session token
	 * @return the accession and where the files landed
	 * @throws IOException naming the request and HTTP status at fault
	 */
	PushResult push(Path packageDir, ArchiveAccount account, char[] password, PushOptions options,
		Consumer<String> log, Progress progress) throws IOException;
}
