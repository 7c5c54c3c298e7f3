package io.github.biaannotations.fiji.commands;

import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;

/**
 * Plugins &gt; BioImage Archive &gt; Local Archive Server...: starts or stops the local archive (the archive's
 * API on this computer) for a workshop, and shows its URL and demo accounts. One server per Fiji session.
 */
@Plugin(type = Command.class, menuPath = "Plugins>BioImage Archive>Local Archive Server...")
public final class LocalArchiveServerCommand extends FeedbackCommand {

	public static final String START = "Start";
	public static final String STOP = "Stop";

	private static LocalArchiveLauncher.Running running;

	@Parameter(label = "Action", choices = { START, STOP }, persist = false)
	private String action = START;

	@Parameter(label = "Port (0 = any free port)", min = "0", max = "65535", persist = false)
	private int port;

	@Parameter(type = ItemIO.OUTPUT, label = "Local archive")
	private String server;

	@Parameter
	private PluginService plugins;

	/** Whether this command has started a local archive that is still running. */
	public static synchronized boolean isRunning() {
		return running != null;
	}

	@Override
	public void run() {
		final CommandFeedback feedback = feedback();
		try {
			synchronized (LocalArchiveServerCommand.class) {
				if (STOP.equalsIgnoreCase(action)) {
					server = running == null ? "No local archive is running" : "Stopped the local archive at " + running.url();
					if (running != null) running.close();
					running = null;
				}
				else if (START.equalsIgnoreCase(action)) {
					if (running == null) running = Backends.first(plugins, LocalArchiveLauncher.class,
						"The local archive server").start(port);
					server = "Local archive at " + running.url() + "\nDemo accounts:\n  " + String.join("\n  ",
						running.demoAccounts()) + "\nUse this URL in Archive Account... to push to it.";
				}
				else throw new IllegalArgumentException("action=" + action + ": expected " + START + " or " + STOP);
			}
			final String password = running != null && START.equalsIgnoreCase(action) ? running.password() : null;
			final String logged = server;
			if (password != null) server += "\nPassword of the demo accounts: " + password;
			feedback.info("Local Archive Server", logged, server);
		}
		catch (final IOException | RuntimeException e) {
			cancel(feedback.error("Local Archive Server", e));
		}
	}
}
