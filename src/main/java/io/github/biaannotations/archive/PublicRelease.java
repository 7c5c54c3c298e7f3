package io.github.biaannotations.archive;

/**
 * Asked before a push would make a study public as soon as the archive has processed it (a release date of today,
 * in UTC, as the archive counts it, that the user did not choose explicitly). Public studies cannot be deleted by
 * their authors, so this needs the user's yes: a prompt at the terminal, a dialog in Fiji.
 */
public interface PublicRelease {

	/** Says no: such a push stops before anything is uploaded, saying how to give the release date explicitly. */
	PublicRelease REFUSE = question -> false;

	/**
	 * @param question what will happen, in a sentence or two, for the user to say yes or no to
	 * @return true to go on and submit
	 */
	boolean confirm(String question);
}
