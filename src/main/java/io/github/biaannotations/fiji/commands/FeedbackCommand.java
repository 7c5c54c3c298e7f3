package io.github.biaannotations.fiji.commands;

import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

/**
 * A command that reports to the log and, when there is a user interface, in dialogs: what the archive and
 * import commands share. Headless, every message still reaches the log.
 */
abstract class FeedbackCommand extends ContextCommand {

	@Parameter(required = false)
	protected LogService log;

	@Parameter(required = false)
	private UIService ui;

	protected CommandFeedback feedback() {
		return new CommandFeedback(log, ui);
	}
}
