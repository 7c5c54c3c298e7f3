package io.github.biaannotations.fiji.commands;

import java.awt.GraphicsEnvironment;

import org.scijava.log.LogService;
import org.scijava.ui.DialogPrompt;
import org.scijava.ui.UIService;

import io.github.biaannotations.model.Errors;

/**
 * How the commands tell people what happened: always in the log (headless runs have nothing else), and in a
 * dialog when there is a user interface to show one.
 */
final class CommandFeedback {

	private final LogService log;
	private final UIService ui;

	CommandFeedback(final LogService log, final UIService ui) {
		this.log = log;
		this.ui = ui;
	}

	/** Whether dialogs can be shown: a display and a user interface. */
	boolean interactive() {
		return ui != null && !ui.isHeadless() && !GraphicsEnvironment.isHeadless();
	}

	void info(final String title, final String message) {
		info(title, message, message);
	}

	/** Logs {@code logged} and shows {@code shown}: for messages whose shown form holds what a log must not. */
	void info(final String title, final String logged, final String shown) {
		if (log != null) log.info(title + ": " + logged);
		if (interactive()) ui.showDialog(shown, title, DialogPrompt.MessageType.INFORMATION_MESSAGE);
	}

	/** Logs and shows a failure; returns the one-line message for the command's cancel reason. */
	String error(final String title, final Throwable e) {
		final String message = Errors.oneLine(e);
		if (log != null) log.error(title + ": " + message);
		if (interactive()) ui.showDialog(message, title, DialogPrompt.MessageType.ERROR_MESSAGE);
		return message;
	}

	/** Asks a yes/no question; false without a user interface. */
	boolean confirm(final String title, final String question) {
		return interactive() && ui.showDialog(question, title, DialogPrompt.MessageType.QUESTION_MESSAGE,
			DialogPrompt.OptionType.YES_NO_OPTION) == DialogPrompt.Result.YES_OPTION;
	}
}
