package io.github.biaannotations.archive.server;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a submit body through the local archive's PageTab reading and checking in process, without HTTP, for
 * the fuzz target in another package: the same steps the submit endpoint takes before it registers anything.
 */
public final class PageTabProbe {

	/** The message of the server's 500 for a body it cannot map. */
	public static final String MAPPING_ERROR = PageTabModel.MAPPING_ERROR;

	private static final ObjectMapper JSON = new ObjectMapper();

	private PageTabProbe() {}

	/**
	 * Reads {@code body} as PageTab TSV or JSON and checks it against the files of user {@code login}, whose
	 * folder is {@code area}.
	 *
	 * @return the HTTP status the server would answer the submit with: 200 when accepted, or the status of the
	 *         refusal (400 with the problems found, 403 for a root path outside the user folder, 500 for a body
	 *         that cannot be mapped, a file list that cannot be found or named, or an absolute root path)
	 */
	public static int submitStatus(final boolean tsv, final byte[] body, final String login, final Path area)
		throws IOException
	{
		try {
			final JsonNode pageTab = tsv ? PageTabBodies.tsv(JSON, body) : PageTabBodies.json(JSON, body);
			final PageTabChecker.Result r = new PageTabChecker(JSON).check(pageTab, new UserArea(login, area), null);
			// a file list that cannot be found or named is the real server's 500
			if (r.fileListFailure != null) return 500;
			return r.problems.isEmpty() && r.fileErrors().isEmpty() ? 200 : 400;
		}
		catch (final ApiError e) {
			if (e.getMessage() == null || e.getMessage().isEmpty()) throw new AssertionError("refusal without a message", e);
			if (e.status() == 500 && !MAPPING_ERROR.equals(e.getMessage()) && !e.getMessage().startsWith(
				"The user does not have permission for accessing path")) throw new AssertionError("server error", e);
			return e.status();
		}
	}
}
